"""Who may take which quiz, and when: practice quizzes, a teacher's own quizzes, and quizzes
assigned to a class. No HTTP here: quizzes.views.take and quizzes.taking ask these functions.

- A practice quiz (no owner, quizzes.seeding) is open to every signed-in user once published.
- A teacher's quiz is always open to its owner, draft or published: the owner previews it by
  taking it exactly as a student would, outside any assignment's dates and without the attempts
  limit (the owner's attempts are left out of the statistics).
- Once published, a teacher's quiz is open to the students of every class it is assigned to,
  from the assignment's `opens_at`. Before that they do not see it (their home page lists it as
  upcoming, without a link); after `closes_at` they still see its page and their attempts, but
  may not start a new attempt.
- An attempt at an assigned quiz ends at the closing time at the latest: its deadline is the
  earlier of the time limit and the closing time (the latest, when the quiz is assigned to
  several of the learner's classes), so an answer sent after closing is not counted and the
  attempt is finished, exactly as with a time limit. The deadline is fixed when the attempt
  starts: moving an assignment's dates later changes the attempts started after the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Exists, F, FloatField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from quizzes.models import Assignment, Attempt, Quiz


def visible_quizzes(user, now: datetime | None = None) -> QuerySet[Quiz]:
    """The quizzes whose page `user` may see: published practice quizzes, their own, and
    published quizzes assigned to one of their classes that have opened."""
    now = now or timezone.now()
    assigned = Assignment.objects.filter(
        quiz=OuterRef("pk"), classroom__students=user, opens_at__lte=now
    )
    published = Q(status=Quiz.Status.PUBLISHED)
    return Quiz.objects.filter(
        (published & Q(owner__isnull=True)) | Q(owner=user) | (published & Exists(assigned))
    )


def with_figures(quizzes: QuerySet[Quiz], user) -> QuerySet[Quiz]:
    """`quizzes` annotated for `user`'s quiz cards (one query): `question_count` (asked per
    attempt), `best` (their best finished score in percent, or None) and `used` (attempts
    started) and `left` (attempts left, meaningful when `attempts_allowed` limits them)."""
    mine = Attempt.objects.filter(quiz=OuterRef("pk"), user=user)
    best = (
        mine.filter(finished_at__isnull=False, max_score__gt=0)
        .order_by()
        .values("quiz")
        .annotate(best=Max(_percent(), output_field=FloatField()))
        .values("best")
    )
    used = mine.order_by().values("quiz").annotate(n=Count("pk")).values("n")
    entries = Quiz.objects.filter(pk=OuterRef("pk")).annotate(n=Count("entries")).values("n")
    return quizzes.annotate(
        question_count=Coalesce(F("draw"), Subquery(entries)),
        best=Subquery(best),
        used=Coalesce(Subquery(used), 0),
    ).annotate(left=Greatest(F("attempts_allowed") - F("used"), 0))


@dataclass(frozen=True)
class Access:
    """Whether `user` may start an attempt now. refusal: "" or a taking.QuizUnavailable code;
    closes_at: when an attempt started now must end (None: no closing time); preview: the
    owner trying their own quiz (no attempts limit)."""

    refusal: str = ""
    closes_at: datetime | None = None
    preview: bool = False
    opens_at: datetime | None = None  # when a quiz not open yet opens


def access(quiz: Quiz, user, now: datetime | None = None) -> Access:
    """May `user` start `quiz` at `now`? One query for an assigned quiz, none otherwise."""
    now = now or timezone.now()
    if quiz.owner_id is not None and quiz.owner_id == user.pk:
        return Access(preview=True)
    if not quiz.is_published:
        return Access("not_published")
    if quiz.owner_id is None:
        return Access()
    dates = list(
        Assignment.objects.filter(quiz=quiz, classroom__students=user).values_list(
            "opens_at", "closes_at"
        )
    )
    open_now = [(o, c) for o, c in dates if o <= now and (c is None or now < c)]
    if open_now:
        closings = [c for _, c in open_now]
        return Access(closes_at=None if None in closings else max(closings))
    later = [o for o, _ in dates if o > now]
    if later:
        return Access("not_open_yet", opens_at=min(later))
    return Access("closed" if dates else "not_assigned")


def deadline(started: datetime, time_limit: int | None, closes_at: datetime | None):
    """When an attempt started at `started` ends: the time limit or the closing time, whichever
    comes first; None when neither applies."""
    ends = [closes_at] if closes_at is not None else []
    if time_limit:
        ends.append(started + timedelta(minutes=time_limit))
    return min(ends) if ends else None


def _percent():
    return F("score") * 100.0 / F("max_score")


@dataclass(frozen=True)
class HomeAssignments:
    open: list[Assignment]  # due soonest first, then those with no closing time
    upcoming: list[Assignment]  # opening soonest first


def for_learner(user, now: datetime | None = None) -> HomeAssignments:
    """A learner's assignments still to come or open, in one query, each annotated with `best`
    (their best finished score in percent, or None) and `started` (any attempt at all)."""
    now = now or timezone.now()
    mine = Attempt.objects.filter(quiz=OuterRef("quiz_id"), user=user)
    best = (
        mine.filter(finished_at__isnull=False, max_score__gt=0)
        .order_by()
        .values("quiz")
        .annotate(best=Max(_percent(), output_field=FloatField()))
        .values("best")
    )
    rows = (
        Assignment.objects.filter(classroom__students=user, quiz__status=Quiz.Status.PUBLISHED)
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .select_related("quiz__document", "classroom")
        .annotate(best=Subquery(best), started=Exists(mine))
        .order_by(F("closes_at").asc(nulls_last=True), "opens_at", "id")
    )
    open_rows, upcoming = [], []
    for row in rows:
        (open_rows if row.opens_at <= now else upcoming).append(row)
    upcoming.sort(key=lambda a: (a.opens_at, a.pk))
    return HomeAssignments(open_rows, upcoming)


def for_class(classroom) -> QuerySet[Assignment]:
    """A class's assignments, each annotated with `completed`: how many of its students have
    finished at least one attempt at the quiz (one query)."""
    finished = (
        Attempt.objects.filter(
            quiz=OuterRef("quiz_id"),
            finished_at__isnull=False,
            user__classes=OuterRef("classroom_id"),
        )
        .order_by()
        .values("quiz")
        .annotate(n=Count("user", distinct=True))
        .values("n")
    )
    return (
        Assignment.objects.filter(classroom=classroom)
        .select_related("quiz__document")
        .annotate(completed=Coalesce(Subquery(finished), 0))
    )
