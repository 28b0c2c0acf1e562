"""Turn plain study items into genanki decks and write them as an .apkg.

Everything here takes plain data (content.items' BilingualItem and ClozeItem, ChoiceItem below),
not Django models, so one function, `build_decks(spec, terms=…, facts=…, questions=…)`, serves a
document deck now and quiz, class or learner decks later (content.items and
quizzes.anki.sources turn rows into items), and the benchmark can feed it synthetic items. Every
field is HTML-escaped here, once: text from documents is text, never markup. Each item names its
document: GUIDs and tags come from it, not from the deck, so a note is the same note whichever
deck carries it.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import sqlite3
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import genanki

from config.html import html_lang
from content.items import BilingualItem, ClozeItem, cloze_spans
from content.lang.text import HAN_RE, LATIN_LETTER_RE
from quizzes.anki import choice, notetypes
from quizzes.anki.ids import deck_id, note_guid


@dataclass(frozen=True)
class DeckSpec:
    """Which deck: scope and key give its fixed id ("document", slug), ("quiz", pk) …; name is
    what Anki shows. questions_deck, when set, names a sub-deck for the choice questions."""

    scope: str
    key: str | int
    name: str
    description: str = ""
    tags: tuple[str, ...] = ()  # added to every note, e.g. "quiz-12"
    questions_deck: str = ""

    @property
    def id(self) -> int:
        return deck_id(self.scope, self.key)


@dataclass(frozen=True)
class ChoiceItem:
    """A choice question as stored (quizzes.models.Question): answer and choices keep their
    JSON shapes. key is the generator's key, or "" for an authored question (then pk counts)."""

    document: str
    key: str
    pk: int | None
    type: str
    language: str  # "zh" or "vi"
    prompt: str
    answer: object
    choices: tuple = ()
    source: str = ""
    source_translation: str = ""
    kind: str = ""  # the fact's kind, for the tag
    paragraph: int | None = None

    @property
    def guid(self) -> str:
        if self.key:
            return note_guid(self.document, "question", self.key)
        return note_guid(self.document, "authored-question", self.pk)


_SPECIAL = re.compile(r"[&<>\"'{}]")


def escape(text: str) -> str:
    """HTML-escape a field; braces too, so text can never open a cloze or template tag."""
    if not text or not _SPECIAL.search(text):
        return text or ""  # most fields: nothing to escape (a 10,000-note deck has ~90,000)
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;")


def highlight(sentence: str, needle: str) -> str:
    """The escaped sentence with each occurrence of `needle` in <b>."""
    if not needle or needle not in sentence:
        return escape(sentence)
    if not _SPECIAL.search(sentence):  # nothing to escape (nor in the needle, a part of it)
        return sentence.replace(needle, f"<b>{needle}</b>")
    return "<b>".join(escape(part) for part in sentence.split(needle)).replace(
        "<b>", f"<b>{escape(needle)}</b>"
    )


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


def tags_for(spec: DeckSpec, document: str, *kinds: str, paragraph: int | None) -> list[str]:
    return list(_tags(spec.tags, document, kinds, paragraph))


@functools.lru_cache(maxsize=1024)
def _tags(extra: tuple[str, ...], document: str, kinds: tuple[str, ...], paragraph) -> tuple:
    """A deck's notes share few tag sets (document, paragraph, kinds): each is built once."""
    # Anki splits tags on whitespace: keep each one a single token.
    tags = [*extra, document, f"p{paragraph}" if paragraph else "", *kinds]
    tags = ["_".join(tag.split()) for tag in tags if tag and not tag.isspace()]
    return tuple(dict.fromkeys(tags))


# What str.splitlines splits on.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


# Either: a field with neither is written as it is (one search instead of two).
_BREAK_OR_SPECIAL = re.compile(f"{_LINE_BREAK.pattern[:-1]}{_SPECIAL.pattern[1:]}")


def multiline(text: str) -> str:
    text = (text or "").strip()
    if not _BREAK_OR_SPECIAL.search(text):
        return text  # most fields: one line, nothing to escape
    if not _LINE_BREAK.search(text):
        return escape(text)
    return "<br>".join(escape(line) for line in text.splitlines())


class Note(genanki.Note):
    """A note whose fields were built here: escaped text and this module's own markup. genanki's
    check for unescaped HTML in every field when it writes a note (a warning for hand-made
    fields, and a regular expression over each field: about a twentieth of a large export) is
    left out. Should genanki rename that method, its check simply runs again."""

    def _check_invalid_html_tags_in_fields(self) -> None:
        pass


def bilingual_note(spec: DeckSpec, item: BilingualItem) -> genanki.Note:
    names = (item.zh or "", item.pinyin or "", item.hanviet or "", item.vi or "", item.kind or "")
    if _SPECIAL.search("".join(names)):  # most terms: nothing to escape, one search for five
        names = tuple(escape(name) for name in names)
    zh, pinyin, hanviet, vi, kind = names
    return Note(
        model=notetypes.BILINGUAL,
        fields=[
            zh,
            pinyin,
            hanviet,
            vi,
            highlight(item.source_zh, item.zh),
            highlight(item.source_vi, item.vi),
            kind,
        ],
        guid=note_guid(item.document, "term", item.key),
        tags=tags_for(spec, item.document, item.kind, paragraph=item.paragraph),
    )


def cloze_note(spec: DeckSpec, item: ClozeItem) -> genanki.Note | None:
    text = cloze_text(item.text, item.answers)
    if text is None:
        return None
    return Note(
        model=notetypes.CLOZE,
        fields=[text, escape(item.extra), escape(item.kind)],
        guid=note_guid(item.document, "fact", item.key),
        tags=tags_for(spec, item.document, item.kind, paragraph=item.paragraph),
    )


def speaks(text: str, language: str) -> bool:
    """Whether the `language` voice can read all of `text`: no Latin letters for the Chinese
    voice, no hanzi for the Vietnamese one (numbers and signs are read by either)."""
    other = LATIN_LETTER_RE if language == "zh" else HAN_RE
    return not other.search(text)


def _listed(prompt: str, items: tuple[str, ...]) -> bool:
    """Whether the prompt already lists the matching items as numbered lines "1. item"."""
    lines = {" ".join(line.split()) for line in prompt.splitlines()}
    return all(f"{n}. {' '.join(i.split())}" in lines for n, i in enumerate(items, 1))


def choice_note(spec: DeckSpec, item: ChoiceItem) -> genanki.Note | None:
    """None when the question's answer does not fit its options (see quizzes.anki.choice).
    Everything needed to answer is on the front: a matching question's numbered items too. A
    text the question's voice cannot read (hanzi in Vietnamese, Latin letters in Chinese) goes
    where no TTS reads it; options keep their line breaks."""
    shown = choice.face(item.type, item.language, item.answer, list(item.choices))
    if shown is None:
        return None
    options = "".join(
        f'<li><span class="letter">{letter}</span> {multiline(text)}</li>'
        for letter, text in shown.options
    )
    options = f'<ul class="options">{options}</ul>'
    if shown.items and not _listed(item.prompt, shown.items):
        listed = "".join(
            f'<li><span class="letter">{n}</span> {multiline(text)}</li>'
            for n, text in enumerate(shown.items, 1)
        )
        options = f'<ol class="options items">{listed}</ol>' + options
    answer = "".join(f"<li>{multiline(line)}</li>" for line in shown.answers)
    answer = f"<ul>{answer}</ul>" if len(shown.answers) > 1 else multiline(shown.answers[0])
    prompt = multiline(item.prompt)
    zh = item.language == "zh"
    lang = html_lang(item.language)
    key = escape(shown.key)
    if not speaks(item.prompt, item.language):
        options = f'<div class="prompt" lang="{lang}">{prompt}</div>' + options
        prompt = ""
    if not speaks(" ".join(shown.answers), item.language):
        key += f'<div class="answer" lang="{lang}">{answer}</div>'
        answer = ""
    source_zh, source_vi = (
        (item.source, item.source_translation) if zh else (item.source_translation, item.source)
    )
    return Note(
        model=notetypes.CHOICE,
        fields=[
            prompt if zh else "",
            "" if zh else prompt,
            options,
            key,
            answer if zh else "",
            "" if zh else answer,
            escape(source_zh),
            escape(source_vi),
            escape(shown.label),
        ],
        guid=item.guid,
        tags=tags_for(spec, item.document, item.kind, item.type, paragraph=item.paragraph),
    )


def build_decks(
    spec: DeckSpec,
    *,
    terms: Iterable[BilingualItem] = (),
    facts: Iterable[ClozeItem] = (),
    questions: Iterable[ChoiceItem] = (),
) -> list[genanki.Deck]:
    """The deck `spec` names with a bilingual note per term, a cloze per fact sentence and a
    choice note per question; the questions go in the sub-deck spec.questions_deck when set.
    Items that cannot make a sound card (no answer in the sentence, answer not among the
    options) are left out. Takes iterables, so callers may stream rows."""
    deck = genanki.Deck(spec.id, spec.name, description=escape(spec.description))
    decks = [deck]
    for item in terms:
        deck.add_note(bilingual_note(spec, item))
    seen: set[str] = set()
    for item in facts:
        note = cloze_note(spec, item)
        # Two facts of one sentence often hide the same terms: one card is enough.
        if note is not None and note.fields[0] not in seen:
            seen.add(note.fields[0])
            deck.add_note(note)
    target = deck
    if spec.questions_deck:
        name = f"{spec.name}::{spec.questions_deck.replace('::', ':')}"
        target = genanki.Deck(deck_id(spec.scope, spec.key, "questions"), name)
    for item in questions:
        note = choice_note(spec, item)
        if note is not None:
            target.add_note(note)
    if target is not deck and target.notes:
        decks.append(target)
    return decks


def counts(decks: Iterable[genanki.Deck]) -> tuple[int, int]:
    """(notes, cards) in the decks."""
    notes = [note for deck in decks for note in deck.notes]
    return len(notes), sum(len(note.cards) for note in notes)


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


class _BatchedInserts:
    """The cursor genanki writes a collection through, with its one-row INSERTs of notes and
    cards kept and sent by executemany (a 10,000-note deck makes 31,000 of them, a third of the
    export): the same rows, in the same order. genanki reads a note's id back as lastrowid, and
    sets every id itself, so lastrowid is that id. Any other statement sends what is kept
    first."""

    _BATCHED = ("INSERT INTO notes VALUES", "INSERT INTO cards VALUES")

    def __init__(self, cursor: sqlite3.Cursor):
        self.cursor = cursor
        self.kept: dict[str, list[tuple]] = {}
        self.lastrowid: int | None = None

    def execute(self, sql: str, params=()):
        if sql.startswith(self._BATCHED):
            self.kept.setdefault(sql, []).append(params)
            self.lastrowid = params[0]
            return self
        self.flush()
        self.cursor.execute(sql, params)
        self.lastrowid = self.cursor.lastrowid
        return self

    def executescript(self, script: str):
        self.flush()
        self.cursor.executescript(script)
        return self

    def fetchone(self):
        return self.cursor.fetchone()

    def fetchall(self):
        return self.cursor.fetchall()

    def flush(self) -> None:
        # Notes before cards, as genanki writes them (no constraint needs it; kept for order).
        for sql in sorted(self.kept, key=lambda sql: "cards" in sql):
            self.cursor.executemany(sql, self.kept[sql])
        self.kept.clear()


@dataclass(frozen=True)
class Written:
    notes: int
    cards: int
    timestamp: float


def write_package(decks: Iterable[genanki.Deck], file, timestamp: float | None = None) -> Written:
    """Write the decks as one .apkg to `file` (a path or a binary file object). Anki creates
    the parent of a sub-deck from its name.

    genanki.Package.write_to_file leaves its temporary SQLite file behind (genanki 0.13.1, see
    kerrickstaley/genanki#104): a server exporting all day would fill /tmp. So genanki writes
    the collection (write_to_db) into a directory we remove, and we zip it as it would.
    """
    timestamp = next_timestamp() if timestamp is None else timestamp
    decks = list(decks)
    package = genanki.Package(decks)
    with tempfile.TemporaryDirectory(prefix="dongxi-anki-") as tmp:
        db_path = Path(tmp) / "collection.anki2"
        connection = sqlite3.connect(db_path)
        # A scratch file, zipped once written and then removed: no journal, no waiting for the
        # disk (a crash leaves nothing to recover, only a folder to remove).
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        try:
            cursor = _BatchedInserts(connection.cursor())
            package.write_to_db(cursor, timestamp, itertools.count(int(timestamp * 1000)))
            cursor.flush()
            connection.commit()
        finally:
            connection.close()
        # The fastest deflate: most of the size saved for a fraction of the default's time.
        with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            out.write(db_path, "collection.anki2")
            out.writestr("media", "{}")
    return Written(*counts(decks), timestamp)
