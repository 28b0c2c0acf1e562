"""Progress read from the database, for one learner's dashboard and for a teacher's class.

No HTTP here. Each function runs a fixed number of queries whatever the number of reviews,
answers or students: the database counts and groups, and progress.figures turns the
counts into the figures shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Max,
    Q,
    Sum,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from config.prepared import Prepared
from content.models import Document, Fact, Passage
from flashcards import scheduling, services
from flashcards.models import LearnerCard, LearnerSettings, Rating, ReviewLog, State
from progress import figures
from quizzes import csvsafe
from quizzes.models import Attempt, AttemptItem

HISTORY_LENGTH = 20  # quiz attempts listed on the dashboard
LAYOUT_CACHE_SECONDS = 24 * 60 * 60
WEAKEST_FOR_LEARNER = 5
WEAKEST_FOR_CLASS = 10

# user id -> fact id -> scores (0–1) of the evidence of one kind
Evidence = dict[int, dict[int, list[float]]]


# --- mastery ------------------------------------------------------------------------------------


def _latest_answers(items):
    """Of `items` (AttemptItem), each learner's latest scored answer to each question about an
    active fact, as (user id, fact id, score)."""
    return (
        items.filter(
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
        # Not in AttemptItem's default order: the rows are grouped by fact, and that order
        # (by the attempt's start) cost a join's worth of sorting, a third of the query's time.
        .order_by()
    )


# One learner's (the dashboard's): compiled once.
_LATEST_ANSWERS = Prepared(
    lambda p: _latest_answers(AttemptItem.objects.filter(attempt__user_id=p.user))
)


def quiz_evidence(user_ids: Iterable[int]) -> Evidence:
    """For each learner and fact, the score of their latest answer to each question about the
    fact (one query: a window function keeps the latest answer per learner and question)."""
    user_ids = list(user_ids)
    if len(user_ids) == 1:
        latest = _LATEST_ANSWERS.all(user=user_ids[0])
    else:
        latest = _latest_answers(AttemptItem.objects.filter(attempt__user_id__in=user_ids))
    evidence: Evidence = defaultdict(lambda: defaultdict(list))
    for user_id, fact_id, score in latest:
        evidence[user_id][fact_id].append(score)
    return evidence


def _reviewed_cards(cards):
    """Of `cards` (LearnerCard), the reviewed active ones, one row per active fact each is made
    for: (user id, fact id, stability, last review)."""
    return cards.filter(
        last_review__isnull=False,
        stability__isnull=False,
        card__is_active=True,
        note__facts__is_active=True,
    ).values_list("user_id", "note__facts", "stability", "last_review")


_REVIEWED_CARDS = Prepared(lambda p: _reviewed_cards(LearnerCard.objects.filter(user_id=p.user)))


def card_evidence(user_ids: Iterable[int], now: datetime) -> Evidence:
    """For each learner and fact, the recall probability now of each flashcard made for the fact
    (its cloze cards) that they have reviewed (one query). A term's cards are not evidence for
    every fact that names the term."""
    user_ids = list(user_ids)
    if len(user_ids) == 1:
        cards = _REVIEWED_CARDS.all(user=user_ids[0])
    else:
        cards = _reviewed_cards(LearnerCard.objects.filter(user_id__in=user_ids))
    evidence: Evidence = defaultdict(lambda: defaultdict(list))
    for user_id, fact_id, stability, last_review in cards:
        evidence[user_id][fact_id].append(figures.recall_probability(stability, last_review, now))
    return evidence


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


# (passage id, index, zh, vi, its active facts' ids) of each paragraph of a document version
_Layout = tuple[tuple[int, int, str, str, tuple[int, ...]], ...]


def _layout(document: Document) -> _Layout:
    """The document's paragraphs and the facts of each: the same for every learner, so kept in
    Django's cache under the document's version, its `updated_at` (content.loading saves the
    document in the transaction that rewrites its passages and facts, as quizzes.term_index
    relies on too). Two queries when not cached (or without a version to key it by)."""
    version = None if "updated_at" in document.get_deferred_fields() else document.updated_at
    key = f"progress:layout:{document.pk}:{version.isoformat()}" if version else None
    found = cache.get(key) if key else None
    if found is not None:
        return found
    facts_by_passage: dict[int, list[int]] = defaultdict(list)
    for fact_id, passage_id in Fact.objects.filter(
        document=document, is_active=True, passage__isnull=False
    ).values_list("pk", "passage_id"):
        facts_by_passage[passage_id].append(fact_id)
    rows = Passage.objects.filter(document=document).order_by("index")
    layout = tuple(
        (pk, index, zh, vi, tuple(facts_by_passage.get(pk, ())))
        for pk, index, zh, vi in rows.values_list("pk", "index", "zh", "vi")
    )
    if key:
        cache.set(key, layout, LAYOUT_CACHE_SECONDS)
    return layout


def paragraphs(document: Document, mastery: dict[int, float]) -> list[Paragraph]:
    """The document's paragraphs, each with the mastery of its facts (no query when the
    document's layout is cached, else two: see _layout)."""
    out = []
    for pk, index, zh, vi, fact_ids in _layout(document):
        passage = Passage(pk=pk, document=document, index=index, zh=zh, vi=vi)
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


# The facts of a list of ids with what the lists of weak facts show of them and of their
# document (not the document's source text), compiled once.
_FACTS = Prepared(
    lambda p: (
        Fact.objects.select_related("document")
        .only("vi", "zh", "document__slug", "document__title_vi", "document__title_zh")
        .filter(pk__any_of=p.facts)
        .order_by()
    ),
    lists=("facts",),
)


def weak_facts(mastery: dict[int, float], limit: int, learners: dict[int, int] | None = None):
    """The weakest facts as WeakFact rows, weakest first (one query, none when there are none)."""
    ids = figures.weakest(mastery, limit)
    if not ids:
        return []
    facts = {fact.pk: fact for fact in _FACTS.all(facts=ids)}
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
    cards: CardFigures


@dataclass(frozen=True)
class CardFigures:
    """The flashcard figures of one learner, on their study day `today`."""

    today: date
    forecast: list[tuple[date, int]]  # cards due on each of the next 30 days, today first
    year: list[tuple[date, int]]  # reviews on each of the last 365 days, today last
    streak: int
    retention: dict[str, figures.Retention]  # Anki's periods: today, yesterday, week, month…
    due_today: int = 0  # flashcards.services.due_today: as the review page counts it

    @property
    def retention_week(self) -> figures.Retention:
        return self.retention["week"]

    @property
    def retention_rows(self) -> list[tuple[str, figures.Retention]]:
        """Anki's true-retention table, one (label, Retention) row per period."""
        labels = {
            "today": _("Today"),
            "yesterday": _("Yesterday"),
            "week": _("Last 7 days"),
            "month": _("Last 30 days"),
            "year": _("Last 365 days"),
            "all_time": _("All time"),
        }
        return [(labels[name], self.retention[name]) for name, _b, _d in figures.RETENTION_PERIODS]

    @property
    def retention_month(self) -> figures.Retention:
        return self.retention["month"]

    @property
    def reviews_today(self) -> int:
        return self.year[-1][1]

    @property
    def forecast_total(self) -> int:
        return sum(n for _day, n in self.forecast)

    @property
    def year_total(self) -> int:
        return sum(n for _day, n in self.year)

    @property
    def year_days(self) -> int:
        return sum(1 for _day, n in self.year if n)


def study_day(now: datetime) -> date:
    """The study day `now` falls in, in the current time zone (days starting at 04:00)."""
    return scheduling.study_day(now, timezone.get_current_timezone())


def learner_days(user) -> scheduling.StudyDays:
    """The learner's study days: their settings' day start, 04:00 by default (one query)."""
    hour = LearnerSettings.objects.filter(user=user).values_list("day_starts_at", flat=True).first()
    starts_at = scheduling.DAY_STARTS_AT if hour is None else time(hour)
    return scheduling.StudyDays(timezone.get_current_timezone(), starts_at)


def _number(n: int) -> RawSQL:
    """A whole number written in the SQL itself (for a query that would have too many
    parameters otherwise)."""
    return RawSQL(str(int(n)), (), output_field=IntegerField())


def _due_by_day(p):
    """The learner's cards due on each study day of the forecast, as (day number, count) rows:
    `p.day1` … `p.day30` are when the days after today start; a card due before tomorrow starts
    is due today, day 0 (overdue ones too). The day numbers are written in the SQL, not sent as
    parameters: with them the query had 62, and psycopg parses a query of more than 50 again on
    every call."""
    starts = [getattr(p, f"day{i}") for i in range(1, figures.FORECAST_DAYS + 1)]
    earlier = [When(due__lt=start, then=_number(i)) for i, start in enumerate(starts[:-1])]
    return (
        LearnerCard.objects.filter(user_id=p.user, card__is_active=True, due__lt=starts[-1])
        .exclude(state=State.NEW, forwarded=False)
        .annotate(day=Case(*earlier, default=_number(figures.FORECAST_DAYS - 1)))
        .values_list("day")
        .annotate(n=Count("pk"))
        .order_by()
    )


_DUE_BY_DAY = Prepared(
    _due_by_day, datetimes=tuple(f"day{i}" for i in range(1, figures.FORECAST_DAYS + 1))
)


def due_per_day(user, today: date, days: scheduling.StudyDays | None = None) -> dict[date, int]:
    """Cards due on each study day of the forecast, counted in the database (one query, the
    study days' starts compared with: no date arithmetic in SQL). Counted: the cards the
    learner has reviewed and new cards brought forward to practise; cards never studied are not
    due. Overdue cards are counted on today."""
    days = days or scheduling.StudyDays(timezone.get_current_timezone())
    starts = {
        f"day{i}": days.start(today + timedelta(days=i))
        for i in range(1, figures.FORECAST_DAYS + 1)
    }
    return {today + timedelta(days=i): n for i, n in _DUE_BY_DAY.all(user=user.pk, **starts)}


# The kinds of rating true retention counts: (mature, failed) -> the ratings of a card in
# review of that kind (Anki's true retention: young or mature by the card's interval before
# the rating, the one its previous rating gave, ReviewLog.last_interval, Anki's lastIvl).
_REVIEW = Q(state_before=State.REVIEW)
_MATURE = Q(last_interval__gte=figures.MATURE_INTERVAL)
_FAILED = Q(rating=Rating.AGAIN)
_KINDS = {
    (False, False): _REVIEW & ~_MATURE & ~_FAILED,
    (False, True): _REVIEW & ~_MATURE & _FAILED,
    (True, False): _REVIEW & _MATURE & ~_FAILED,
    (True, True): _REVIEW & _MATURE & _FAILED,
}


def _ratings(user_id: int):
    """The learner's ratings counted by study day: (day, all, then one count per kind of
    _KINDS) rows. Read from the index review_log_user_day_card alone, in its order: no table
    row, no sort (each rating counted by a column of that index, never null)."""
    kinds = {f"kind{i}": Count("review_day", filter=kind) for i, kind in enumerate(_KINDS.values())}
    return (
        ReviewLog.objects.filter(user_id=user_id)
        .values_list("review_day")
        .annotate(n=Count("*"), **kinds)
        .order_by()
        .values_list("review_day", "n", *kinds)
    )


_RATINGS = Prepared(lambda p: _ratings(p.user))


def rating_counts(user, today: date) -> tuple[dict[date, int], figures.RetentionCounts]:
    """The learner's reviews on each study day, and the ratings Anki's true retention counts
    by study day, young or mature, failed or not (every rating of a card in the review state),
    from one query. Ratings on a day after `today` (none, unless the learner's day start moved)
    are not in the retention."""
    per_day: dict[date, int] = {}
    retention: dict[tuple[date, bool, bool], int] = {}
    for day, n, *by_kind in _RATINGS.all(user=user.pk):
        per_day[day] = n
        if day <= today:
            for (mature, failed), count in zip(_KINDS, by_kind, strict=True):
                if count:
                    retention[day, mature, failed] = count
    return per_day, retention


def retention_counts(user, today: date) -> figures.RetentionCounts:
    """The ratings Anki's true retention counts (see `rating_counts`)."""
    return rating_counts(user, today)[1]


_SETTINGS = Prepared(lambda p: LearnerSettings.objects.filter(user_id=p.user)[:1])


def card_figures(user, now: datetime) -> CardFigures:
    """Forecast, a year of reviews, streak and true retention, by the learner's study days: three
    queries and the cards due today's (services.due_today), whatever the number of reviews (the
    database groups them by study day)."""
    learner = _SETTINGS.first(user=user.pk) or LearnerSettings(user=user)
    days = services.study_days(learner)
    today = days.day(now)
    per_day, retention = rating_counts(user, today)
    return CardFigures(
        today=today,
        forecast=figures.forecast(due_per_day(user, today, days), today),
        year=figures.reviews_per_day(per_day, today),
        streak=figures.current_streak(per_day, today),
        retention=figures.retention_table(retention, today),
        due_today=services.due_today(user, now=now, learner=learner),
    )


@dataclass(frozen=True)
class Summary:
    due_today: int
    streak: int


def summary(user, now: datetime) -> Summary:
    """The home page's two figures: cards due today (`flashcards.services.due_today`, as the
    review page counts them) and the current streak, by the learner's study days."""
    learner = LearnerSettings.for_user(user)
    today = services.study_days(learner).day(now)
    days = ReviewLog.objects.filter(user=user).values_list("review_day", flat=True).distinct()
    return Summary(
        services.due_today(user, now=now, learner=learner), figures.current_streak(days, today)
    )


_LAST_REVIEWED = Prepared(
    lambda p: (
        LearnerCard.objects.filter(user_id=p.user, last_review__isnull=False)
        .order_by("-last_review")
        .values_list("document_id", "last_review")[:1]
    )
)
# The learner's latest finished attempts with what the dashboard shows of them: when, the score
# (Attempt.percent, .passed) and the quiz's title and document.
_ATTEMPTS = Prepared(
    lambda p: (
        Attempt.objects.filter(user_id=p.user, finished_at__isnull=False)
        .select_related("quiz")
        .only(
            "quiz",
            "finished_at",
            "score",
            "max_score",
            "quiz__title",
            "quiz__pass_mark",
            "quiz__document",
        )
        .order_by("-finished_at", "-pk")[:HISTORY_LENGTH]
    )
)


def _last_document_id(user, attempts: list[Attempt]) -> int | None:
    """The document of the learner's latest quiz answer or flashcard review (one query)."""
    card = _LAST_REVIEWED.first(user=user.pk)
    attempt = attempts[0] if attempts else None
    if card and (attempt is None or card[1] > attempt.finished_at):
        return card[0]
    return attempt.quiz.document_id if attempt else None


def learner_progress(user, now: datetime) -> LearnerProgress:
    attempts = _ATTEMPTS.all(user=user.pk)
    mastery = masteries([user.pk], now)[user.pk]
    return LearnerProgress(
        attempts=attempts,
        mastery=mastery,
        weakest=weak_facts(mastery, WEAKEST_FOR_LEARNER),
        last_document_id=_last_document_id(user, attempts),
        cards=card_figures(user, now),
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

    today = study_day(now)
    activity = (
        ReviewLog.objects.filter(user_id__in=rows)
        .values("user_id")
        .annotate(
            week=Count("pk", filter=Q(review_day__gt=today - timedelta(days=7))),
            days=Count(
                "review_day", distinct=True, filter=Q(review_day__gt=today - timedelta(days=30))
            ),
            last=Max("reviewed_at"),
        )
        .order_by()
    )
    for row in activity:
        student = rows[row["user_id"]]
        student.reviews_week, student.active_days_month = row["week"], row["days"]
        student.last_active = max(filter(None, [student.last_active, row["last"]]))

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
    return csvsafe.safe_cell(value)


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
        _("Days with reviews, last 30 days"),
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
