"""Scheduling as Anki schedules with FSRS: what the database stores is what the pure scheduler
computes, time is counted in study days, the buttons keep Anki's order and show what they apply.
(The step-by-step comparison with a real Anki collection is in test_anki_parity.py.)"""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import fsrs
import pytest
from django.test import override_settings
from django.utils import timezone, translation

from flashcards import scheduling, services
from flashcards.models import LearnerCard, LearnerSettings, ReviewLog, State
from flashcards.scheduling import Memory, StudyDays
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


def pure_reference(retention: float, days: StudyDays) -> list[scheduling.Outcome]:
    """The scheduler on its own, without the database."""
    scheduler = scheduling.make_scheduler(retention, fuzz=False)
    memory, outcomes = Memory(state=scheduling.NEW, due=T0), []
    for minutes, rating in SCRIPT:
        outcome = scheduling.answer(
            memory, rating, T0 + timedelta(minutes=minutes), scheduler, days=days
        )
        outcomes.append(outcome)
        memory = outcome.memory
    return outcomes


@pytest.mark.parametrize("retention", [0.9, 0.8, 0.95])
def test_stored_schedules_equal_the_scheduler_for_a_scripted_series_of_ratings(
    alice, document, retention
):
    LearnerSettings.objects.create(user=alice, desired_retention=retention)
    services.start_studying(alice, document, now=T0)
    card = LearnerCard.objects.filter(user=alice).first()
    days = StudyDays(timezone.get_current_timezone())
    for (minutes, rating), expected in zip(SCRIPT, pure_reference(retention, days), strict=True):
        card.refresh_from_db()
        now = T0 + timedelta(minutes=minutes)
        result = services.rate(alice, card.pk, card.version, rating, now=now)
        assert result.applied
        card.refresh_from_db()
        assert card.due == expected.memory.due
        assert card.state == expected.memory.state
        assert card.step == expected.memory.step
        assert card.stability == pytest.approx(expected.memory.stability, rel=1e-12)
        assert card.difficulty == pytest.approx(expected.memory.difficulty, rel=1e-12)
        assert result.log.due == expected.memory.due
        assert result.log.scheduled_days == (expected.days or 0)
        if expected.days:  # a review is due at the start of its study day
            assert card.due == days.start(days.day(now) + timedelta(days=expected.days))
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
    assert preview[HARD] == timedelta(minutes=5, seconds=30)  # Anki: the mean of 1 and 10 min
    assert preview[GOOD] == timedelta(minutes=10)
    for rating in (AGAIN, HARD, GOOD, EASY):
        assert (
            preview[rating]
            == scheduling.answer(new, rating, T0, scheduler, days=StudyDays()).interval
        )
    assert preview[AGAIN] < preview[HARD] < preview[GOOD] < preview[EASY]


def test_fuzzing_is_read_from_the_settings_at_call_time(alice):
    learner = LearnerSettings(user=alice)
    assert services.scheduler_for(learner).enable_fuzzing is False  # tests/settings.py
    with override_settings(FLASHCARDS_FUZZ=True):
        assert services.scheduler_for(learner).enable_fuzzing is True


def test_with_fuzz_a_long_interval_stays_within_ankis_fuzz_range():
    memory = Memory(state=scheduling.REVIEW, due=T0, stability=30.0, difficulty=5.0, last_review=T0)
    later = T0 + timedelta(days=30)
    plain = scheduling.answer(
        memory, GOOD, later, scheduling.make_scheduler(fuzz=False), days=StudyDays()
    )
    fuzzy = scheduling.make_scheduler(fuzz=True)
    days = {
        scheduling.answer(memory, GOOD, later, fuzzy, days=StudyDays(), seed=seed).days
        for seed in range(60)
    }
    # Anki's range for n days: 1 + 0.15 × 4.5 + 0.1 × 13 + 0.05 × (n − 20) either side.
    spread = 1 + 0.15 * 4.5 + 0.1 * 13 + 0.05 * (plain.days - 20)
    assert len(days) > 3 and all(abs(d - plain.days) <= spread + 0.5 for d in days)


def test_with_fuzz_the_button_shows_the_interval_its_rating_applies():
    fuzzy = scheduling.make_scheduler(fuzz=True)
    memory = Memory(state=scheduling.REVIEW, due=T0, stability=30.0, difficulty=5.0, last_review=T0)
    for seed in range(40):
        shown = scheduling.preview(memory, T0 + timedelta(days=30), fuzzy, seed=seed)
        for rating in (HARD, GOOD, EASY):
            applied = scheduling.review(memory, rating, T0 + timedelta(days=30), fuzzy, seed=seed)
            assert applied.due == StudyDays().start(
                StudyDays().day(T0 + timedelta(days=30)) + shown[rating]
            )


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


# --- study days ----------------------------------------------------------------------------------

GRADUATED = Memory(
    state=scheduling.REVIEW,
    due=datetime(2026, 3, 5, 4, 0, tzinfo=HANOI),
    stability=3.0,
    difficulty=5.0,
    last_review=datetime(2026, 3, 2, 23, 0, tzinfo=HANOI),
)


def test_elapsed_time_is_counted_in_study_days_not_24_hour_periods():
    days = StudyDays(HANOI)
    evening = datetime(2026, 3, 2, 23, 0, tzinfo=HANOI)
    assert days.elapsed(evening, datetime(2026, 3, 3, 3, 59, tzinfo=HANOI)) == 0
    assert days.elapsed(evening, datetime(2026, 3, 3, 4, 0, tzinfo=HANOI)) == 1  # 5 hours later
    morning = datetime(2026, 3, 2, 4, 30, tzinfo=HANOI)
    assert days.elapsed(morning, datetime(2026, 3, 3, 3, 30, tzinfo=HANOI)) == 0  # 23 hours later


def test_the_same_day_formula_applies_within_one_study_day_only():
    scheduler = scheduling.make_scheduler(fuzz=False)
    days = StudyDays(HANOI)
    same_day = datetime(2026, 3, 3, 3, 0, tzinfo=HANOI)  # 4 h later, before 04:00
    next_day = datetime(2026, 3, 3, 5, 0, tzinfo=HANOI)  # 6 h later, after 04:00
    short = scheduling.next_memory(GRADUATED, GOOD, 0, scheduler)[0]
    long = scheduling.next_memory(GRADUATED, GOOD, 1, scheduler)[0]
    assert short != long
    assert scheduling.review(GRADUATED, GOOD, same_day, scheduler, days=days).stability == short
    assert scheduling.review(GRADUATED, GOOD, next_day, scheduler, days=days).stability == long
    # py-fsrs on its own counts 24-hour periods: both are "the same day" to it.
    for moment in (same_day, next_day):
        card, _log = scheduler.review_card(
            scheduling.to_fsrs(GRADUATED), fsrs.Rating.Good, moment.astimezone(UTC)
        )
        assert card.stability == pytest.approx(short)


def test_a_review_is_due_at_the_start_of_its_study_day():
    scheduler = scheduling.make_scheduler(fuzz=False)
    late = datetime(2026, 3, 2, 23, 30, tzinfo=HANOI)
    outcome = scheduling.answer(GRADUATED, GOOD, late, scheduler, days=StudyDays(HANOI))
    assert outcome.memory.due == datetime(2026, 3, 2 + outcome.days, 4, 0, tzinfo=HANOI)
    after_midnight = datetime(2026, 3, 3, 1, 30, tzinfo=HANOI)  # still the study day of 2 March
    again = scheduling.answer(GRADUATED, GOOD, after_midnight, scheduler, days=StudyDays(HANOI))
    assert again.memory.due.date() == outcome.memory.due.date()


def test_learning_steps_stay_in_minutes_across_the_day_boundary():
    scheduler = scheduling.make_scheduler(fuzz=False)
    at = datetime(2026, 3, 3, 3, 55, tzinfo=HANOI)
    outcome = scheduling.answer(
        Memory(state=scheduling.NEW, due=at), GOOD, at, scheduler, days=StudyDays(HANOI)
    )
    assert outcome.memory.due == at + timedelta(minutes=10)


def test_the_day_boundary_comes_from_the_learners_settings(alice, document):
    LearnerSettings.objects.create(user=alice, day_starts_at=0)
    services.start_studying(alice, document, now=T0)
    card = LearnerCard.objects.filter(user=alice).first()
    services.rate(alice, card.pk, card.version, EASY, now=T0)
    card.refresh_from_db()
    local = card.due.astimezone(timezone.get_current_timezone())
    assert (local.hour, local.minute) == (0, 0)
    assert services.study_days(LearnerSettings.for_user(alice)).starts_at == time(0)


# --- the buttons keep Anki's order ---------------------------------------------------------------


def memories():
    """Cards in every state, over a range of stabilities and difficulties."""
    for stability in (0.1, 0.5, 1.0, 2.0, 5.0, 30.0, 400.0):
        for difficulty in (1.0, 5.0, 9.5):
            for state, step in (
                (scheduling.REVIEW, None),
                (scheduling.LEARNING, 1),
                (scheduling.RELEARNING, 0),
                (scheduling.LEARNING, 0),
            ):
                yield Memory(state, T0, step, stability, difficulty, T0 - timedelta(days=3))


@pytest.mark.parametrize("fuzz", [False, True])
@pytest.mark.parametrize("retention", [0.7, 0.8, 0.9, 0.95, 0.99])
def test_button_intervals_keep_ankis_order(retention, fuzz):
    scheduler = scheduling.make_scheduler(retention, fuzz=fuzz)
    for seed, memory in enumerate(memories()):
        outcomes = {
            r: scheduling.answer(memory, r, T0, scheduler, days=StudyDays(), seed=seed)
            for r in (AGAIN, HARD, GOOD, EASY)
        }
        if memory.state == scheduling.REVIEW:
            hard, good, easy = (outcomes[r].days for r in (HARD, GOOD, EASY))
            assert 1 <= hard < good < easy
        else:
            # Easy is a day past Good's FSRS interval, even where Good is a step in minutes.
            assert outcomes[EASY].days >= 2
            if outcomes[GOOD].days is not None:
                assert outcomes[EASY].days > outcomes[GOOD].days
        assert outcomes[AGAIN].interval <= outcomes[HARD].interval <= outcomes[GOOD].interval


@override_settings(FLASHCARDS_FUZZ=True)
def test_with_fuzz_on_the_rating_applies_the_interval_its_button_showed(alice, document):
    services.start_studying(alice, document, now=T0)
    learner = LearnerSettings.for_user(alice)
    card = LearnerCard.objects.filter(user=alice).first()
    now, seen = T0, set()
    for rating in (GOOD, GOOD, GOOD, GOOD, HARD, EASY, GOOD, GOOD):
        card.refresh_from_db()
        shown = services.intervals(card, learner, now)
        log = services.rate(alice, card.pk, card.version, rating, now=now).log
        if log.scheduled_days:
            assert timedelta(days=log.scheduled_days) == shown[rating]
            seen.add(log.scheduled_days)
            now = log.due + timedelta(hours=3)
        else:
            assert log.due - now == shown[rating]
            now = log.due
    assert len(seen) >= 5
