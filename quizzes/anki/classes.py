"""A class's Anki deck: the notes of the quizzes assigned to it (their published choice
questions, their facts' sentences as clozes, the terms those facts name), as
quizzes.anki.quizzes builds a quiz's.

Only assignments that have opened count: the deck shows the questions with their answers, so a
quiz still to come stays out of it until it opens (for the teacher too: the class's deck is one
deck, the same for everyone in the class). Notes keep the GUIDs they have in a document's or a
quiz's deck, so importing several of these decks never duplicates a note.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Classroom
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


def _questions(classroom: Classroom, now=None) -> QuerySet[Question]:
    return Question.objects.filter(quizzes__in=assigned_quizzes(classroom, now))


def class_decks(classroom: Classroom, now=None):
    return selections.selection_decks(class_spec(classroom), _questions(classroom, now))


def note_estimate(classroom: Classroom, now=None) -> int:
    """At most how many notes the class's deck has (cheap counts)."""
    return selections.note_estimate(_questions(classroom, now))


def export_class(classroom: Classroom, file, timestamp: float | None = None) -> Written:
    """Write the class's deck to `file` (path or binary file object)."""
    return write_package(class_decks(classroom), file, timestamp)
