"""A class's Anki deck: the notes of the quizzes assigned to it (their published choice
questions, their facts' sentences as clozes, the terms those facts name), as
quizzes.anki.quizzes builds a quiz's.

Only assignments that have opened count, and of their questions only those whose key the
downloader may already see (quizzes.access.with_visible_keys: a student gets an exam's
questions once they have finished it; the teacher, the owner, gets them all). Notes keep the
GUIDs they have in a document's or a quiz's deck, so importing several of these decks never
duplicates a note.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Classroom
from quizzes.access import with_visible_keys
from quizzes.anki import selections
from quizzes.anki.deck import DeckSpec, Written, write_package
from quizzes.anki.documents import QUESTIONS_DECK
from quizzes.models import Question, Quiz


def class_spec(classroom: Classroom) -> DeckSpec:
    name = "Dongxi::" + classroom.name.replace("::", ":")
    return DeckSpec(
        "class",
        classroom.pk,
        name,
        classroom.name,
        tags=(f"class-{classroom.pk}",),
        questions_deck=QUESTIONS_DECK,
    )


def assigned_quizzes(classroom: Classroom, now=None) -> QuerySet[Quiz]:
    """The class's published quizzes whose assignment has opened."""
    return Quiz.objects.filter(
        assignments__classroom=classroom,
        assignments__opens_at__lte=now or timezone.now(),
        status=Quiz.Status.PUBLISHED,
    )


def _questions(classroom: Classroom, for_user, now=None) -> QuerySet[Question]:
    questions = Question.objects.filter(quizzes__in=assigned_quizzes(classroom, now))
    return with_visible_keys(questions, for_user)


def class_decks(classroom: Classroom, now=None, *, for_user):
    questions = _questions(classroom, for_user, now)
    return selections.selection_decks(class_spec(classroom), questions)


def note_estimate(classroom: Classroom, now=None, *, for_user) -> int:
    """At most how many notes the class's deck has (cheap counts)."""
    return selections.note_estimate(_questions(classroom, for_user, now))


def export_class(
    classroom: Classroom, file, timestamp: float | None = None, *, for_user
) -> Written:
    """Write the class's deck for `for_user` to `file` (path or binary file object)."""
    return write_package(class_decks(classroom, for_user=for_user), file, timestamp)
