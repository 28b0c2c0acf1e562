"""From database rows to the plain items quizzes.anki.deck builds notes from.

One function per kind of row, each taking a queryset (or iterable of rows) so any deck — a
document's, a quiz's, a class's, a learner's — picks its rows and reuses these: a quiz deck will
be `build_decks(spec, questions=question_items(quiz_questions))`. Each function fetches what it
needs with select_related/prefetch_related and yields items, so large decks stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from content.models import Fact, Sentence, Term
from quizzes.anki import choice
from quizzes.anki.deck import BilingualItem, ChoiceItem, ClozeItem
from quizzes.models import Question

# Bilingual notes need a term in both languages (a card with an empty side is useless) of a
# word-like kind: bare numbers and years are left out.
BILINGUAL_KINDS = ("place", "term", "organisation", "person")
CHOICE_TYPES = choice.TYPES


def exportable_terms(terms: QuerySet[Term]) -> QuerySet[Term]:
    return (
        terms.filter(is_active=True, kind__in=BILINGUAL_KINDS)
        .exclude(zh="")
        .exclude(vi="")
        .select_related("document")
    )


def exportable_facts(facts: QuerySet[Fact]) -> QuerySet[Fact]:
    return (
        facts.filter(is_active=True, sentence__isnull=False)
        .select_related("document", "sentence__passage", "passage")
        .prefetch_related("terms")
    )


def exportable_questions(questions: QuerySet[Question]) -> QuerySet[Question]:
    """Published choice questions: what a learner may see, in a form a flashcard can hold."""
    return questions.filter(status=Question.Status.PUBLISHED, type__in=CHOICE_TYPES).select_related(
        "document", "fact__passage"
    )


def term_items(terms: QuerySet[Term]) -> Iterator[BilingualItem]:
    """A bilingual item per exportable term, with the first sentence of its document that
    mentions it (the pipeline's mentions, else plain containment) as its source."""
    terms = list(exportable_terms(terms))
    sentences = _sentences_by_document({t.document_id for t in terms})
    first_mention: dict[tuple[int, str], Sentence] = {}
    for document_sentences in sentences.values():
        for sentence in reversed(document_sentences):
            for mention in sentence.mentions:
                first_mention[(sentence.document_id, mention.get("term"))] = sentence
    for term in terms:
        source = first_mention.get((term.document_id, term.key)) or next(
            (s for s in sentences.get(term.document_id, []) if term.zh in s.zh or term.vi in s.vi),
            None,
        )
        yield BilingualItem(
            document=term.document.slug,
            key=term.key,
            kind=term.kind,
            zh=term.zh,
            vi=term.vi,
            pinyin=term.pinyin,
            hanviet=term.hanviet,
            source_zh=source.zh if source else "",
            source_vi=source.vi if source else "",
            paragraph=source.passage.index + 1 if source else None,
        )


def _sentences_by_document(document_ids: Iterable[int]) -> dict[int, list[Sentence]]:
    by_document: dict[int, list[Sentence]] = {}
    rows = Sentence.objects.filter(document_id__in=list(document_ids)).select_related("passage")
    for sentence in rows.order_by("document_id", "index"):
        by_document.setdefault(sentence.document_id, []).append(sentence)
    return by_document


def fact_items(facts: QuerySet[Fact]) -> Iterator[ClozeItem]:
    for fact in exportable_facts(facts):
        item = cloze_item(fact)
        if item is not None:
            yield item


def cloze_item(fact: Fact) -> ClozeItem | None:
    """Hide the fact's active terms in its Chinese sentence, else in its Vietnamese one; with no
    term found, its list items (an enumeration), else the fact's own text when it is only part
    of the sentence."""
    sentence = fact.sentence
    terms = [t for t in fact.terms.all() if t.is_active]
    paragraph = fact.passage.index + 1 if fact.passage else sentence.passage.index + 1
    items = [item for item in fact.items or [] if isinstance(item, dict)]
    candidates = [
        (sentence.zh, sentence.vi, [t.zh for t in terms]),
        (sentence.vi, sentence.zh, [t.vi for t in terms]),
        # An enumeration's items are what to learn, not the whole clause around them.
        (sentence.zh, sentence.vi, [item.get("zh", "") for item in items]),
        (sentence.vi, sentence.zh, [item.get("vi", "") for item in items]),
        (sentence.zh, sentence.vi, [fact.zh] if fact.zh != sentence.zh else []),
        (sentence.vi, sentence.zh, [fact.vi] if fact.vi != sentence.vi else []),
    ]
    for text, extra, answers in candidates:
        found = tuple(a for a in answers if a and a in text)
        if text and found:
            return ClozeItem(fact.document.slug, fact.key, fact.kind, text, found, extra, paragraph)
    return None


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
