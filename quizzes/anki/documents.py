"""A document's Anki deck: its active terms as bilingual notes, its facts' sentences as clozes.

Reads Django models and hands plain items to quizzes.anki.deck. Bilingual notes need a term in
both languages (a card with an empty side is useless) of a word-like kind: bare numbers and years
are left out. Cloze notes come from active facts that point at a sentence.
"""

from __future__ import annotations

from content.models import Document, Fact, Sentence, Term
from quizzes.anki.deck import BilingualItem, ClozeItem, DeckItems, DeckSpec, build_deck
from quizzes.anki.deck import write_package as _write

BILINGUAL_KINDS = ("place", "term", "organisation", "person")


def document_spec(document: Document) -> DeckSpec:
    title = document.title_vi or document.title_zh or document.slug
    # "::" would make Anki nest the deck under a parent of that name.
    name = "Dongxi::" + title.replace("::", ":")
    description = " / ".join(filter(None, [document.title_zh, document.title_vi]))
    return DeckSpec("document", document.slug, name, description, tags=(document.slug,))


def document_items(document: Document) -> DeckItems:
    sentences = list(
        Sentence.objects.filter(document=document).select_related("passage").order_by("index")
    )
    items = DeckItems()
    terms = (
        Term.objects.filter(document=document, is_active=True, kind__in=BILINGUAL_KINDS)
        .exclude(zh="")
        .exclude(vi="")
    )
    for term in terms.order_by("key"):
        source = _source_sentence(term, sentences)
        items.bilingual.append(
            BilingualItem(
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
        )
    facts = (
        Fact.objects.filter(document=document, is_active=True, sentence__isnull=False)
        .select_related("sentence", "passage")
        .prefetch_related("terms")
        .order_by("sentence__index", "key")
    )
    for fact in facts:
        item = _cloze_item(fact)
        if item is not None:
            items.cloze.append(item)
    return items


def _source_sentence(term: Term, sentences: list[Sentence]) -> Sentence | None:
    """The first sentence that mentions the term (pipeline mentions), else that contains it."""
    for sentence in sentences:
        if any(m.get("term") == term.key for m in sentence.mentions):
            return sentence
    for sentence in sentences:
        if term.zh in sentence.zh or term.vi in sentence.vi:
            return sentence
    return None


def _cloze_item(fact: Fact) -> ClozeItem | None:
    """Hide the fact's active terms in its Chinese sentence, else in its Vietnamese one; with no
    term found, hide the fact's own text when it is only part of the sentence."""
    sentence = fact.sentence
    terms = [t for t in fact.terms.all() if t.is_active]
    paragraph = fact.passage.index + 1 if fact.passage else sentence.passage.index + 1
    candidates = [
        (sentence.zh, sentence.vi, [t.zh for t in terms]),
        (sentence.vi, sentence.zh, [t.vi for t in terms]),
        (sentence.zh, sentence.vi, [fact.zh] if fact.zh != sentence.zh else []),
        (sentence.vi, sentence.zh, [fact.vi] if fact.vi != sentence.vi else []),
    ]
    for text, extra, answers in candidates:
        found = tuple(a for a in answers if a and a in text)
        if text and found:
            return ClozeItem(fact.key, fact.kind, text, found, extra, paragraph)
    return None


def document_deck(document: Document):
    return build_deck(document_spec(document), document_items(document))


def export_document(document: Document, file, timestamp: float | None = None) -> float:
    """Write the document's deck to `file` (path or binary file object); returns the stamp."""
    return _write(document_deck(document), file, timestamp)
