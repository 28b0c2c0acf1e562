"""Intervals are the fsrs library's own: a scripted series of ratings at fixed times gives the
same due dates, stability and difficulty through Dongxi's database as through fsrs.Scheduler."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import fsrs
import pytest
from django.test import override_settings
from django.utils import translation

from quizzes.flashcards import scheduling, services
from quizzes.flashcards.models import LearnerCard, LearnerSettings, ReviewLog, State
from quizzes.flashcards.scheduling import Memory
from tests.flashcards.conftest import T0

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")

# (minutes after T0, rating): learning steps, graduation, reviews on time, early and late,
# a lapse with relearning, and an Easy.
SCRIPT = [
    (0, AGAIN),
    (1, GOOD),
    (11, GOOD),
    (3 * 1440, GOOD),
    (12 * 1440, HARD),
    (13 * 1440, GOOD),  # a day after the Hard: early
    (60 * 1440, AGAIN),
    (60 * 1440 + 10, GOOD),
    (70 * 1440, EASY),
    (70 * 1440 + 30, GOOD),  # reviewed again the same day
    (400 * 1440, GOOD),
]


def fsrs_reference(retention: float) -> list[fsrs.Card]:
    """The library on its own: its default scheduler, fuzz off."""
    scheduler = fsrs.Scheduler(desired_retention=retention, enable_fuzzing=False)
    card = fsrs.Card(card_id=1, due=T0)
    states = []
    for minutes, rating in SCRIPT:
        card, _log = scheduler.review_card(
            card, fsrs.Rating(rating), T0 + timedelta(minutes=minutes)
        )
        states.append(card)
    return states


@pytest.mark.parametrize("retention", [0.9, 0.8, 0.95])
def test_stored_intervals_equal_the_fsrs_library_for_a_scripted_series_of_ratings(
    alice, document, retention
):
    LearnerSettings.objects.create(user=alice, desired_retention=retention)
    services.start_studying(alice, document, now=T0)
    card = LearnerCard.objects.filter(user=alice).first()
    for (minutes, rating), expected in zip(SCRIPT, fsrs_reference(retention), strict=True):
        card.refresh_from_db()
        result = services.rate(
            alice, card.pk, card.version, rating, now=T0 + timedelta(minutes=minutes)
        )
        assert result.applied
        card.refresh_from_db()
        assert card.due == expected.due
        assert card.state == int(expected.state)
        assert card.step == expected.step
        assert card.stability == pytest.approx(expected.stability, rel=1e-12)
        assert card.difficulty == pytest.approx(expected.difficulty, rel=1e-12)
        assert result.log.due == expected.due
    assert ReviewLog.objects.filter(user=alice).count() == len(SCRIPT)
    assert card.reps == len(SCRIPT) and card.lapses == 1


def test_the_intervals_grow_further_with_a_lower_desired_retention(alice, bob, document):
    LearnerSettings.objects.create(user=bob, desired_retention=0.8)
    due = {}
    for user in (alice, bob):
        services.start_studying(user, document, now=T0)
        card = LearnerCard.objects.filter(user=user).first()
        services.rate(user, card.pk, card.version, EASY, now=T0)
        due[user.username] = LearnerCard.objects.get(pk=card.pk).due
    assert due["bob"] > due["alice"] > T0 + timedelta(days=1)


def test_a_new_card_is_fsrs_learning_at_step_zero_without_memory():
    card = scheduling.to_fsrs(Memory(state=scheduling.NEW, due=T0))
    assert (card.state, card.step, card.stability, card.last_review) == (
        fsrs.State.Learning,
        0,
        None,
        None,
    )


def test_the_button_intervals_are_what_each_rating_then_gives():
    scheduler = scheduling.make_scheduler(0.9, fuzz=False)
    new = Memory(state=scheduling.NEW, due=T0)
    preview = scheduling.preview(new, T0, scheduler)
    assert preview[AGAIN] == timedelta(minutes=1)
    assert preview[GOOD] == timedelta(minutes=10)
    for rating in (AGAIN, HARD, GOOD, EASY):
        assert preview[rating] == scheduling.review(new, rating, T0, scheduler).due - T0
    assert preview[AGAIN] < preview[HARD] < preview[GOOD] < preview[EASY]


def test_fuzzing_is_read_from_the_settings_at_call_time(alice):
    learner = LearnerSettings(user=alice)
    assert services.scheduler_for(learner).enable_fuzzing is False  # tests/settings.py
    with override_settings(FLASHCARDS_FUZZ=True):
        assert services.scheduler_for(learner).enable_fuzzing is True


def test_with_fuzz_a_long_interval_stays_within_fsrs_fuzz_range():
    memory = Memory(state=scheduling.REVIEW, due=T0, stability=30.0, difficulty=5.0, last_review=T0)
    later = T0 + timedelta(days=30)
    plain = scheduling.review(memory, GOOD, later, scheduling.make_scheduler(fuzz=False))
    days = {
        (
            scheduling.review(memory, GOOD, later, scheduling.make_scheduler(fuzz=True)).due - later
        ).days
        for _ in range(30)
    }
    exact = (plain.due - later).days
    assert all(abs(d - exact) <= max(3, exact * 0.1) for d in days)


def test_a_study_day_starts_at_four_in_the_morning_local_time():
    before = datetime(2026, 3, 2, 3, 59, tzinfo=HANOI)
    after = datetime(2026, 3, 2, 4, 0, tzinfo=HANOI)
    assert scheduling.study_day(before, HANOI).day == 1
    assert scheduling.study_day(after, HANOI).day == 2
    assert scheduling.study_day(after.astimezone(UTC), HANOI).day == 2
    assert scheduling.day_start(scheduling.study_day(after, HANOI), HANOI) == after


@pytest.mark.parametrize(
    "delta, english, vi_number",
    [
        (timedelta(seconds=30), "<1 min", "<1"),
        (timedelta(minutes=10), "10 min", "10"),
        (timedelta(hours=5), "5 h", "5"),
        (timedelta(days=3), "3 d", "3"),
        (timedelta(days=45), "1.5 mo", "1,5"),
        (timedelta(days=365 * 2), "2 y", "2"),
    ],
)
def test_button_intervals_are_short_and_written_the_learners_way(delta, english, vi_number):
    with translation.override("en"):
        assert scheduling.short_interval(delta) == english
    with translation.override("vi"):
        assert scheduling.short_interval(delta).split()[0] == vi_number


def test_learning_states_are_fsrs_states():
    assert [int(s) for s in fsrs.State] == [State.LEARNING, State.REVIEW, State.RELEARNING]
