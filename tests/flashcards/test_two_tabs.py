"""Two tabs rating the same card at the same moment, for real: two threads, two connections.
Exactly one rating is applied and logged; the same for two undos. On PostgreSQL and on SQLite
as `make run` serves it (a file shared by the threads: tests.support.concurrency.shared_database).

This module's tests commit (transaction=True) and so empty the database after them: its name
keeps it last in tests/flashcards, after the tests that share the loaded documents.
"""

import pytest

from accounts.models import User
from content.models import Document
from flashcards import services
from flashcards.models import Card, LearnerCard, Note, ReviewLog
from tests.support.concurrency import at_once


@pytest.fixture
def learner_card(shared_database):
    user = User.objects.create_user("tab", password="x")
    document = Document.objects.create(slug="tabs", languages="zh,vi", source_text="x")
    note = Note.objects.create(document=document, kind="term", key="term:x", fields={})
    card = Card.objects.create(note=note, template="zh_vi", ordinal=1)
    services.add_cards(user, Card.objects.filter(pk=card.pk), services.timezone.now())
    return LearnerCard.objects.get(user=user)


def test_two_tabs_rating_at_the_same_moment_apply_one_rating(learner_card):
    user = learner_card.user
    for round_ in range(5):
        version = learner_card.version
        results = at_once(
            lambda v=version: services.rate(user, learner_card.pk, v, 3),
            lambda v=version: services.rate(user, learner_card.pk, v, 1),
        )
        assert sorted(r.applied for r in results) == [False, True]
        learner_card.refresh_from_db()
        assert learner_card.version == version + 1
        assert ReviewLog.objects.count() == round_ + 1


def test_two_undos_at_the_same_moment_undo_once(learner_card):
    user = learner_card.user
    services.rate(user, learner_card.pk, 1, 4)
    log = services.rate(user, learner_card.pk, 2, 3).log
    results = at_once(lambda: services.undo(user, log.pk), lambda: services.undo(user, log.pk))
    assert sum(r is not None for r in results) == 1
    learner_card.refresh_from_db()
    assert learner_card.reps == 1 and ReviewLog.objects.count() == 1
