"""A quiz's statistics report: its attempts read from the database and handed to the pure item
analysis in quizzes.statistics, in a fixed number of queries whatever the number of attempts.

- Finished attempts only, as Moodle's report; each learner's first by default
  (quizzes.statistics.first_attempts), or every attempt. The owner's own attempts (previews,
  quizzes.assignments) are left out.
- A row per question of the quiz, in its order, then any question asked in an attempt but since
  removed from the quiz. An attempt of a Chinese quiz may ask the Chinese variant of a Vietnamese
  question of the quiz (quizzes.taking): it counts for the quiz's question, as Moodle counts a
  slot, whichever version was drawn.
- Each response is shown as text: options by their wording, pairs and orders with arrows,
  true/false in the teacher's language, typed answers as typed; "" when nothing was answered.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from quizzes import statistics
from quizzes.models import Attempt, AttemptItem, Question, Quiz

ALL = "all"
FIRST = "first"


def response_text(question: Question, response) -> str:
    """A learner's response as one line: what they chose or typed."""
    if response is None:
        return ""
    qtype = question.type
    if qtype == Question.Type.TRUE_FALSE:
        return _("True") if response else _("False")
    if qtype == Question.Type.MULTIPLE_CHOICE and isinstance(response, list):
        order = {c: i for i, c in enumerate(question.choices or [])}
        return " / ".join(sorted(map(str, response), key=lambda c: (order.get(c, 999), c)))
    if qtype == Question.Type.MATCHING and isinstance(response, list):
        return " · ".join(f"{pair[0]} → {pair[1]}" for pair in response if len(pair) == 2)
    if qtype == Question.Type.ORDERING and isinstance(response, list):
        return " → ".join(map(str, response))
    return str(response)


def percent(value: float | None) -> float | None:
    """A fraction as a percentage (Moodle shows these figures in percent); None stays None."""
    return None if value is None else 100 * value


@dataclass(frozen=True)
class Response:
    text: str
    count: int
    share: float  # percent of the attempts that saw the question
    score: float  # percent: the mean score this response earned
    right: bool
    partly: bool


@dataclass
class Row:
    number: int  # 1-based, as the teacher reads "Q3"
    question: Question
    stats: statistics.QuestionStats
    in_quiz: bool  # False: asked in attempts, since removed from the quiz
    flags: list[tuple[str, str]]  # (code, label in the active language)

    @property
    def facility(self) -> float | None:
        return percent(self.stats.facility)

    @property
    def sd(self) -> float | None:
        return percent(self.stats.sd)

    @property
    def discrimination(self) -> float | None:
        return percent(self.stats.discrimination_index)

    @property
    def efficiency(self) -> float | None:
        return percent(self.stats.discriminative_efficiency)

    @property
    def responses(self) -> list[Response]:
        return [
            Response(
                r.response,
                r.count,
                100 * r.share,
                100 * r.fraction,
                r.fraction >= 1,
                0 < r.fraction < 1,
            )
            for r in self.stats.responses
        ]


@dataclass
class QuizReport:
    quiz: Quiz
    mode: str  # FIRST or ALL
    overall: statistics.OverallStats
    rows: list[Row]
    learners: int  # distinct learners among the attempts analysed

    @property
    def cic(self) -> float | None:
        return percent(self.overall.cic)

    @property
    def error_ratio(self) -> float | None:
        return percent(self.overall.error_ratio)


class _Item(NamedTuple):
    """What the report reads of an answered item: its question's row is read once per
    question, not per item, and its response as the JSON stored (see _Responses)."""

    score: float | None
    response: str | None
    question_id: int
    prompt_question_id: int | None


class _Attempt(NamedTuple):
    pk: int
    user_id: int
    started_at: datetime
    items: list[_Item]  # in the attempt's order


def _attempts(quiz: Quiz) -> list[_Attempt]:
    """The quiz's finished attempts, not its owner's, in the order they were started, each with
    its items: two queries, and rows rather than model instances (a quiz taken 200 times has
    thousands of items, and making an AttemptItem of each took half the page's time: 59 ms on
    SQLite with them, 27 ms without)."""
    attempts = (
        Attempt.objects.filter(quiz=quiz, finished_at__isnull=False)
        .exclude(user_id=quiz.owner_id)
        .order_by("started_at", "id")
    )
    found = [
        _Attempt(pk, user, started, [])
        for pk, user, started in attempts.values_list("pk", "user_id", "started_at")
    ]
    by_pk = {attempt.pk: attempt.items for attempt in found}
    items = (
        AttemptItem.objects.filter(attempt__in=attempts.values("pk"))
        .order_by("attempt_id", "position")
        .values_list(
            "attempt_id",
            "score",
            Cast("response", TextField()),
            "question_id",
            "prompt_question_id",
        )
    )
    for attempt, *item in items:
        by_pk[attempt].append(_Item(*item))
    return found


class _Responses(dict):
    """Each response's text (response_text), made once per question and response stored: the
    learners of a class mostly give the same few responses to a question, and decoding each
    one's JSON and writing it out again took a third of what was left (27 ms went to 19)."""

    def __init__(self, questions: dict[int, Question]):
        self.questions = questions

    def __missing__(self, key: tuple[int, str | None]) -> str:
        question, stored = key
        response = None if stored is None else json.loads(stored)
        text = self[key] = response_text(self.questions[question], response)
        return text


def quiz_report(quiz: Quiz, mode: str = FIRST) -> QuizReport:
    """The report for `quiz` over each learner's first finished attempt (`mode` FIRST) or every
    finished attempt (ALL). Three queries: entries, attempts, their items (the questions of the
    quiz come with its entries; a fourth reads those since removed from it, if any was asked)."""
    entries = list(quiz.entries.select_related("question").order_by("position", "id"))
    attempts = _attempts(quiz)
    if mode != ALL:
        mode = FIRST
        attempts = statistics.first_attempts(
            attempts, learner=lambda a: a.user_id, started=lambda a: (a.started_at, a.pk)
        )
        attempts.sort(key=lambda a: (a.started_at, a.pk))
    in_quiz = {e.question_id: e.question for e in entries}
    by_variant = {q.variant: pk for pk, q in in_quiz.items() if q.variant}
    asked = {item.question_id for attempt in attempts for item in attempt.items}
    not_in_quiz = asked - in_quiz.keys()
    others = Question.objects.in_bulk(not_in_quiz) if not_in_quiz else {}
    known = in_quiz | others
    removed: dict[int, Question] = {}

    def slot(item: _Item) -> int:
        for pk in (item.question_id, item.prompt_question_id):
            if pk in in_quiz:
                return pk
        question = known[item.question_id]
        if question.variant in by_variant:
            return by_variant[question.variant]
        removed.setdefault(item.question_id, question)
        return item.question_id

    texts = _Responses(known)
    rows_in = []
    for attempt in attempts:
        results = {}
        for item in attempt.items:
            results[slot(item)] = statistics.ItemResult(
                item.score or 0.0, 1.0, texts[item.question_id, item.response]
            )
        rows_in.append(results)
    order = [*in_quiz, *removed]
    analysis = statistics.analyse(rows_in, questions=order)
    questions = in_quiz | removed
    labels = flag_labels()
    rows = [
        Row(n, questions[s.question], s, s.question in in_quiz, [(f, labels[f]) for f in s.flags])
        for n, s in enumerate(analysis.questions, start=1)
    ]
    learners = len({a.user_id for a in attempts})
    return QuizReport(quiz, mode, analysis.overall, rows, learners)


def flag_labels() -> dict[str, str]:
    """Each flag as a badge's words, in the active language."""
    return {
        statistics.FLAG_TOO_EASY: _("Too easy"),
        statistics.FLAG_TOO_HARD: _("Too hard"),
        statistics.FLAG_NEGATIVE_DISCRIMINATION: _("Negative discrimination"),
        statistics.FLAG_LOW_EFFICIENCY: _("Low efficiency"),
    }


def flag_explanations() -> dict[str, str]:
    """What each flag means and what to do about it (after Moodle's guidance)."""
    return {
        statistics.FLAG_TOO_EASY: _(
            "%(share)s or more of the marks were earned: the question tells strong and weak "
            "learners apart poorly."
        )
        % {"share": "90%"},
        statistics.FLAG_TOO_HARD: _(
            "%(share)s or less of the marks were earned: check that the question and its answer "
            "are right."
        )
        % {"share": "10%"},
        statistics.FLAG_NEGATIVE_DISCRIMINATION: _(
            "Learners who did worse on the rest of the quiz did better on this question: it is "
            "probably ambiguous or keyed wrong."
        ),
        statistics.FLAG_LOW_EFFICIENCY: _(
            "Discriminative efficiency below 15%: the question ranks learners far less well than "
            "it could."
        ),
    }


def legend() -> list[tuple[str, str, str]]:
    """(code, label, explanation) for each flag, in the active language."""
    labels = flag_labels()
    return [(code, labels[code], text) for code, text in flag_explanations().items()]


def question_headers() -> list[str]:
    return [
        _("Question"),
        _("Attempts"),
        _("Facility index (%)"),
        _("Standard deviation (%)"),
        _("Discrimination index (%)"),
        _("Discriminative efficiency (%)"),
        _("Flags"),
    ]


def response_headers() -> list[str]:
    return [_("Question"), _("Response"), _("Count"), _("Share (%)"), _("Score (%)")]


def names(report: QuizReport) -> dict[int, str]:
    """Each question's name in the CSV: its number and prompt."""
    return {row.question.pk: f"Q{row.number}. {row.question.prompt}" for row in report.rows}


def analysis(report: QuizReport) -> statistics.Report:
    return statistics.Report(report.overall, [row.stats for row in report.rows])
