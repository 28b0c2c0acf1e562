"""FSRS scheduling of one card, as a thin layer over the fsrs library (py-fsrs 6, FSRS-6).

Plain Python: no models, no HTTP, no settings. A card's memory is a `Memory` value; `review()`
returns the next one exactly as fsrs.Scheduler.review_card computes it, `preview()` the interval
each rating would give (written on the rating buttons). Dongxi's "New" state is fsrs's Learning
state at step 0 with no stability yet. Study days start at 04:00 local time, as in Anki, so a late
evening session counts for the day it began.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

import fsrs
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
RATINGS = (1, 2, 3, 4)  # Again, Hard, Good, Easy

LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
RELEARNING_STEPS = (timedelta(minutes=10),)
MAXIMUM_INTERVAL = 36500  # days
DAY_STARTS_AT = time(4)  # local time
# With nothing else due, a card in learning due this soon is shown now rather than making the
# learner wait (Anki's "learn ahead limit").
LEARN_AHEAD = timedelta(minutes=20)


@dataclass(frozen=True)
class Memory:
    """What the scheduler knows of a card: its state, FSRS memory and next due time."""

    state: int
    due: datetime
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    last_review: datetime | None = None


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


def from_fsrs(card: fsrs.Card) -> Memory:
    return Memory(
        state=int(card.state),
        due=card.due,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        last_review=card.last_review,
    )


def review(memory: Memory, rating: int, now: datetime, scheduler: fsrs.Scheduler) -> Memory:
    """The card's memory after being rated `rating` (1–4) at `now`."""
    card, _log = scheduler.review_card(to_fsrs(memory), fsrs.Rating(rating), utc(now))
    return from_fsrs(card)


def preview(memory: Memory, now: datetime, scheduler: fsrs.Scheduler) -> dict[int, timedelta]:
    """How long until the card comes back, for each rating. Without fuzz: with fuzzing on, a
    review interval of three days or more may end up a few percent off the figure shown."""
    plain = fsrs.Scheduler.from_dict({**scheduler.to_dict(), "enable_fuzzing": False})
    return {rating: review(memory, rating, now, plain).due - utc(now) for rating in RATINGS}


def study_day(moment: datetime, zone: tzinfo) -> date:
    """The study day `moment` belongs to, in time zone `zone` (days start at 04:00)."""
    local = moment.astimezone(zone)
    return (local - timedelta(hours=DAY_STARTS_AT.hour, minutes=DAY_STARTS_AT.minute)).date()


def day_start(day: date, zone: tzinfo) -> datetime:
    """When study day `day` begins, as an aware datetime."""
    return datetime.combine(day, DAY_STARTS_AT, tzinfo=zone)


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
