"""Item analysis of a quiz, computed as Moodle's quiz statistics report computes it: pure Python.

Input: a list of attempts (by default each learner's first; see `first_attempts`), each a mapping
question → `ItemResult(fraction, max_mark, response)`. A question missing from an attempt was not
shown in it and is left out of that question's figures (Moodle reads only the steps it finds).

Per question (Moodle's `core_question\\statistics\\questions\\calculator`):
- facility index F = mean mark / max mark;
- standard deviation SD of the marks (n − 1 denominator), divided by the max mark;
- discrimination index DI = correlation of the question's mark with the rest of the test (the
  attempt's total minus this question), cov(x, y) / √(var x · var y);
- discriminative efficiency DE = cov(x, y) / cov_max(x, y), where cov_max pairs the sorted marks
  with the sorted rest-of-test marks: the covariance the question would have if it ranked the
  learners exactly as the rest of the test does;
- the count of each response, with the mean fraction it earned (which wrong answers are chosen).

Flags, from Moodle's own guidance ("Quiz report statistics"): F ≥ 90% is very or extremely easy,
F ≤ 10% very or extremely difficult (or something is wrong with the question), DI < 0 means the
weaker learners did better on it than the stronger ones (probably invalid), and the report
highlights DE < 15% as a question that may not be pulling its weight.

Test level (Moodle's `quiz_statistics\\calculator`), in marks: mean, median, SD (n − 1), skewness
k3 / k2^1.5 and kurtosis k4 / k2² from the unbiased cumulants, coefficient of internal consistency
CIC = p / (p − 1) · (1 − Σ var(item) / var(total)) (Cronbach's alpha), error ratio
ER = √(1 − CIC) and standard error SE = ER · SD.

Moodle prints DI, DE, CIC and ER as percentages; here they are fractions (0.5 is 50%). A figure
that cannot be computed (one attempt, no spread) is None, as Moodle leaves it blank.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, NamedTuple

from quizzes import csvsafe

TOO_EASY = 0.90  # Moodle: 90–94 very easy, 95–100 extremely easy
TOO_HARD = 0.10  # Moodle: 6–10 very difficult, 5 or less extremely difficult
LOW_EFFICIENCY = 0.15  # Moodle's report highlights a discriminative efficiency below 15%

# Flag codes: stable identifiers, translated by the web layer.
FLAG_TOO_EASY = "too_easy"
FLAG_TOO_HARD = "too_hard"
FLAG_NEGATIVE_DISCRIMINATION = "negative_discrimination"
FLAG_LOW_EFFICIENCY = "low_efficiency"


class ItemResult(NamedTuple):
    fraction: float  # the score in 0..1 (negative marking would be below 0)
    max_mark: float = 1.0
    response: str = ""  # the learner's response as text; "" when nothing was answered

    @property
    def mark(self) -> float:
        return self.fraction * self.max_mark


Attempt = Mapping[Hashable, ItemResult | tuple]


@dataclass(frozen=True)
class ResponseCount:
    response: str
    count: int
    share: float  # of the attempts that saw the question
    fraction: float  # the mean score this response earned


@dataclass
class QuestionStats:
    question: Hashable
    attempts: int
    max_mark: float
    facility: float | None
    sd: float | None  # as a fraction of the max mark
    discrimination_index: float | None
    discriminative_efficiency: float | None
    responses: list[ResponseCount] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    mark_variance: float | None = None  # in marks², for the CIC


@dataclass
class OverallStats:
    attempts: int
    max_total: float
    mean: float | None
    median: float | None
    sd: float | None
    skewness: float | None
    kurtosis: float | None
    cic: float | None
    error_ratio: float | None
    standard_error: float | None


@dataclass
class Report:
    overall: OverallStats
    questions: list[QuestionStats]


def _results(attempt: Attempt) -> dict[Hashable, ItemResult]:
    return {q: r if isinstance(r, ItemResult) else ItemResult(*r) for q, r in attempt.items()}


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _covariance(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Sample covariance (n − 1 denominator), None below two values."""
    if len(xs) < 2:
        return None
    mx, my = _mean(xs), _mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (len(xs) - 1)


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _flags(facility, discrimination, efficiency) -> list[str]:
    flags = []
    if facility is not None and facility >= TOO_EASY:
        flags.append(FLAG_TOO_EASY)
    if facility is not None and facility <= TOO_HARD:
        flags.append(FLAG_TOO_HARD)
    if discrimination is not None and discrimination < 0:
        flags.append(FLAG_NEGATIVE_DISCRIMINATION)
    if efficiency is not None and efficiency < LOW_EFFICIENCY:
        flags.append(FLAG_LOW_EFFICIENCY)
    return flags


def _responses(results: list[ItemResult]) -> list[ResponseCount]:
    counts = Counter(r.response for r in results)
    scores: dict[str, list[float]] = defaultdict(list)
    for r in results:
        scores[r.response].append(r.fraction)
    rows = [
        ResponseCount(response, count, count / len(results), _mean(scores[response]))
        for response, count in counts.items()
    ]
    # Most frequent first; among equals, the better-scoring response first.
    return sorted(rows, key=lambda r: (-r.count, -r.fraction, r.response))


def _total(attempt: dict[Hashable, ItemResult]) -> float:
    return sum(r.mark for r in attempt.values())


def question_stats(
    question: Hashable,
    attempts: list[dict[Hashable, ItemResult]],
    totals: Sequence[float] | None = None,
) -> QuestionStats:
    """The statistics of one question over the attempts that showed it. `totals`: each
    attempt's total mark, when the caller has them (analyse works them out once, not once per
    question)."""
    if totals is None:
        totals = [_total(a) for a in attempts]
    seen = [
        (a[question], total) for a, total in zip(attempts, totals, strict=True) if question in a
    ]
    results = [result for result, _ in seen]
    if not results:
        return QuestionStats(question, 0, 0.0, None, None, None, None)
    max_mark = max(r.max_mark for r in results)
    marks = [r.mark for r in results]
    others = [total - result.mark for result, total in seen]
    facility = _mean(marks) / max_mark if max_mark else None
    variance = _covariance(marks, marks)
    other_variance = _covariance(others, others)
    covariance = _covariance(marks, others)
    covariance_max = _covariance(sorted(marks), sorted(others))
    sd = math.sqrt(variance) / max_mark if variance is not None and max_mark else None
    discrimination = (
        covariance / math.sqrt(variance * other_variance)
        if variance and other_variance  # None or 0: no spread, no correlation
        else None
    )
    efficiency = covariance / covariance_max if covariance_max else None
    return QuestionStats(
        question=question,
        attempts=len(results),
        max_mark=max_mark,
        facility=facility,
        sd=sd,
        discrimination_index=discrimination,
        discriminative_efficiency=efficiency,
        responses=_responses(results),
        flags=_flags(facility, discrimination, efficiency),
        mark_variance=variance,
    )


def overall_stats(
    attempts: list[dict[Hashable, ItemResult]],
    questions: list[QuestionStats],
    totals: Sequence[float] | None = None,
) -> OverallStats:
    """The test-level figures, over every attempt's total mark (`totals`, when the caller has
    worked them out already, as analyse has)."""
    if totals is None:
        totals = [_total(a) for a in attempts]
    s = len(totals)
    max_total = sum(q.max_mark for q in questions)
    stats = OverallStats(s, max_total, None, None, None, None, None, None, None, None)
    if not s:
        return stats
    stats.mean = _mean(totals)
    stats.median = _median(totals)
    if s < 2:
        return stats
    deviations = [t - stats.mean for t in totals]
    power2, power3, power4 = (sum(d**k for d in deviations) for k in (2, 3, 4))
    stats.sd = math.sqrt(power2 / (s - 1))
    if s < 3:
        return stats
    m2, m3, m4 = power2 / s, power3 / s, power4 / s
    k2 = s * m2 / (s - 1)
    k3 = s * s * m3 / ((s - 1) * (s - 2))
    if not k2:
        return stats
    stats.skewness = k3 / k2**1.5
    if s > 3:
        k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
        stats.kurtosis = k4 / (k2 * k2)
    p = len(questions)
    if p > 1:
        sum_of_variances = sum(q.mark_variance or 0.0 for q in questions)
        stats.cic = p / (p - 1) * (1 - sum_of_variances / k2)
        stats.error_ratio = math.sqrt(1 - stats.cic)
        stats.standard_error = stats.error_ratio * stats.sd
    return stats


def analyse(attempts: Iterable[Attempt], questions: Sequence[Hashable] | None = None) -> Report:
    """The full report. `questions` fixes the order of the rows (the quiz's order); by default,
    the order in which questions first appear in the attempts."""
    rows = [_results(a) for a in attempts]
    if questions is None:
        questions = list(dict.fromkeys(q for a in rows for q in a))
    totals = [_total(a) for a in rows]
    per_question = [question_stats(q, rows, totals) for q in questions]
    return Report(overall_stats(rows, per_question, totals), per_question)


def first_attempts[T](
    attempts: Iterable[T], *, learner: Callable[[T], Hashable], started: Callable[[T], object]
) -> list[T]:
    """Each learner's first attempt, by `started(attempt)`: what the report uses by default."""
    first: dict[Hashable, T] = {}
    for attempt in attempts:
        key = learner(attempt)
        if key not in first or started(attempt) < started(first[key]):
            first[key] = attempt
    return list(first.values())


QUESTION_COLUMNS = (
    "Question",
    "Attempts",
    "Facility index (%)",
    "Standard deviation (%)",
    "Discrimination index (%)",
    "Discriminative efficiency (%)",
    "Flags",
)
RESPONSE_COLUMNS = ("Question", "Response", "Count", "Share (%)", "Score (%)")


def _percent(value: float | None) -> Decimal | str:
    """Two decimals, as a number (a Decimal, not text: the CSV writer keeps a text cell that
    starts with "-" from running as a formula, and a negative figure is a figure)."""
    return "" if value is None else Decimal(f"{100 * value:.2f}")


def write_questions_csv(
    report: Report,
    out: IO[str],
    *,
    names: Mapping[Hashable, str] | None = None,
    headers: Sequence[str] = QUESTION_COLUMNS,
    flag_labels: Mapping[str, str] | None = None,
) -> None:
    """One row per question; figures as percentages with two decimals, as Moodle shows them.
    `names`, `headers` and `flag_labels` let the caller pass translated text."""
    names, flag_labels = names or {}, flag_labels or {}
    writer = csvsafe.writer(out)
    writer.writerow(headers)
    for q in report.questions:
        writer.writerow(
            [
                names.get(q.question, str(q.question)),
                q.attempts,
                _percent(q.facility),
                _percent(q.sd),
                _percent(q.discrimination_index),
                _percent(q.discriminative_efficiency),
                "; ".join(flag_labels.get(f, f) for f in q.flags),
            ]
        )


def write_responses_csv(
    report: Report,
    out: IO[str],
    *,
    names: Mapping[Hashable, str] | None = None,
    headers: Sequence[str] = RESPONSE_COLUMNS,
) -> None:
    """One row per (question, distinct response): how often it was given and what it earned."""
    names = names or {}
    writer = csvsafe.writer(out)
    writer.writerow(headers)
    for q in report.questions:
        for r in q.responses:
            writer.writerow(
                [
                    names.get(q.question, str(q.question)),
                    r.response,
                    r.count,
                    _percent(r.share),
                    _percent(r.fraction),
                ]
            )
