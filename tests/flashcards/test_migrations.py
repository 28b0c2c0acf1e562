"""flashcards' data migrations: rows stored before a change get what it would have given them,
so a learner's schedule and figures are the same the day after the upgrade. Issue 20: reviews
scheduled before study days counted are moved to the start of their study day (the learner's
day start, 04:00 by default), nothing else changes. Issue 18: each rating gets the interval its
card had (its previous rating's days), each card the interval its last rating gave; and each
card the day of its last rating and how that day's ratings found it (what today's limits read)."""

import importlib
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

from flashcards import services
from flashcards.models import LearnerCard, LearnerSettings, ReviewLog, State
from progress import stats
from tests.support.flashcards import T0

GOOD = 3
snap = importlib.import_module(
    "flashcards.migrations.0003_reviews_due_at_day_start"
).snap_reviews_to_day_start
last_interval = importlib.import_module("flashcards.migrations.0007_review_log_last_interval")


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


def test_ratings_stored_before_last_interval_get_their_previous_ratings_days(alice, document):
    services.start_studying(alice, document, now=T0)
    cards = list(LearnerCard.objects.filter(user=alice).order_by("pk")[:2])
    for card in cards:
        for version in range(1, 5):
            services.rate(alice, card.pk, version, GOOD, now=T0 + timedelta(days=version))
    first, second = cards
    logs = list(ReviewLog.objects.filter(learner_card=first).order_by("pk"))
    # Days the ratings gave, chosen so that each rating's previous one shows; the last two at
    # the same instant, where the one stored first is the previous one.
    for log, days in zip(logs, (5, 30, 7, 40), strict=True):
        ReviewLog.objects.filter(pk=log.pk).update(scheduled_days=days)
    ReviewLog.objects.filter(pk=logs[3].pk).update(reviewed_at=logs[2].reviewed_at)
    expected_second = [0, *(log.scheduled_days for log in second.reviews.order_by("pk"))][:4]
    # As the rows were before the migration: no interval anywhere.
    ReviewLog.objects.update(last_interval=0)
    LearnerCard.objects.update(interval=0)

    last_interval.fill_intervals(apps, SimpleNamespace(connection=connection))

    assert [log.last_interval for log in first.reviews.order_by("pk")] == [0, 5, 30, 7]
    assert [log.last_interval for log in second.reviews.order_by("pk")] == expected_second
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.interval == 40
    assert second.interval == second.reviews.order_by("-pk").first().scheduled_days
    untouched = LearnerCard.objects.filter(user=alice, last_review__isnull=True)
    assert untouched.exists() and not untouched.exclude(interval=0).exists()
    # The progress page counts the mature rating (after 30 days) from the filled rows.
    retention = stats.retention_counts(alice, T0.date() + timedelta(days=10))
    assert sum(n for (_day, mature, _failed), n in retention.items() if mature) == 1


shown_day = importlib.import_module("flashcards.migrations.0008_learner_card_shown_day")


def test_cards_rated_before_shown_day_get_what_their_ratings_would_have_given_them(
    alice, bob, document
):
    """Each card gets the day of its last rating and how that day's ratings found it, as
    rating keeps them now: today's limits and burying are the same the day after the upgrade."""
    for user in (alice, bob):
        services.start_studying(user, document, now=T0)
    cards = list(LearnerCard.objects.filter(user=alice).order_by("pk")[:3])
    # The first card: rated new on day 1, then twice in review on day 4. The second: twice on
    # day 1, new then learning. The third: never. Bob's first card: once on day 1.
    plan = [(cards[0], 0), (cards[1], 0), (cards[1], 0), (cards[0], 3), (cards[0], 3)]
    for card, days in plan:
        card.refresh_from_db()
        if days:
            LearnerCard.objects.filter(pk=card.pk).update(state=State.REVIEW)
            card.refresh_from_db()
        rating = 1 if days else GOOD
        now = T0 + timedelta(days=days)
        assert services.rate(alice, card.pk, card.version, rating, now=now).applied
    bobs = LearnerCard.objects.filter(user=bob).order_by("pk").first()
    services.rate(bob, bobs.pk, bobs.version, GOOD, now=T0)
    fields = ("shown_day", "shown_new", "shown_reviews", "shown_seen")
    rated = {c.pk: tuple(getattr(c, f) for f in fields) for c in LearnerCard.objects.all()}
    # As the rows were before the migration: nothing shown anywhere.
    LearnerCard.objects.update(shown_day=None, shown_new=0, shown_reviews=0, shown_seen=0)

    shown_day.fill_shown(apps, SimpleNamespace(connection=connection))

    filled = {c.pk: tuple(getattr(c, f) for f in fields) for c in LearnerCard.objects.all()}
    assert filled == rated
    day1, day4 = ReviewLog.objects.filter(learner_card=cards[0]).dates("review_day", "day")
    assert filled[cards[1].pk] == (day1, 1, 0, 1)
    assert filled[cards[0].pk] == (day4, 0, 2, 2)
    assert filled[cards[2].pk] == (None, 0, 0, 0)
