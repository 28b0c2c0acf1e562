"""The data migration of issue 20: reviews scheduled before study days counted are moved to the
start of their study day (the learner's day start, 04:00 by default), nothing else changes."""

import importlib
from datetime import UTC, datetime

from django.apps import apps

from flashcards import services
from flashcards.models import LearnerCard, LearnerSettings, State
from tests.flashcards.conftest import T0

snap = importlib.import_module(
    "flashcards.migrations.0003_reviews_due_at_day_start"
).snap_reviews_to_day_start


def test_old_reviews_become_due_at_the_start_of_their_study_day(alice, bob, document):
    LearnerSettings.objects.create(user=bob, day_starts_at=0)
    for user in (alice, bob):
        services.start_studying(user, document, now=T0)
    # 9 March, 09:11 UTC = 16:11 in Hanoi: study day 9 March.
    old_due = datetime(2026, 3, 9, 9, 11, tzinfo=UTC)
    LearnerCard.objects.update(state=State.REVIEW, due=old_due, stability=3.0, difficulty=5.0)
    learning = LearnerCard.objects.filter(user=alice).first()
    LearnerCard.objects.filter(pk=learning.pk).update(state=State.LEARNING)
    snap(apps, None)
    alice_due = set(
        LearnerCard.objects.filter(user=alice, state=State.REVIEW).values_list("due", flat=True)
    )
    bob_due = set(LearnerCard.objects.filter(user=bob).values_list("due", flat=True))
    assert alice_due == {datetime(2026, 3, 8, 21, 0, tzinfo=UTC)}  # 04:00 on 9 March in Hanoi
    assert bob_due == {datetime(2026, 3, 8, 17, 0, tzinfo=UTC)}  # midnight in Hanoi
    assert LearnerCard.objects.get(pk=learning.pk).due == old_due  # learning steps untouched
