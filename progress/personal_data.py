"""A learner's own data: everything Dongxi keeps about them as one JSON document, and deleting
their account with it. No HTTP here.

What deleting an account does, row by row (the foreign keys' on_delete say the same):
- their quiz attempts and answers, flashcard schedules, reviews and settings: deleted (CASCADE);
- classes they teach: deleted, with their join codes (CASCADE); the students stay, with all
  their own data, and are simply no longer in that class;
- their memberships of other teachers' classes: removed;
- documents they added and questions they wrote: kept for the learners who use them, with no
  owner (SET_NULL);
- quizzes they own: kept with their attempts but closed (back to draft, with no owner), never
  turned into public practice quizzes (quizzes.receivers.close_quizzes_of_deleted_owner);
- the login records django-axes keeps under their username: deleted.
"""

from __future__ import annotations

from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction
from django.db.models import Count, Prefetch
from django.utils import timezone

from accounts.models import Classroom
from flashcards.models import LearnerCard, LearnerSettings, ReviewLog
from quizzes.models import Attempt, AttemptItem

FORMAT = "dongxi-personal-data"
VERSION = 1


def _account(user) -> dict:
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_teacher": user.is_teacher,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def _attempts(user) -> list[dict]:
    items = AttemptItem.objects.select_related("question").order_by("position")
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz", "quiz__document")
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("started_at", "pk")
    )
    return [
        {
            "quiz": attempt.quiz.title,
            "document": attempt.quiz.document.slug,
            "number": attempt.number,
            "started_at": attempt.started_at,
            "finished_at": attempt.finished_at,
            "score": attempt.score,
            "max_score": attempt.max_score,
            "answers": [
                {
                    "position": item.position,
                    "question": item.question.prompt,
                    "type": item.question.type,
                    "language": item.question.language,
                    "response": item.response,
                    "score": item.score,
                    "correct": item.correct,
                    "answered_at": item.answered_at,
                }
                for item in attempt.items.all()
            ],
        }
        for attempt in attempts
    ]


def _classes(user) -> dict:
    joined = user.classes.select_related("teacher").order_by("name")
    taught = user.taught_classes.annotate(n=Count("students")).order_by("name")
    return {
        "joined": [{"name": c.name, "teacher": c.teacher.get_username()} for c in joined],
        "taught": [
            {"name": c.name, "join_code": c.join_code, "students": c.n, "created_at": c.created_at}
            for c in taught
        ],
    }


def _logins(user) -> list[dict]:
    return list(
        AccessLog.objects.filter(username=user.get_username())
        .order_by("attempt_time")
        .values("attempt_time", "logout_time", "ip_address", "user_agent")
    )


def flashcard_data(user) -> dict:
    """The learner's flashcard settings, each card's schedule, and every review (3 queries)."""
    settings = LearnerSettings.objects.filter(user=user).values(
        "desired_retention", "new_per_day", "reviews_per_day", "day_starts_at", "type_answers"
    )
    cards = (
        LearnerCard.objects.filter(user=user)
        .order_by("pk")
        .values(
            "pk",
            "document__slug",
            "note__key",
            "card__template",
            "card__ordinal",
            "state",
            "due",
            "stability",
            "difficulty",
            "reps",
            "lapses",
            "last_review",
            "interval",
        )
    )
    reviews = (
        ReviewLog.objects.filter(user=user)
        .order_by("reviewed_at", "pk")
        .values(
            "learner_card_id",
            "rating",
            "reviewed_at",
            "review_day",
            "duration_ms",
            "state_before",
            "state",
            "stability",
            "difficulty",
            "due",
            "scheduled_days",
            "last_interval",
        )
    )
    return {
        "settings": next(iter(settings), None),
        "cards": [
            {
                "id": c["pk"],
                "document": c["document__slug"],
                "note": c["note__key"],
                "template": c["card__template"],
                "ordinal": c["card__ordinal"],
                **{k: c[k] for k in ("state", "due", "stability", "difficulty", "reps")},
                **{k: c[k] for k in ("lapses", "last_review", "interval")},
            }
            for c in cards
        ],
        "reviews": [{"card": r.pop("learner_card_id"), **r} for r in reviews],
    }


def export(user, now=None) -> dict:
    """Everything kept about `user`, as JSON-ready data (datetimes for DjangoJSONEncoder)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now or timezone.now(),
        "account": _account(user),
        "classes": _classes(user),
        "quiz_attempts": _attempts(user),
        "flashcards": flashcard_data(user),
        "logins": _logins(user),
    }


@dataclass(frozen=True)
class Consequences:
    """What deleting the account takes with it, for the confirmation page."""

    attempts: int
    reviews: int
    classes_taught: list[Classroom]  # each annotated with `n`, its number of students


def consequences(user) -> Consequences:
    return Consequences(
        attempts=Attempt.objects.filter(user=user).count(),
        reviews=ReviewLog.objects.filter(user=user).count(),
        classes_taught=list(user.taught_classes.annotate(n=Count("students")).order_by("name")),
    )


@transaction.atomic
def delete_account(user) -> None:
    """Delete the user and everything that is theirs alone (see the module docstring). All or
    nothing: a failure half-way deletes nothing."""
    username = user.get_username()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=username).delete()
    user.delete()
