"""The data the language pipeline produces: plain dataclasses, no Django.

Everything downstream (database loading, question generation, flashcards, Anki export) reads these
objects, so their fields are the contract between the pipeline and the rest of the product.
Offsets are character offsets into the sentence text of the named language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ZH = "zh"
VI = "vi"
LANGUAGES = (ZH, VI)


class DocumentError(ValueError):
    """Input that cannot be analysed. `code` is stable; the Django layer translates it."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Pair:
    """One piece of text in both languages; None where the document lacks that language."""

    zh: str | None = None
    vi: str | None = None

    def get(self, lang: str) -> str | None:
        return self.zh if lang == ZH else self.vi


@dataclass
class Paragraph:
    index: int  # 0-based position among the body paragraphs
    zh: str | None
    vi: str | None


@dataclass
class Sentence:
    index: int  # 0-based position among all body sentences
    paragraph: int  # Paragraph.index
    zh: str | None
    vi: str | None

    def get(self, lang: str) -> str | None:
        return self.zh if lang == ZH else self.vi


@dataclass
class Term:
    """A name, number or key term, paired across the languages where both are present."""

    key: str  # stable within a document, e.g. "place:山东", "number:14", "year:1996"
    kind: str  # place, person, organisation, name, work (《》), term, number, year
    zh: str | None
    vi: str | None
    pinyin: str = ""  # tone marks, syllables separated by spaces; "" without zh
    hanviet: str = ""  # Hán-Việt reading of zh; "" without zh
    # places: "province", "prefecture", "county" for Chinese divisions, else the gazetteer class
    # ("country", "city", "river", "lake", "mountain", "plateau", "sea"…), "landmark", "island",
    # "peninsula"
    level: str | None = None
    value: int | None = None  # numbers and years (686万 → 6860000); None when not whole
    # other surface forms per language: {"zh": ["山东省", "鲁"], "vi": ["tỉnh Sơn Đông"]}
    aliases: dict[str, list[str]] = field(default_factory=dict)
    # Numeric terms (number, quantity, year, date, percent, ordinal), from content.lang.numbers:
    unit: str | None = None  # normalised unit class: "km", "km2", "person", "percent", …
    approx: bool = False  # either language hedges it (约, 多, khoảng, hơn)
    amount: float | None = None  # the exact value, also when it is not whole (71.4)

    def get(self, lang: str) -> str | None:
        return self.zh if lang == ZH else self.vi


@dataclass
class Mention:
    """Where a term occurs: sentence text[start:end] in one language."""

    term: str  # Term.key
    lang: str
    sentence: int  # Sentence.index
    start: int
    end: int
    text: str


@dataclass
class Anchor:
    """Something checkable a fact states: a term it mentions, with where it stands in each
    language's sentence. A fact's anchors are what questions ask for."""

    term: str  # Term.key
    kind: str  # Term.kind: number, year, date, percent, place, person, organisation, term, …
    # sentence offsets per language: {"zh": [(3, 7)], "vi": [(10, 18)]}; a language is absent
    # when that sentence does not name the term
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @property
    def shared(self) -> bool:
        """Named in both languages: the translation confirms what the anchor is."""
        return len(self.spans) == 2


@dataclass
class Fact:
    """A statement worth learning, in both languages where the document has both.

    Every aligned sentence that names something checkable (a number, year, date, place, person,
    organisation, work or key term) states a fact of kind "statement"; glossary phrasing
    (definitions, enumerations, numbered items, examples, quotes) gives a more specific kind.
    """

    key: str  # stable across edits elsewhere in the document: hash of kind + normalised content
    kind: str  # definition, enumeration, numbered_item, example, quoted_term, lesson, statement
    paragraph: int
    sentence: int | None  # Sentence.index of the sentence that states it, when one does
    zh: str | None
    vi: str | None
    only_in: str | None = None  # "zh" or "vi" when the other language does not state it
    subject: Pair | None = None  # what is defined, enumerated or exemplified
    # enumeration / numbered items, in document order
    items: list[Pair] = field(default_factory=list)
    ordinal: int | None = None  # numbered items: 1, 2, 3 …
    terms: list[str] = field(default_factory=list)  # Term.key of every term the fact mentions
    # the terms its sentence names, with their spans per language (shared ones first)
    anchors: list[Anchor] = field(default_factory=list)

    def get(self, lang: str) -> str | None:
        return self.zh if lang == ZH else self.vi


@dataclass
class Problem:
    """Where the two languages do not line up; reported, never guessed away silently."""

    code: str  # e.g. "paragraph_count", "sentence_count", "unpaired_term", "unpaired_number"
    message: str
    paragraph: int | None = None
    sentence: int | None = None
    # What the message names, for translation by code: unpaired_number has
    # {"number": "200万", "lang": "zh", "value": 2000000.0}
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Clutter:
    """A line that is layout, not content: a date line, byline, source line, caption, series
    line, a headline that holds both languages, or a loose short line in the body (a subheading
    or an unlabelled caption). Kept so the reader can see what was set aside;
    it never becomes a paragraph, a term, a number or a question."""

    kind: str  # title, series, dateline, source, byline, caption, headline, heading, other
    text: str
    lang: str | None = None  # "zh", "vi" or None when mixed or unknown


@dataclass
class Analysis:
    title: Pair
    series: Pair
    published: date | None
    source: str | None
    languages: tuple[str, ...]  # the languages present, e.g. ("zh", "vi") or ("vi",)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    clutter: list[Clutter] = field(default_factory=list)

    def term(self, key: str) -> Term:
        return next(t for t in self.terms if t.key == key)

    def to_json(self) -> dict:
        """The `inspect_document --json` shape."""
        return {
            "title": {"zh": self.title.zh, "vi": self.title.vi},
            "series": {"zh": self.series.zh, "vi": self.series.vi},
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "paragraphs": [{"zh": p.zh, "vi": p.vi} for p in self.paragraphs],
            "sentences": [
                {"zh": s.zh, "vi": s.vi, "paragraph": s.paragraph} for s in self.sentences
            ],
            "terms": [
                {"zh": t.zh, "vi": t.vi, "pinyin": t.pinyin, "hanviet": t.hanviet, "kind": t.kind}
                for t in self.terms
            ],
            "facts": [
                {
                    "kind": f.kind,
                    "paragraph": f.paragraph,
                    "zh": f.zh,
                    "vi": f.vi,
                    "anchors": [
                        {
                            "term": x.term,
                            "kind": x.kind,
                            "spans": {
                                lang: [list(span) for span in v] for lang, v in x.spans.items()
                            },
                        }
                        for x in f.anchors
                    ],
                }
                for f in self.facts
            ],
            "clutter": [{"kind": c.kind, "text": c.text, "lang": c.lang} for c in self.clutter],
        }
