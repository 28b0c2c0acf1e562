"""Progress read from the database, for one learner's dashboard and for a teacher's class.

No HTTP here. Each function runs a fixed number of queries whatever the number of reviews,
answers or students: the database counts and groups, and quizzes.progress.figures turns the
counts into the figures shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, ExpressionWrapper, F, FloatField, Max, Sum, Window
from django.db.models.functions import RowNumber
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from content.models import Document, Fact, Passage
from quizzes.models import Attempt, AttemptItem
from quizzes.progress import figures

HISTORY_LENGTH = 20  # quiz attempts listed on the dashboard
WEAKEST_FOR_LEARNER = 5
WEAKEST_FOR_CLASS = 10

# user id -> fact id -> scores (0–1) of the evidence of one kind
Evidence = dict[int, dict[int, list[float]]]


# --- mastery ------------------------------------------------------------------------------------


def quiz_evidence(user_ids: Iterable[int]) -> Evidence:
    """For each learner and fact, the score of their latest answer to each question about the
    fact (one query: a window function keeps the latest answer per learner and question)."""
    latest = (
        AttemptItem.objects.filter(
            attempt__user_id__in=list(user_ids),
            answered_at__isnull=False,
            score__isnull=False,
            question__fact__is_active=True,
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("attempt__user_id"), F("question_id")],
                order_by=[F("answered_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank=1)
        .values_list("attempt__user_id", "question__fact_id", "score")
    )
    evidence: Evidence = defaultdict(lambda: defaultdict(list))
    for user_id, fact_id, score in latest:
        evidence[user_id][fact_id].append(score)
    return evidence


def card_evidence(user_ids: Iterable[int], now: datetime) -> Evidence:
    """For each learner and fact, the recall probability of each reviewed flashcard about it.
    Flashcards come with issue 7; until they are merged there is no card evidence."""
    return {}


def masteries(user_ids: Iterable[int], now: datetime) -> dict[int, dict[int, float]]:
    """user id -> fact id -> mastery (figures.fact_mastery), for the facts with evidence."""
    user_ids = list(user_ids)
    quizzes, cards = quiz_evidence(user_ids), card_evidence(user_ids, now)
    out: dict[int, dict[int, float]] = {}
    for user_id in user_ids:
        by_quiz, by_card = quizzes.get(user_id, {}), cards.get(user_id, {})
        out[user_id] = {
            fact_id: figures.fact_mastery(by_quiz.get(fact_id, ()), by_card.get(fact_id, ()))
            for fact_id in by_quiz.keys() | by_card.keys()
        }
    return out


@dataclass(frozen=True)
class Paragraph:
    passage: Passage
    mastery: float | None
    facts: int  # facts in the paragraph
    seen: int  # of which the learner has evidence for

    @property
    def band(self) -> str:
        return figures.band(self.mastery)

    @property
    def percent(self) -> int | None:
        return figures.percent(self.mastery)


def paragraphs(document: Document, mastery: dict[int, float]) -> list[Paragraph]:
    """The document's paragraphs, each with the mastery of its facts (two queries)."""
    facts_by_passage: dict[int, list[int]] = defaultdict(list)
    for fact_id, passage_id in Fact.objects.filter(
        document=document, is_active=True, passage__isnull=False
    ).values_list("pk", "passage_id"):
        facts_by_passage[passage_id].append(fact_id)
    out = []
    for passage in document.passages.only("pk", "index", "zh", "vi", "document_id"):
        fact_ids = facts_by_passage.get(passage.pk, [])
        values = [mastery.get(fact_id) for fact_id in fact_ids]
        out.append(
            Paragraph(
                passage=passage,
                mastery=figures.mean_mastery(values),
                facts=len(fact_ids),
                seen=sum(v is not None for v in values),
            )
        )
    return out


@dataclass(frozen=True)
class WeakFact:
    fact: Fact
    mastery: float
    learners: int = 1  # how many learners the mastery is the mean of (class view)

    @property
    def percent(self) -> int:
        return figures.percent(self.mastery)

    @property
    def band(self) -> str:
        return figures.band(self.mastery)


def weak_facts(mastery: dict[int, float], limit: int, learners: dict[int, int] | None = None):
    """The weakest facts as WeakFact rows, weakest first (one query, none when there are none)."""
    ids = figures.weakest(mastery, limit)
    if not ids:
        return []
    facts = Fact.objects.select_related("document", "passage").in_bulk(ids)
    return [WeakFact(facts[i], mastery[i], (learners or {}).get(i, 1)) for i in ids if i in facts]


def weakest_fact_ids(user, now: datetime, limit: int = WEAKEST_FOR_LEARNER) -> list[int]:
    """The facts the dashboard's "practise" button sends to the front of the learner's cards."""
    return figures.weakest(masteries([user.pk], now)[user.pk], limit)


# --- the learner's dashboard --------------------------------------------------------------------


@dataclass
class LearnerProgress:
    attempts: list[Attempt]
    mastery: dict[int, float]  # fact id -> mastery
    weakest: list[WeakFact]
    last_document_id: int | None  # the document the learner worked on last
    cards: CardFigures | None = None


@dataclass
class CardFigures:
    """The flashcard figures (issue 7)."""

    today: object
    due_today: int
    forecast: list = field(default_factory=list)
    year: list = field(default_factory=list)
    streak: int = 0
    reviews_today: int = 0
    retention_week: figures.Retention = figures.Retention(0, 0)
    retention_month: figures.Retention = figures.Retention(0, 0)

    @property
    def forecast_total(self) -> int:
        return sum(n for _day, n in self.forecast)

    @property
    def year_total(self) -> int:
        return sum(n for _day, n in self.year)

    @property
    def year_days(self) -> int:
        return sum(1 for _day, n in self.year if n)


def learner_progress(user, now: datetime) -> LearnerProgress:
    attempts = list(
        Attempt.objects.filter(user=user, finished_at__isnull=False)
        .select_related("quiz")
        .order_by("-finished_at", "-pk")[:HISTORY_LENGTH]
    )
    mastery = masteries([user.pk], now)[user.pk]
    return LearnerProgress(
        attempts=attempts,
        mastery=mastery,
        weakest=weak_facts(mastery, WEAKEST_FOR_LEARNER),
        last_document_id=attempts[0].quiz.document_id if attempts else None,
    )


# --- a teacher's class --------------------------------------------------------------------------


def _percent_expression():
    return ExpressionWrapper(F("score") * 100.0 / F("max_score"), output_field=FloatField())


@dataclass
class StudentProgress:
    student: object
    last_active: datetime | None = None
    attempts: int = 0
    mean_score: int | None = None  # percent, over every finished attempt
    best: dict[int, int] = field(default_factory=dict)  # quiz id -> best percent
    mastery: int | None = None  # percent, over the facts with evidence
    facts_seen: int = 0
    facts_known: int = 0
    reviews_week: int = 0
    active_days_month: int = 0


@dataclass
class ClassProgress:
    students: list[StudentProgress]
    quizzes: list[tuple[int, str]]  # (id, title) of the quizzes any student finished
    weakest: list[WeakFact]

    @property
    def score_rows(self) -> list[tuple[object, list[int | None]]]:
        """(student, [best percent or None for each quiz]) for the scores table."""
        return [(r.student, [r.best.get(pk) for pk, _t in self.quizzes]) for r in self.students]


def class_progress(classroom, now: datetime) -> ClassProgress:
    students = list(classroom.students.order_by("username"))
    rows = {s.pk: StudentProgress(s) for s in students}
    quizzes: dict[int, str] = {}
    per_quiz = (
        Attempt.objects.filter(
            user_id__in=rows, finished_at__isnull=False, score__isnull=False, max_score__gt=0
        )
        .values("user_id", "quiz_id", "quiz__title")
        .annotate(
            n=Count("pk"),
            total=Sum(_percent_expression()),
            best=Max(_percent_expression()),
            last=Max("finished_at"),
        )
        .order_by("quiz__title", "quiz_id")
    )
    totals: dict[int, float] = defaultdict(float)
    for row in per_quiz:
        student = rows[row["user_id"]]
        quizzes[row["quiz_id"]] = row["quiz__title"]
        student.attempts += row["n"]
        totals[student.student.pk] += row["total"]
        student.best[row["quiz_id"]] = round(row["best"])
        student.last_active = max(filter(None, [student.last_active, row["last"]]))
    for user_id, total in totals.items():
        rows[user_id].mean_score = round(total / rows[user_id].attempts)

    by_student = masteries(rows, now)
    per_fact: dict[int, list[float]] = defaultdict(list)
    for user_id, facts in by_student.items():
        student = rows[user_id]
        student.mastery = figures.percent(figures.mean_mastery(facts.values()))
        student.facts_seen = len(facts)
        student.facts_known = sum(figures.band(m) == "known" for m in facts.values())
        for fact_id, value in facts.items():
            per_fact[fact_id].append(value)
    class_mastery = {fact_id: figures.mean_mastery(values) for fact_id, values in per_fact.items()}
    learners = {fact_id: len(values) for fact_id, values in per_fact.items()}
    return ClassProgress(
        students=list(rows.values()),
        quizzes=list(quizzes.items()),
        weakest=weak_facts(class_mastery, WEAKEST_FOR_CLASS, learners),
    )


def _cell(value) -> object:
    """A CSV cell that a spreadsheet will not run as a formula (a name may start with = or +)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _local(moment: datetime | None) -> str | None:
    return localtime(moment).isoformat(timespec="minutes") if moment else None


def class_csv_rows(progress: ClassProgress) -> list[list]:
    """The class table as CSV rows: a header, then one row per student; each quiz's best score
    gets a column of its own."""
    header = [
        _("Username"),
        _("Name"),
        _("Last active"),
        _("Reviews, last 7 days"),
        _("Days active, last 30 days"),
        _("Quizzes finished"),
        _("Average score (%)"),
        _("Mastery (%)"),
        _("Facts studied"),
        _("Facts known"),
        *(_("Best score (%%): %(quiz)s") % {"quiz": title} for _pk, title in progress.quizzes),
    ]
    rows = [header]
    for row in progress.students:
        rows.append(
            [
                row.student.get_username(),
                row.student.get_full_name(),
                _local(row.last_active),
                row.reviews_week,
                row.active_days_month,
                row.attempts,
                row.mean_score,
                row.mastery,
                row.facts_seen,
                row.facts_known,
                *(row.best.get(pk) for pk, _title in progress.quizzes),
            ]
        )
    return [[_cell(value) for value in row] for row in rows]
