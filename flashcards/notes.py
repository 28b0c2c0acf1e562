"""A document's flashcard notes, and what each card shows.

The notes are the Anki deck's (content.items: term_items and fact_items): each bilingual
term gives a note with two cards, Chinese → Vietnamese and Vietnamese → Chinese; each source
sentence of the facts gives a cloze note with one card per word its facts hide (c1, c2 … as in
Anki).
`sync_document` keeps them in step with the document: changed content updates the note in place,
vanished notes and cards are marked inactive (learners' schedules on them are kept, the cards
just stop coming up).

`card_face` turns a card into plain data for the template: text as segments, each Han character
with its pinyin for ruby, the hidden word, the Hán-Việt reading, the source sentence in both
languages, what to read aloud and which typed answers to accept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import transaction

from config.html import html_lang
from content.items import cloze_spans, fact_items, term_items
from content.lang.text import HAN_RE, short_hash
from content.models import Document, Fact, Term
from flashcards.models import Card, Note

HAN_RUN = re.compile(f"{HAN_RE.pattern}+")
SPEECH = {"zh": "zh-CN", "vi": "vi-VN"}


def char_pinyin(text: str, syllables: str = "", names: dict[str, str] | None = None) -> list[str]:
    """Pinyin for each character of `text` ("" for non-Han ones), read in context by pypinyin;
    `syllables` (a term's own pinyin, space-separated) wins when it has one per Han character.
    `names` ({Chinese name: its pinyin}, the document's terms) give the reading of the names the
    text contains, read as names (content.lang.readings.pinyin: 还剑湖 huán, not hái)."""
    from pypinyin import Style, pinyin

    out = [""] * len(text)
    given = syllables.split()
    if given and len(given) == len(HAN_RE.findall(text)):
        readings = iter(given)
        return [next(readings) if HAN_RE.match(c) else "" for c in text]
    for run in HAN_RUN.finditer(text):
        readings = [r[0] for r in pinyin(run.group(), style=Style.TONE)]
        if len(readings) == len(run.group()):
            out[run.start() : run.end()] = readings
    for name in sorted(names or {}, key=len):  # longer names last: they win
        reading = names[name].split()
        if not name or len(reading) != len(name) or not all(HAN_RE.match(c) for c in name):
            continue
        for found in re.finditer(re.escape(name), text):
            out[found.start() : found.end()] = reading
    return out


def _is_zh(text: str) -> bool:
    return bool(HAN_RE.search(text))


# --- notes -----------------------------------------------------------------------------------


@dataclass
class NoteSpec:
    kind: str
    key: str
    fields: dict
    cards: list[tuple[str, int]]
    term_id: int | None = None
    fact_ids: list[int] = field(default_factory=list)
    paragraph: int | None = None  # where it first comes up in the document


def note_specs(document: Document) -> list[NoteSpec]:
    bilingual = term_items(Term.objects.filter(document=document).order_by("key"))
    clozes = fact_items(Fact.objects.filter(document=document).order_by("sentence__index", "key"))
    terms = {t.key: t for t in Term.objects.filter(document=document, is_active=True)}
    facts = dict(Fact.objects.filter(document=document, is_active=True).values_list("key", "pk"))
    names = {t.zh: t.pinyin for t in terms.values() if t.zh and t.pinyin}
    specs: list[NoteSpec] = []
    for item in bilingual:
        term = terms[item.key]
        specs.append(
            NoteSpec(
                Note.Kind.TERM,
                f"term:{item.key}",
                {
                    "kind": item.kind,
                    "zh": item.zh,
                    "zh_pinyin": char_pinyin(item.zh, item.pinyin),
                    "vi": item.vi,
                    "hanviet": item.hanviet,
                    "aliases_zh": term.aliases.get("zh", []),
                    "aliases_vi": term.aliases.get("vi", []),
                    "source_zh": item.source_zh,
                    "source_zh_pinyin": char_pinyin(item.source_zh, names=names),
                    "source_vi": item.source_vi,
                },
                [(Card.Template.ZH_VI, 1), (Card.Template.VI_ZH, 2)],
                term_id=term.pk,
                paragraph=item.paragraph,
            )
        )
    # One note per sentence: every word its facts hide is a card of it, and cards of one
    # note (siblings) never come up on the same day.
    readings = {t.zh: t.hanviet for t in terms.values() if t.zh and t.hanviet}
    sentences: dict[str, list] = {}
    for item in clozes:
        sentences.setdefault(item.text, []).append(item)
    for text, group in sentences.items():
        spans = cloze_spans(text, [answer for item in group for answer in item.answers])
        answers = list(dict.fromkeys(answer for _start, _end, answer in spans))
        if not answers:
            continue
        lang = "zh" if _is_zh(text) else "vi"
        first = group[0]
        specs.append(
            NoteSpec(
                Note.Kind.CLOZE,
                "cloze:" + short_hash(text, *answers),
                {
                    "kind": first.kind,
                    "lang": lang,
                    "text": text,
                    "pinyin": char_pinyin(text, names=names) if lang == "zh" else [],
                    "answers": answers,
                    # The reading of a hidden name (a term of the document); none for phrases.
                    "hanviet": [readings.get(a, "") if lang == "zh" else "" for a in answers],
                    "extra": first.extra,
                    "extra_pinyin": (
                        char_pinyin(first.extra, names=names) if _is_zh(first.extra) else []
                    ),
                },
                [(Card.Template.CLOZE, n) for n in range(1, len(answers) + 1)],
                fact_ids=[facts[item.key] for item in group],
                paragraph=first.paragraph,
            )
        )
    # New cards come in the order the document brings them up.
    return sorted(specs, key=lambda spec: spec.paragraph or 10**6)


@transaction.atomic
def sync_document(document: Document) -> None:
    """Create, update or retire the document's notes and cards to match its current content."""
    specs = note_specs(document)
    existing = {note.key: note for note in Note.objects.filter(document=document)}
    to_create, to_update = [], []
    for position, spec in enumerate(specs):
        note = existing.get(spec.key)
        if note is None:
            note = Note(document=document, kind=spec.kind, key=spec.key)
            to_create.append(note)
        else:
            to_update.append(note)
        note.position, note.fields, note.term_id, note.is_active = (
            position,
            spec.fields,
            spec.term_id,
            True,
        )
    keys = {spec.key for spec in specs}
    vanished = [note for key, note in existing.items() if key not in keys]
    for note in vanished:
        note.is_active = False
    Note.objects.bulk_create(to_create)
    Note.objects.bulk_update(
        to_update + vanished, ["position", "fields", "term", "is_active"], batch_size=500
    )
    notes = {note.key: note for note in Note.objects.filter(document=document, key__in=keys)}

    wanted = {(notes[s.key].pk, template, n) for s in specs for template, n in s.cards}
    have = {
        (c.note_id, c.template, c.ordinal): c.pk
        for c in Card.objects.filter(note__document=document)
    }
    Card.objects.bulk_create(
        Card(note_id=note_id, template=template, ordinal=n)
        for note_id, template, n in wanted - set(have)
    )
    kept = [pk for key, pk in have.items() if key in wanted]
    Card.objects.filter(pk__in=kept, is_active=False).update(is_active=True)
    vanished_cards = [pk for key, pk in have.items() if key not in wanted]
    Card.objects.filter(pk__in=vanished_cards).update(is_active=False)

    links = Note.facts.through
    links.objects.filter(note__document=document).delete()
    links.objects.bulk_create(
        links(note_id=notes[s.key].pk, fact_id=fact_id) for s in specs for fact_id in s.fact_ids
    )


# --- what a card shows -----------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    text: str
    ruby: str = ""  # pinyin over a Han character
    mark: bool = False  # the word the card is about, highlighted
    blank: bool = False  # the hidden word of a cloze


@dataclass(frozen=True)
class Line:
    lang: str  # "zh" or "vi"
    segments: tuple[Segment, ...]
    speech: str = ""  # the plain text, for the browser's speech synthesis

    @property
    def html_lang(self) -> str:
        return html_lang(self.lang)

    @property
    def speech_lang(self) -> str:
        return SPEECH[self.lang]


@dataclass(frozen=True)
class Face:
    template: str
    front: Line
    answer: Line
    hanviet: str = ""
    sources: tuple[Line, ...] = ()
    kind: str = ""
    answer_lang: str = "vi"  # the language a typed answer is graded in
    accepted: tuple[str, ...] = ()  # the answer and its accepted other forms


def line(
    lang: str,
    text: str,
    pinyin: list[str] | None = None,
    *,
    marks: list[tuple[int, int]] = (),
    blanks: list[tuple[int, int]] = (),
    speech: bool = True,
) -> Line:
    """`text` cut into segments: one per Han character with its pinyin, plain runs between,
    marked and blank spans kept whole."""
    pinyin = pinyin or []
    segments: list[Segment] = []
    pos = 0
    spans = [(s, e, "mark") for s, e in marks] + [(s, e, "blank") for s, e in blanks]
    for start, end, kind in sorted(spans):
        if start < pos:
            continue
        segments += _plain(text, pinyin, pos, start)
        if kind == "blank":
            segments.append(Segment("[…]", blank=True))
        else:
            segments += _plain(text, pinyin, start, end, mark=True)
        pos = end
    segments += _plain(text, pinyin, pos, len(text))
    return Line(lang, tuple(segments), text if speech else "")


def _plain(text: str, pinyin: list[str], start: int, end: int, mark: bool = False) -> list[Segment]:
    out: list[Segment] = []
    run = ""
    for i in range(start, end):
        reading = pinyin[i] if i < len(pinyin) else ""
        if reading:
            if run:
                out.append(Segment(run, mark=mark))
                run = ""
            out.append(Segment(text[i], reading, mark))
        else:
            run += text[i]
    if run:
        out.append(Segment(run, mark=mark))
    return out


def _occurrences(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Where the term (or another of its names) occurs in `text`, longest first."""
    return [(start, end) for start, end, _needle in cloze_spans(text, needles)]


def card_face(card: Card) -> Face:
    """What `card` shows, from its note's fields (card.note must be loaded)."""
    f = card.note.fields
    if card.template == Card.Template.CLOZE:
        return _cloze_face(card, f)
    zh = line("zh", f["zh"], f["zh_pinyin"])
    vi = line("vi", f["vi"])
    source_zh, source_vi = f["source_zh"], f["source_vi"]
    zh_names, vi_names = [f["zh"], *f["aliases_zh"]], [f["vi"], *f["aliases_vi"]]
    sources = tuple(
        source
        for source in (
            line("zh", source_zh, f["source_zh_pinyin"], marks=_occurrences(source_zh, zh_names)),
            line("vi", source_vi, marks=_occurrences(source_vi, vi_names)),
        )
        if source.segments
    )
    if card.template == Card.Template.ZH_VI:
        front, answer, lang, forms = zh, vi, "vi", vi_names
    else:
        front, answer, lang, forms = vi, zh, "zh", zh_names
    return Face(card.template, front, answer, f["hanviet"], sources, f["kind"], lang, tuple(forms))


def _cloze_face(card: Card, f: dict) -> Face:
    lang, text, answers = f["lang"], f["text"], f["answers"]
    index = min(card.ordinal, len(answers)) - 1
    hidden = answers[index]
    spans = [(s, e) for s, e, a in cloze_spans(text, answers) if a == hidden]
    front = line(lang, text, f["pinyin"], blanks=spans, speech=False)
    answer = line(lang, text, f["pinyin"], marks=spans)
    extra_lang = "zh" if f["extra_pinyin"] else "vi"
    sources = (line(extra_lang, f["extra"], f["extra_pinyin"]),) if f["extra"] else ()
    return Face(
        card.template,
        front,
        answer,
        f["hanviet"][index],
        sources,
        f["kind"],
        lang,
        (hidden,),
    )
