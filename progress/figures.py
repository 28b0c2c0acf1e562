"""The figures on the progress pages, from plain inputs: no models, no HTTP, no settings.

The database does the counting (reviews per study day, cards due per study day, first reviews
that passed); these functions turn those counts into what a page shows, and define each figure
once so the learner's dashboard and a teacher's class view agree. Days are *study days* (they
start at 04:00 local time, as the flashcard scheduler counts them): `today` is the learner's
current study day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from statistics import fmean

import fsrs

FORECAST_DAYS = 30
YEAR_DAYS = 365

# Mastery bands a paragraph or fact is tinted with (see `band`).
KNOWN_FROM = 0.8
LEARNING_FROM = 0.5


def forecast(due_per_day: Mapping[date, int], today: date, days: int = FORECAST_DAYS):
    """Cards due on each of the `days` days from `today` on, as [(day, count)], oldest first.

    Cards already overdue are due today: they count in today's figure, as Anki's forecast
    counts them. Days with nothing due are listed with 0.
    """
    counts = dict.fromkeys((today + timedelta(days=i) for i in range(days)), 0)
    for day, count in due_per_day.items():
        key = max(day, today)
        if key in counts:
            counts[key] += count
    return list(counts.items())


@lru_cache(maxsize=8)
def days_up_to(today: date, days: int = YEAR_DAYS) -> tuple[date, ...]:
    """The `days` days up to and including `today`, oldest first (kept: every learner on the
    same study day asks for the same)."""
    start = today - timedelta(days=days - 1)
    return tuple(start + timedelta(days=i) for i in range(days))


def reviews_per_day(review_counts: Mapping[date, int], today: date, days: int = YEAR_DAYS):
    """Reviews on each of the last `days` days up to and including `today`, oldest first."""
    get = review_counts.get
    return [(day, get(day, 0)) for day in days_up_to(today, days)]


def current_streak(review_days: Iterable[date], today: date) -> int:
    """How many study days in a row the learner has reviewed, up to today.

    A day with no review yet does not break the streak until it is over: a learner who studied
    every day up to yesterday keeps their streak all of today.
    """
    active = set(review_days)
    day = today if today in active else today - timedelta(days=1)
    streak = 0
    while day in active:
        streak += 1
        day -= timedelta(days=1)
    return streak


# Anki's true-retention periods (rslib/src/stats/graphs/retention.rs): name, study days back
# from today to the period's last day, its length in study days (None: all time).
RETENTION_PERIODS = (
    ("today", 0, 1),
    ("yesterday", 1, 1),
    ("week", 0, 7),
    ("month", 0, 30),
    ("year", 0, 365),
    ("all_time", 0, None),
)
MATURE_INTERVAL = 21  # days: Anki's young/mature line


@dataclass(frozen=True)
class Retention:
    """True retention over a period, as Anki's statistics compute it
    (rslib/src/stats/graphs/retention.rs): every rating of a card in the review state (not new,
    learning or relearning) counts, passed unless Again; young when the card's interval before
    the rating was under 21 days, mature from 21."""

    young_passed: int = 0
    young_failed: int = 0
    mature_passed: int = 0
    mature_failed: int = 0

    @property
    def passed(self) -> int:
        return self.young_passed + self.mature_passed

    @property
    def total(self) -> int:
        return self.passed + self.young_failed + self.mature_failed

    @property
    def percent(self) -> int | None:
        """Rounded to a whole percent; None when there was no such review."""
        return _share(self.passed, self.total)

    @property
    def young_percent(self) -> int | None:
        return _share(self.young_passed, self.young_passed + self.young_failed)

    @property
    def mature_percent(self) -> int | None:
        return _share(self.mature_passed, self.mature_passed + self.mature_failed)


def _share(passed: int, total: int) -> int | None:
    return round(100 * passed / total) if total else None


# (study day, mature, failed) -> how many qualifying ratings
RetentionCounts = Mapping[tuple[date, bool, bool], int]


def true_retention(
    counts: RetentionCounts, today: date, days: int | None, back: int = 0
) -> Retention:
    """Retention over the `days` study days ending `back` days before today (None: all time)."""
    last = today - timedelta(days=back)
    first = date.min if days is None else last - timedelta(days=days - 1)
    tally = {(mature, failed): 0 for mature in (False, True) for failed in (False, True)}
    for (day, mature, failed), n in counts.items():
        if first <= day <= last:
            tally[mature, failed] += n
    return Retention(
        young_passed=tally[False, False],
        young_failed=tally[False, True],
        mature_passed=tally[True, False],
        mature_failed=tally[True, True],
    )


def retention_table(counts: RetentionCounts, today: date) -> dict[str, Retention]:
    """Anki's true-retention table: today, yesterday, week, month, year, all time."""
    return {
        name: true_retention(counts, today, days, back) for name, back, days in RETENTION_PERIODS
    }


def fact_mastery(quiz_scores: Iterable[float], retrievabilities: Iterable[float]) -> float | None:
    """How well a learner knows one fact, from 0 to 1; None when nothing shows it yet.

    Each piece of evidence counts once and equally:
    - each question about the fact the learner has answered in a quiz, with the score of their
      latest answer to it (0 to 1, partial credit included);
    - each flashcard about the fact they have reviewed at least once, with its FSRS
      retrievability now (the probability they would recall it today; a card never reviewed
      is no evidence).
    Mastery is the mean of all of them: a fact answered right in a quiz (1.0) whose card has
    slipped to 0.6 is 0.8.
    """
    evidence = [*quiz_scores, *retrievabilities]
    return fmean(evidence) if evidence else None


@cache
def _scheduler() -> fsrs.Scheduler:
    # Retrievability depends only on FSRS's parameters (the defaults, as the flashcards use),
    # not on the learner's desired retention.
    return fsrs.Scheduler(enable_fuzzing=False)


def recall_probability(stability: float, last_review: datetime, now: datetime) -> float:
    """A reviewed card's FSRS retrievability at `now`: the probability the learner would recall
    it, as the fsrs library computes it from the card's stability and the whole days since its
    last review."""
    card = fsrs.Card(
        card_id=0,
        state=fsrs.State.Review,
        stability=stability,
        last_review=last_review.astimezone(UTC),
    )
    return _scheduler().get_card_retrievability(card, now.astimezone(UTC))


def mean_mastery(masteries: Iterable[float | None]) -> float | None:
    """A paragraph's (or a learner's, or a class's) mastery: the mean over the facts with any
    evidence; None when there is none."""
    known = [m for m in masteries if m is not None]
    return fmean(known) if known else None


def band(mastery: float | None) -> str:
    """The tint of a fact or paragraph: "unseen", "weak" (< 50%), "learning" (< 80%) or
    "known"."""
    if mastery is None:
        return "unseen"
    if mastery >= KNOWN_FROM:
        return "known"
    if mastery >= LEARNING_FROM:
        return "learning"
    return "weak"


def weakest(masteries: Mapping[int, float | None], limit: int = 5) -> list[int]:
    """The keys of the `limit` lowest masteries that have evidence, weakest first (ties: the
    lower key first, so the order is stable). Facts with no evidence are not weak, just new."""
    scored = [(m, key) for key, m in masteries.items() if m is not None and m < KNOWN_FROM]
    return [key for _, key in sorted(scored)[:limit]]


def percent(value: float | None) -> int | None:
    """A 0–1 figure as a whole percent, for display and CSV."""
    return None if value is None else round(100 * value)


def monthly_totals(days: Iterable[tuple[date, int]]) -> list[tuple[date, int]]:
    """Per-day counts summed by calendar month, as [(first day of the month, total)] in the
    order met: the text equivalent of the year's heatmap (twelve or thirteen rows, not 365)."""
    totals: dict[date, int] = {}
    month = None
    for day, count in days:
        if month is None or day.month != month.month or day.year != month.year:
            month = day.replace(day=1)
        totals[month] = totals.get(month, 0) + count
    return list(totals.items())
