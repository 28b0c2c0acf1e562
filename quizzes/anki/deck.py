"""Turn plain study items into a genanki deck and write it as an .apkg.

Everything here takes plain data (the dataclasses below), not Django models, so the same code
serves a document deck now and quiz, class or learner decks later, and the benchmark can feed it
synthetic items. Every field is HTML-escaped here, once: text from documents is text, never markup.
"""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import genanki

from quizzes.anki import notetypes
from quizzes.anki.ids import deck_id, note_guid


@dataclass(frozen=True)
class DeckSpec:
    """Which deck: scope and key give its fixed id ("document", slug); name is what Anki shows."""

    scope: str
    key: str
    name: str
    description: str = ""
    tags: tuple[str, ...] = ()  # added to every note, e.g. the document slug

    @property
    def id(self) -> int:
        return deck_id(self.scope, self.key)


@dataclass(frozen=True)
class BilingualItem:
    """A term in both languages; source_* is the sentence it comes from, plain text."""

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

    key: str
    kind: str
    text: str
    answers: tuple[str, ...]
    extra: str = ""
    paragraph: int | None = None


@dataclass(frozen=True)
class QuestionItem:
    """A question and its answer, plain text (choice questions: options go in the front)."""

    key: str
    kind: str
    front: str
    back: str
    paragraph: int | None = None


@dataclass
class DeckItems:
    bilingual: list[BilingualItem] = field(default_factory=list)
    cloze: list[ClozeItem] = field(default_factory=list)
    questions: list[QuestionItem] = field(default_factory=list)


def escape(text: str) -> str:
    """HTML-escape a field; braces too, so text can never open a cloze or template tag."""
    return html.escape(text or "").replace("{", "&#123;").replace("}", "&#125;")


def highlight(sentence: str, needle: str) -> str:
    """The escaped sentence with each occurrence of `needle` in <b>."""
    if not needle or needle not in sentence:
        return escape(sentence)
    return "<b>".join(escape(part) for part in sentence.split(needle)).replace(
        "<b>", f"<b>{escape(needle)}</b>"
    )


def cloze_spans(text: str, answers: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where each answer occurs in `text`, as sorted (start, end, answer) spans.

    Longer answers win where two overlap (山东省 over 山东); numbers and words match whole.
    """
    spans: list[tuple[int, int, str]] = []
    for answer in sorted({a for a in answers if a}, key=len, reverse=True):
        for match in re.finditer(_pattern(answer), text):
            start, end = match.span()
            if all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, answer))
    return sorted(spans)


def cloze_text(text: str, answers: Iterable[str]) -> str | None:
    """The escaped `text` with each answer's occurrences wrapped as {{cN::…}}, N by first position.

    None when no answer occurs.
    """
    spans = cloze_spans(text, answers)
    if not spans:
        return None
    numbers: dict[str, int] = {}
    out, pos = [], 0
    for start, end, answer in spans:
        number = numbers.setdefault(answer, len(numbers) + 1)
        out.append(escape(text[pos:start]))
        out.append(f"{{{{c{number}::{escape(answer)}}}}}")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


_LATIN = "0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff"


def _pattern(answer: str) -> str:
    """Match `answer` as a whole number or word: "9" must not hide inside "1996"."""
    pattern = re.escape(answer)
    for edge, look in ((answer[0], "(?<![{}])"), (answer[-1], "(?![{}])")):
        if edge.isdigit():
            guard = look.format("0-9")
        elif re.match(f"[{_LATIN}]", edge):
            guard = look.format(_LATIN)
        else:
            continue
        pattern = guard + pattern if look.startswith("(?<") else pattern + guard
    return pattern


def tags_for(spec: DeckSpec, kind: str, paragraph: int | None) -> list[str]:
    # Anki splits tags on whitespace: keep each one a single token.
    tags = [*spec.tags, f"p{paragraph}" if paragraph else "", kind]
    return [re.sub(r"\s+", "_", tag.strip()) for tag in tags if tag and tag.strip()]


def bilingual_note(spec: DeckSpec, item: BilingualItem) -> genanki.Note:
    return genanki.Note(
        model=notetypes.BILINGUAL,
        fields=[
            escape(item.zh),
            escape(item.pinyin),
            escape(item.hanviet),
            escape(item.vi),
            highlight(item.source_zh, item.zh),
            highlight(item.source_vi, item.vi),
            escape(item.kind),
        ],
        guid=note_guid(spec.key, "term", item.key),
        tags=tags_for(spec, item.kind, item.paragraph),
    )


def cloze_note(spec: DeckSpec, item: ClozeItem) -> genanki.Note | None:
    text = cloze_text(item.text, item.answers)
    if text is None:
        return None
    return genanki.Note(
        model=notetypes.CLOZE,
        fields=[text, escape(item.extra), escape(item.kind)],
        guid=note_guid(spec.key, "fact", item.key),
        tags=tags_for(spec, item.kind, item.paragraph),
    )


def question_note(spec: DeckSpec, item: QuestionItem) -> genanki.Note:
    return genanki.Note(
        model=notetypes.BASIC,
        fields=[escape(item.front), escape(item.back)],
        guid=note_guid(spec.key, "question", item.key),
        tags=tags_for(spec, item.kind, item.paragraph),
    )


def build_deck(spec: DeckSpec, items: DeckItems) -> genanki.Deck:
    deck = genanki.Deck(spec.id, spec.name, description=escape(spec.description))
    for item in items.bilingual:
        deck.add_note(bilingual_note(spec, item))
    seen: set[str] = set()
    for item in items.cloze:
        note = cloze_note(spec, item)
        # Two facts of one sentence often hide the same terms: one card is enough.
        if note is not None and note.fields[0] not in seen:
            seen.add(note.fields[0])
            deck.add_note(note)
    for item in items.questions:
        deck.add_note(question_note(spec, item))
    return deck


_clock_lock = threading.Lock()
_last_timestamp = 0.0


def next_timestamp() -> float:
    """Now, but always at least a second after this process's previous export.

    genanki stamps notes with int(timestamp) and Anki only overwrites a note on import when the
    incoming one is newer, so two exports within one second must still get increasing stamps.
    """
    global _last_timestamp
    with _clock_lock:
        _last_timestamp = max(time.time(), _last_timestamp + 1.0)
        return _last_timestamp


def write_package(deck: genanki.Deck, file, timestamp: float | None = None) -> float:
    """Write `deck` as an .apkg to `file` (a path or a binary file object); returns the stamp."""
    timestamp = next_timestamp() if timestamp is None else timestamp
    genanki.Package(deck).write_to_file(file, timestamp=timestamp)
    return timestamp
