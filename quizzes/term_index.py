"""A document's terms prepared once per document version, for grading typed answers and for the
feedback's marked sentences: every name normalised (content.lang.grading.Name: Chinese stems,
Vietnamese keys and folds), the other language's name of each, the aliases by name. Built from
the active terms on first use and kept in Django's cache (and a small per-process memo in front
of it) under the document's version, its `updated_at`: content.loading saves the document in the
same transaction that rewrites its terms, so a new analysis is a new key and nothing is stale.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field

from django.core.cache import cache

from content.lang.grading import Name, name
from content.models import Document, Term

CACHE_SECONDS = 24 * 60 * 60
_MEMO_SIZE = 32
_memo: OrderedDict[str, TermIndex] = OrderedDict()
_memo_lock = threading.Lock()


@dataclass(frozen=True)
class TermIndex:
    terms: tuple[tuple[str, str, dict], ...]  # (zh, vi, aliases) of each active term
    names: tuple[tuple[Name | None, Name | None], ...]  # each term's zh and vi, prepared
    by_name: dict[str, tuple[int, ...]] = field(default_factory=dict)  # name → term positions
    # (a name casefolded, the other language's name) for names of two characters or more
    translations: tuple[tuple[str, str], ...] = ()
    # What is worked out from the terms once per document version and question version (the
    # feedback's marked sentences, quizzes.feedback.sources); bounded by the document's questions.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, terms) -> TermIndex:
        terms = tuple((zh or "", vi or "", aliases or {}) for zh, vi, aliases in terms)
        by_name: dict[str, list[int]] = {}
        translations = []
        for i, (zh, vi, _aliases) in enumerate(terms):
            for here, there in ((zh, vi), (vi, zh)):
                if here:
                    by_name.setdefault(here, []).append(i)
                folded = unicodedata.normalize("NFC", here).casefold()
                if len(folded) >= 2 and there:
                    translations.append((folded, there))
        return cls(
            terms=terms,
            names=tuple((name(zh) or None, name(vi) or None) for zh, vi, _ in terms),
            by_name={key: tuple(value) for key, value in by_name.items()},
            translations=tuple(translations),
        )

    def names_for(self, forms: list[str]) -> tuple[list[Name], list[str]]:
        """(the other names, the aliases) for an answer with these `forms`: a term named by a
        form gives its aliases; every other term's names are the other names a response must
        not be (as quizzes.taking.grade_item has always read the terms)."""
        own = {i for form in forms if isinstance(form, str) for i in self.by_name.get(form, ())}
        aliases: list[str] = []
        for i in sorted(own):
            for values in self.terms[i][2].values():
                aliases.extend(values if isinstance(values, list) else [values])
        others = [
            prepared
            for i, pair in enumerate(self.names)
            if i not in own
            for prepared in pair
            if prepared is not None
        ]
        return others, aliases


def document_terms(document_id: int) -> list[tuple[str, str, dict]]:
    return list(
        Term.objects.filter(document_id=document_id, is_active=True).values_list(
            "zh", "vi", "aliases"
        )
    )


def version_of(document_id: int):
    return Document.objects.filter(pk=document_id).values_list("updated_at", flat=True).first()


def for_document(document_id: int, version=None) -> TermIndex:
    """The index of the document's active terms at `version` (its updated_at; read when None)."""
    if version is None:
        version = version_of(document_id)
    key = f"term-index:v1:{document_id}:{version.isoformat() if version else '-'}"
    with _memo_lock:
        index = _memo.get(key)
        if index is not None:
            _memo.move_to_end(key)
            return index
    index = cache.get(key)
    if index is None:
        index = TermIndex.build(document_terms(document_id))
        cache.set(key, index, CACHE_SECONDS)
    with _memo_lock:
        _memo[key] = index
        while len(_memo) > _MEMO_SIZE:
            _memo.popitem(last=False)
    return index


def forget() -> None:
    """Empty the per-process memo (tests; Django's cache is cleared on its own)."""
    with _memo_lock:
        _memo.clear()
