"""FSRS scheduling of one card as Anki schedules it, over the fsrs library's memory model.

Plain Python: no models, no HTTP, no settings. A card's memory is a `Memory` value; `review()`
returns the next one, `preview()` the interval each rating would give (written on the rating
buttons, and exactly what the rating then applies).

What comes from where. The memory model (stability, difficulty, retrievability, the same-day
formula) is py-fsrs's FSRS-6. The state machine around it is Anki's (rslib/src/scheduler/states/
learning.rs, review.rs, relearning.rs, fuzz.rs, steps.rs), because py-fsrs differs from it:
- time is counted in study days, not 24-hour periods: a study day starts at `StudyDays.starts_at`
  (04:00 by default) in the learner's time zone; the days elapsed since the last review are the
  day boundaries crossed, so the short-term (same-day) formula applies within one study day only;
- a review interval of n days makes the card due at the start of the n-th study day after today;
  learning steps stay in minutes;
- intervals are kept in order: in review Hard ≥ 1 day, Good ≥ Hard + 1, Easy ≥ Good + 1; in
  (re)learning Easy ≥ Good + 1 (Good's FSRS interval even where Good would be a step);
- fuzz is Anki's (ranges of fuzz.rs), drawn from a seed per card and review, so the interval shown
  on a button is the one the rating applies.
Dongxi's "New" state is fsrs's Learning state at step 0 with no stability yet.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

import fsrs
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATINGS = (AGAIN, HARD, GOOD, EASY)

LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
RELEARNING_STEPS = (timedelta(minutes=10),)
MAXIMUM_INTERVAL = 36500  # days
DAY_STARTS_AT = time(4)  # local time, Anki's default "next day starts at"
# With nothing else due, a card in learning due this soon is shown now rather than making the
# learner wait (Anki's "learn ahead limit").
LEARN_AHEAD = timedelta(minutes=20)

# fsrs-rs (Anki) caps stability at 100 years; py-fsrs does not.
STABILITY_MAX = 36500.0

# Anki's fuzz (rslib/src/scheduler/states/fuzz.rs): (start, end, factor) in days.
FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, math.inf, 0.05))


@dataclass(frozen=True)
class Memory:
    """What the scheduler knows of a card: its state, FSRS memory and next due time."""

    state: int
    due: datetime
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    last_review: datetime | None = None


@dataclass(frozen=True)
class StudyDays:
    """The learner's calendar: a study day starts at `starts_at` in time zone `zone`."""

    zone: tzinfo = UTC
    starts_at: time = DAY_STARTS_AT

    def day(self, moment: datetime) -> date:
        """The study day `moment` belongs to."""
        local = moment.astimezone(self.zone)
        return (local - timedelta(hours=self.starts_at.hour, minutes=self.starts_at.minute)).date()

    def start(self, day: date) -> datetime:
        """When study day `day` begins, as an aware datetime."""
        return datetime.combine(day, self.starts_at, tzinfo=self.zone)

    def elapsed(self, since: datetime, now: datetime) -> int:
        """Day boundaries crossed between `since` and `now` (0 within one study day)."""
        return max(0, (self.day(now) - self.day(since)).days)


def make_scheduler(desired_retention: float = 0.9, *, fuzz: bool) -> fsrs.Scheduler:
    """Dongxi's scheduler: FSRS-6 default parameters, Anki's default learning steps."""
    return fsrs.Scheduler(
        desired_retention=desired_retention,
        learning_steps=LEARNING_STEPS,
        relearning_steps=RELEARNING_STEPS,
        maximum_interval=MAXIMUM_INTERVAL,
        enable_fuzzing=fuzz,
    )


def utc(moment: datetime) -> datetime:
    """fsrs insists on UTC datetimes; Django's may carry another zone."""
    return moment.astimezone(UTC)


def to_fsrs(memory: Memory) -> fsrs.Card:
    # card_id is given: without one fsrs sleeps a millisecond to make ids unique.
    if memory.state == NEW:
        return fsrs.Card(card_id=0, state=fsrs.State.Learning, step=0, due=utc(memory.due))
    return fsrs.Card(
        card_id=0,
        state=fsrs.State(memory.state),
        step=memory.step,
        stability=memory.stability,
        difficulty=memory.difficulty,
        due=utc(memory.due),
        last_review=utc(memory.last_review) if memory.last_review else None,
    )


# --- the memory model (py-fsrs) ----------------------------------------------------------------


def next_memory(
    memory: Memory, rating: int, elapsed_days: int, scheduler: fsrs.Scheduler
) -> tuple[float, float]:
    """Stability and difficulty after `rating`, `elapsed_days` study days after the last review
    (0: the same-day formula). Stability is capped at STABILITY_MAX as fsrs-rs caps it."""
    stability, difficulty = _next_memory(memory, fsrs.Rating(rating), elapsed_days, scheduler)
    return min(stability, STABILITY_MAX), difficulty


def _next_memory(
    memory: Memory, r: fsrs.Rating, elapsed_days: int, scheduler: fsrs.Scheduler
) -> tuple[float, float]:
    if memory.stability is None or memory.difficulty is None:
        return (
            scheduler._initial_stability(rating=r),
            scheduler._initial_difficulty(rating=r, clamp=True),
        )
    if elapsed_days == 0:
        stability = scheduler._short_term_stability(stability=memory.stability, rating=r)
    else:
        retrievability = (
            1 + scheduler._FACTOR * elapsed_days / memory.stability
        ) ** scheduler._DECAY
        stability = scheduler._next_stability(
            difficulty=memory.difficulty,
            stability=memory.stability,
            retrievability=retrievability,
            rating=r,
        )
    return stability, scheduler._next_difficulty(difficulty=memory.difficulty, rating=r)


def fsrs_interval(stability: float, scheduler: fsrs.Scheduler) -> float:
    """Days until recall probability falls to the desired retention (unrounded, as fsrs-rs)."""
    return (
        stability / scheduler._FACTOR * (scheduler.desired_retention ** (1 / scheduler._DECAY) - 1)
    )


# --- Anki's fuzz and interval constraints --------------------------------------------------------


def fuzz_factor(seed: object, scheduler: fsrs.Scheduler) -> float | None:
    """A number in [0, 1) fixed by `seed` (card and review), or None with fuzz off."""
    if not scheduler.enable_fuzzing or seed is None:
        return None
    return random.Random(str(seed)).random()


def _fuzz_delta(interval: float) -> float:
    if interval < 2.5:
        return 0.0
    return 1.0 + sum(
        factor * max(0.0, min(interval, end) - start) for start, end, factor in FUZZ_RANGES
    )


def _round(value: float) -> int:
    """Rust's f32::round: halves away from zero (Python's round() goes to even)."""
    return int(math.floor(value + 0.5))


def with_fuzz(interval: float, minimum: int, maximum: int, factor: float | None) -> int:
    """Anki's with_review_fuzz: the interval in whole days within [minimum, maximum], fuzzed."""
    minimum = min(minimum, maximum)
    if factor is None:
        return min(max(_round(interval), minimum), maximum)
    interval = min(max(interval, minimum), maximum)
    delta = _fuzz_delta(interval)
    lower = min(max(_round(interval - delta), minimum), maximum)
    upper = min(max(_round(interval + delta), minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return math.floor(lower + factor * (1 + upper - lower))


def _hard_delay(steps: tuple[timedelta, ...], step: int) -> timedelta:
    """Anki's Hard in (re)learning: on the first step the mean of the first two (or 1.5 × a lone
    step, at most a day more), on a later step that step again."""
    if step == 0:
        if len(steps) > 1:
            return (steps[0] + steps[1]) / 2
        return min(steps[0] * 1.5, steps[0] + timedelta(days=1))
    return steps[step]


# --- the state machine (Anki) ------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What one rating does: the card's next memory, and the interval it was given."""

    memory: Memory
    interval: timedelta  # a step's minutes, or a review interval's whole days
    days: int | None  # a review interval in days, None for a (re)learning step


def answer(
    memory: Memory,
    rating: int,
    now: datetime,
    scheduler: fsrs.Scheduler,
    *,
    days: StudyDays,
    seed: object = None,
) -> Outcome:
    """Rate the card `rating` (1–4) at `now`."""
    elapsed = days.elapsed(memory.last_review, now) if memory.last_review else 0
    states = {r: next_memory(memory, r, elapsed, scheduler) for r in RATINGS}
    stability, difficulty = states[rating]
    factor = fuzz_factor(seed, scheduler)
    maximum = scheduler.maximum_interval
    ivl = {r: fsrs_interval(states[r][0], scheduler) for r in RATINGS}

    def step_to(state: int, step: int, delay: timedelta) -> Outcome:
        after = Memory(state, now + delay, step, stability, difficulty, now)
        return Outcome(after, delay, None)

    def review_in(n: int) -> Outcome:
        due = days.start(days.day(now) + timedelta(days=n))
        return Outcome(Memory(REVIEW, due, None, stability, difficulty, now), timedelta(days=n), n)

    def easy_after_steps() -> int:
        good = with_fuzz(ivl[GOOD], 1, maximum, factor)
        return with_fuzz(max(_round(ivl[EASY]), 1), good + 1, maximum, factor)

    if memory.state == REVIEW:
        if rating == AGAIN:
            return step_to(RELEARNING, 0, RELEARNING_STEPS[0])
        hard = with_fuzz(ivl[HARD], 1, maximum, factor)
        good = with_fuzz(ivl[GOOD], hard + 1, maximum, factor)
        if rating == HARD:
            return review_in(hard)
        if rating == GOOD:
            return review_in(good)
        return review_in(with_fuzz(ivl[EASY], good + 1, maximum, factor))

    relearning = memory.state == RELEARNING
    steps = RELEARNING_STEPS if relearning else LEARNING_STEPS
    state = RELEARNING if relearning else LEARNING
    step = memory.step or 0
    if rating == AGAIN:
        return step_to(state, 0, steps[0])
    if rating == HARD:
        return step_to(state, step, _hard_delay(steps, step))
    if rating == GOOD:
        if step + 1 < len(steps):
            return step_to(state, step + 1, steps[step + 1])
        return review_in(with_fuzz(max(_round(ivl[GOOD]), 1), 1, maximum, factor))
    return review_in(easy_after_steps())


def review(
    memory: Memory,
    rating: int,
    now: datetime,
    scheduler: fsrs.Scheduler,
    *,
    days: StudyDays | None = None,
    seed: object = None,
) -> Memory:
    """The card's memory after being rated `rating` (1–4) at `now`."""
    return answer(memory, rating, now, scheduler, days=days or StudyDays(), seed=seed).memory


def preview(
    memory: Memory,
    now: datetime,
    scheduler: fsrs.Scheduler,
    *,
    days: StudyDays | None = None,
    seed: object = None,
) -> dict[int, timedelta]:
    """How long until the card comes back, for each rating (a step's minutes, a review's days):
    with the same seed, exactly what `review()` then applies."""
    days = days or StudyDays()
    return {
        rating: answer(memory, rating, now, scheduler, days=days, seed=seed).interval
        for rating in RATINGS
    }


def study_day(moment: datetime, zone: tzinfo, starts_at: time = DAY_STARTS_AT) -> date:
    """The study day `moment` belongs to, in time zone `zone` (days start at 04:00)."""
    return StudyDays(zone, starts_at).day(moment)


def day_start(day: date, zone: tzinfo, starts_at: time = DAY_STARTS_AT) -> datetime:
    """When study day `day` begins, as an aware datetime."""
    return StudyDays(zone, starts_at).start(day)


def short_interval(delta: timedelta) -> str:
    """A rating button's label: "<1 min", "10 min", "3 h", "4 d", "1.5 mo", "2.1 y"."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return _("<1 min")
    if seconds < 3600:
        return _("%(n)s min") % {"n": round(seconds / 60)}
    if seconds < 86400:
        return _("%(n)s h") % {"n": round(seconds / 3600)}
    days = seconds / 86400
    if days < 30:
        return _("%(n)s d") % {"n": round(days)}
    if days < 365:
        return _("%(n)s mo") % {"n": _one_decimal(days / 30)}
    return _("%(n)s y") % {"n": _one_decimal(days / 365)}


def _one_decimal(value: float) -> str:
    """1.5 as the current language writes it ("1,5" in Vietnamese); 2.0 as "2"."""
    return floatformat(value, -1)
