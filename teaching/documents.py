"""A teacher manages the documents they added: rename, hide, delete. A document that learners
or quizzes still use is archived instead of deleted: listed nowhere, kept for what uses it.

"In use" means something a person made rests on it: a teacher's quiz over it, an attempt at any
of its quizzes, or a learner's flashcard from it. Its generated questions, practice quizzes and
card notes are Dongxi's own and go with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from content.models import Document
from flashcards.models import LearnerCard
from quizzes.models import Attempt, Quiz


@dataclass(frozen=True)
class Usage:
    teacher_quizzes: int
    attempts: int
    learners_with_cards: int

    @property
    def in_use(self) -> bool:
        return bool(self.teacher_quizzes or self.attempts or self.learners_with_cards)


def usage(document: Document) -> Usage:
    """What rests on `document` (three queries)."""
    return Usage(
        teacher_quizzes=Quiz.objects.filter(document=document, owner__isnull=False).count(),
        attempts=Attempt.objects.filter(quiz__document=document).count(),
        learners_with_cards=LearnerCard.objects.filter(document=document)
        .values("user")
        .distinct()
        .count(),
    )


def rename(document: Document, *, title_vi: str, title_zh: str) -> None:
    document.title_vi, document.title_zh = title_vi.strip(), title_zh.strip()
    document.save(update_fields=["title_vi", "title_zh", "updated_at"])


def set_hidden(document: Document, hidden: bool) -> None:
    document.hidden = hidden
    document.save(update_fields=["hidden", "updated_at"])


def remove(document: Document) -> str:
    """Delete `document`, or archive it when it is in use. Returns "deleted" or "archived"."""
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if usage(locked).in_use:
            locked.archived_at = timezone.now()
            locked.save(update_fields=["archived_at", "updated_at"])
            return "archived"
        locked.delete()
        return "deleted"


def restore(document: Document) -> None:
    """Bring an archived document back into its owner's lists (and, unless hidden, others')."""
    document.archived_at = None
    document.save(update_fields=["archived_at", "updated_at"])
