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
from content.models import Fact, Term
from quizzes.anki.deck import DeckSpec, Written, build_decks, write_package
from quizzes.anki.documents import QUESTIONS_DECK
from quizzes.anki.sources import (
    exportable_facts,
    exportable_questions,
    exportable_terms,
    fact_items,
    question_items,
    term_items,
)
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


def _parts(classroom: Classroom, now=None):
    quizzes = assigned_quizzes(classroom, now)
    questions = Question.objects.filter(
        quizzes__in=quizzes, status=Question.Status.PUBLISHED
    ).distinct()
    facts = Fact.objects.filter(questions__in=questions).distinct()
    terms = Term.objects.filter(facts__in=facts).distinct()
    return questions, facts, terms


def class_decks(classroom: Classroom, now=None):
    questions, facts, terms = _parts(classroom, now)
    return build_decks(
        class_spec(classroom),
        terms=term_items(terms.order_by("document_id", "key")),
        facts=fact_items(facts.order_by("document_id", "sentence__index", "key")),
        questions=question_items(questions.order_by("id")),
    )


def note_estimate(classroom: Classroom, now=None) -> int:
    """At most how many notes the class's deck has (cheap counts)."""
    questions, facts, terms = _parts(classroom, now)
    return (
        exportable_terms(terms).count()
        + exportable_facts(facts).count()
        + exportable_questions(questions).count()
    )


def export_class(classroom: Classroom, file, timestamp: float | None = None) -> Written:
    """Write the class's deck to `file` (path or binary file object)."""
    return write_package(class_decks(classroom), file, timestamp)
