"""Rating and undo: every rating recorded exactly once, a stale rating ignored, undo restores the
card as it was and removes the rating from the log."""

from datetime import timedelta

import pytest

from flashcards import services
from flashcards.models import LearnerCard, ReviewLog, State
from tests.flashcards.conftest import T0

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
SCHEDULE = ["state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses"]


def snapshot(card: LearnerCard) -> dict:
    card.refresh_from_db()
    return {field: getattr(card, field) for field in [*SCHEDULE, "forwarded"]}


@pytest.fixture
def card(alice, document) -> LearnerCard:
    services.start_studying(alice, document, now=T0)
    return services.next_card(alice, now=T0)


def test_a_rating_is_logged_with_the_state_before_and_after(alice, card):
    result = services.rate(alice, card.pk, card.version, GOOD, now=T0, duration_ms=4200)
    log = result.log
    card.refresh_from_db()
    assert result.applied and card.version == 2 == log.version
    assert (log.state_before, log.state, card.state) == (State.NEW, State.LEARNING, State.LEARNING)
    assert (log.due, log.stability, log.difficulty) == (card.due, card.stability, card.difficulty)
    assert log.due_before == T0 and log.last_review_before is None
    assert log.review_day.isoformat() == "2026-03-02" and log.first_of_day
    assert (log.duration_ms, log.elapsed_days, log.scheduled_days) == (4200, None, 0)


def test_the_same_rating_posted_twice_is_recorded_once(alice, card):
    version = card.version
    first = services.rate(alice, card.pk, version, GOOD, now=T0)
    second = services.rate(alice, card.pk, version, GOOD, now=T0 + timedelta(seconds=1))
    assert first.applied and not second.applied
    assert ReviewLog.objects.filter(user=alice).count() == 1
    card.refresh_from_db()
    assert card.reps == 1 and card.version == version + 1


def test_a_second_tab_rating_the_same_card_changes_nothing(alice, card):
    shown_in_both = card.version
    services.rate(alice, card.pk, shown_in_both, EASY, now=T0)
    after_first = snapshot(card)
    stale = services.rate(alice, card.pk, shown_in_both, AGAIN, now=T0 + timedelta(seconds=5))
    assert not stale.applied
    assert snapshot(card) == after_first
    assert list(ReviewLog.objects.values_list("rating", flat=True)) == [EASY]


def test_a_later_review_of_the_same_day_is_not_the_first_of_the_day(alice, card):
    services.rate(alice, card.pk, 1, AGAIN, now=T0)
    log = services.rate(alice, card.pk, 2, GOOD, now=T0 + timedelta(minutes=1)).log
    assert not log.first_of_day and log.elapsed_days == 0


def test_another_learners_card_cannot_be_rated(bob, card):
    with pytest.raises(LearnerCard.DoesNotExist):
        services.rate(bob, card.pk, card.version, GOOD, now=T0)
    assert not ReviewLog.objects.exists()


def test_a_rating_outside_one_to_four_is_refused(alice, card):
    with pytest.raises(ValueError):
        services.rate(alice, card.pk, card.version, 5, now=T0)
    assert not ReviewLog.objects.exists()


def test_undo_restores_the_card_and_removes_the_rating(alice, card):
    services.rate(alice, card.pk, 1, GOOD, now=T0)
    services.rate(alice, card.pk, 2, GOOD, now=T0 + timedelta(minutes=10))  # graduates
    before = snapshot(card)
    lapse = services.rate(alice, card.pk, 3, AGAIN, now=T0 + timedelta(days=3)).log
    assert snapshot(card)["lapses"] == 1

    restored = services.undo(alice, lapse.pk)

    assert restored.pk == card.pk
    assert snapshot(card) == before
    assert card.version == 5, "undo is a change too: a tab showing the lapsed card is stale"
    assert ReviewLog.objects.filter(user=alice).count() == 2


def test_undo_twice_undoes_once(alice, card):
    log = services.rate(alice, card.pk, 1, GOOD, now=T0).log
    assert services.undo(alice, log.pk) is not None
    assert services.undo(alice, log.pk) is None
    card.refresh_from_db()
    assert card.state == State.NEW and card.reps == 0


def test_only_the_last_rating_can_be_undone(alice, card):
    first = services.rate(alice, card.pk, 1, GOOD, now=T0).log
    other = services.next_card(alice, now=T0 + timedelta(seconds=1))
    services.rate(alice, other.pk, other.version, GOOD, now=T0 + timedelta(seconds=1))
    assert services.undo(alice, first.pk) is None
    assert ReviewLog.objects.count() == 2


def test_a_learner_cannot_undo_another_learners_rating(alice, bob, card):
    log = services.rate(alice, card.pk, 1, GOOD, now=T0).log
    assert services.undo(bob, log.pk) is None
    assert ReviewLog.objects.filter(pk=log.pk).exists()


def test_after_undo_the_card_can_be_rated_again_and_is_logged_once(alice, card):
    log = services.rate(alice, card.pk, 1, AGAIN, now=T0).log
    services.undo(alice, log.pk)
    card.refresh_from_db()
    assert services.rate(alice, card.pk, card.version, EASY, now=T0).applied
    assert list(ReviewLog.objects.values_list("rating", flat=True)) == [EASY]
    assert services.rate(alice, card.pk, 1, AGAIN, now=T0).applied is False


def test_undoing_a_new_cards_rating_gives_its_place_in_the_daily_limit_back(alice, card):
    learner = services.LearnerSettings.for_user(alice)
    log = services.rate(alice, card.pk, 1, EASY, now=T0).log
    assert services.day_limits(alice, learner, T0).new_left == learner.new_per_day - 1
    services.undo(alice, log.pk)
    assert services.day_limits(alice, learner, T0).new_left == learner.new_per_day
