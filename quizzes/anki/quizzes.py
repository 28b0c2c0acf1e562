"""A quiz's Anki deck: its published choice questions, and for every fact they ask about, the
fact's sentence as a cloze and the terms it names as bilingual notes.

Notes keep the GUIDs they have in the document's deck (namespace + document + fact or term or
question), so a learner who imports both a document's deck and a quiz's deck gets each note once,
and re-importing either updates the notes in place.
"""

from __future__ import annotations

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


def quiz_spec(quiz: Quiz) -> DeckSpec:
    name = "Dongxi::" + quiz.title.replace("::", ":")
    return DeckSpec(
        "quiz",
        quiz.pk,
        name,
        str(quiz.document),
        tags=(f"quiz-{quiz.pk}",),
        questions_deck=QUESTIONS_DECK,
    )


def _parts(quiz: Quiz):
    questions = Question.objects.filter(quizzes=quiz, status=Question.Status.PUBLISHED)
    facts = Fact.objects.filter(questions__in=questions).distinct()
    terms = Term.objects.filter(facts__in=facts).distinct()
    return questions, facts, terms


def quiz_decks(quiz: Quiz):
    questions, facts, terms = _parts(quiz)
    return build_decks(
        quiz_spec(quiz),
        terms=term_items(terms.order_by("key")),
        facts=fact_items(facts.order_by("sentence__index", "key")),
        questions=question_items(questions.order_by("id")),
    )


def note_estimate(quiz: Quiz) -> int:
    """At most how many notes the quiz's deck has (cheap counts)."""
    questions, facts, terms = _parts(quiz)
    return (
        exportable_terms(terms).count()
        + exportable_facts(facts).count()
        + exportable_questions(questions).count()
    )


def export_quiz(quiz: Quiz, file, timestamp: float | None = None) -> Written:
    """Write the quiz's deck to `file` (path or binary file object)."""
    return write_package(quiz_decks(quiz), file, timestamp)
