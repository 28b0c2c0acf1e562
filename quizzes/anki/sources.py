"""From question rows to the plain items quizzes.anki.deck builds choice notes from (terms and
facts give theirs through content.items, which the flashcards share).

One function per kind of row, each taking a queryset (or iterable of rows) so any deck — a
document's, a quiz's, a class's, a learner's — picks its rows and reuses these: a quiz deck will
be `build_decks(spec, questions=question_items(quiz_questions))`. Each function fetches what it
needs with select_related/prefetch_related and yields items, so large decks stream.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet

from quizzes.anki import choice
from quizzes.anki.deck import ChoiceItem
from quizzes.models import Question

CHOICE_TYPES = choice.TYPES


def exportable_questions(questions: QuerySet[Question]) -> QuerySet[Question]:
    """Published choice questions: what a learner may see, in a form a flashcard can hold."""
    return questions.filter(status=Question.Status.PUBLISHED, type__in=CHOICE_TYPES).select_related(
        "document", "fact__passage"
    )


def question_items(questions: QuerySet[Question]) -> Iterator[ChoiceItem]:
    for question in exportable_questions(questions):
        yield question_item(question)


def question_item(question: Question) -> ChoiceItem:
    fact = question.fact
    passage = fact.passage if fact is not None else None
    return ChoiceItem(
        document=question.document.slug,
        key=question.key,
        pk=question.pk,
        type=question.type,
        language=question.language,
        prompt=question.prompt,
        answer=question.answer,
        choices=tuple(question.choices or ()),
        source=question.source,
        source_translation=question.source_translation,
        kind=fact.kind if fact is not None else "",
        paragraph=passage.index + 1 if passage is not None else None,
    )
