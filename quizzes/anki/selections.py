"""A deck of a selection of questions: the published choice questions themselves, and for every
fact they ask about, the fact's sentence as a cloze and the terms it names as bilingual notes.

A quiz's deck and a class's deck are such selections (quizzes.anki.quizzes, quizzes.anki.classes);
they differ only in which questions they take and what the deck is called.
"""

from __future__ import annotations

import genanki
from django.db.models import QuerySet

from content.items import exportable_facts, exportable_terms, fact_items, term_items
from content.models import Fact, Term
from quizzes.anki.deck import DeckSpec, build_decks
from quizzes.anki.sources import exportable_questions, question_items
from quizzes.models import Question


def parts(questions: QuerySet[Question]):
    """The published questions of the selection, the facts they ask about, the terms those
    facts name."""
    questions = questions.filter(status=Question.Status.PUBLISHED).distinct()
    facts = Fact.objects.filter(questions__in=questions).distinct()
    terms = Term.objects.filter(facts__in=facts).distinct()
    return questions, facts, terms


def selection_decks(spec: DeckSpec, questions: QuerySet[Question]) -> list[genanki.Deck]:
    questions, facts, terms = parts(questions)
    return build_decks(
        spec,
        terms=term_items(terms.order_by("document_id", "key")),
        facts=fact_items(facts.order_by("document_id", "sentence__index", "key")),
        questions=question_items(questions.order_by("id")),
    )


def note_estimate(questions: QuerySet[Question]) -> int:
    """At most how many notes the selection's deck has (cheap counts)."""
    questions, facts, terms = parts(questions)
    return (
        exportable_terms(terms).count()
        + exportable_facts(facts).count()
        + exportable_questions(questions).count()
    )
