"""The study items a document gives, built once for every kind of card: a bilingual item per
term (a note with two cards, Chinese → Vietnamese and back) and a cloze item per fact (its
sentence with the fact's terms hidden). The flashcards (flashcards.notes) and the Anki decks
(quizzes.anki) both build their notes from them, so a learner's card and the same note in an
exported deck say the same thing.

Each function takes a queryset (or iterable of rows), fetches what it needs with
select_related/prefetch_related and yields plain items (the dataclasses below), so large decks
stream. Each item names its document: note identities come from it, not from a deck.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import QuerySet

from content.models import Fact, Sentence, Term

# Bilingual notes need a term in both languages (a card with an empty side is useless) of a
# word-like kind: bare numbers and years are left out.
BILINGUAL_KINDS = ("place", "term", "organisation", "person")


@dataclass(frozen=True)
class BilingualItem:
    """A term in both languages; source_* is the sentence it comes from, plain text."""

    document: str  # the document's slug
    key: str
    kind: str
    zh: str
    vi: str
    pinyin: str = ""
    hanviet: str = ""
    source_zh: str = ""
    source_vi: str = ""
    paragraph: int | None = None  # 1-based, for the "p3" tag


@dataclass(frozen=True)
class ClozeItem:
    """A sentence with `answers` (substrings of it) hidden as c1, c2 …; extra is its translation."""

    document: str
    key: str
    kind: str
    text: str
    answers: tuple[str, ...]
    extra: str = ""
    paragraph: int | None = None


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


def cloze_spans(text: str, answers: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where each answer occurs in `text`, as sorted (start, end, answer) spans.

    Longer answers win where two overlap (山东省 over 山东); numbers and words match whole.
    """
    spans: list[tuple[int, int, str]] = []
    for answer in sorted({a for a in answers if a}, key=len, reverse=True):
        for start, end in _occurrences(text, answer):
            if all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, answer))
    return sorted(spans)


_LATIN = re.compile("[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _occurrences(text: str, answer: str) -> Iterator[tuple[int, int]]:
    """Where `answer` occurs as a whole number or word: "9" must not hide inside "1996", nor
    "Ba" inside "Bao". (str.find, not a regex per answer: compiling one per answer cost more
    than the rest of a 10,000-note export.)"""
    start = text.find(answer)
    while start != -1:
        end = start + len(answer)
        if _apart(text, start - 1, answer[0]) and _apart(text, end, answer[-1]):
            yield start, end
            start = text.find(answer, end)
        else:
            start = text.find(answer, start + 1)


def _apart(text: str, index: int, edge: str) -> bool:
    """Whether the character at `index` (beside an answer's `edge`) leaves the answer whole."""
    if not 0 <= index < len(text):
        return True
    beside = text[index]
    if edge.isdigit():
        return not "0" <= beside <= "9"
    if _LATIN.match(edge):
        return not _LATIN.match(beside)
    return True
