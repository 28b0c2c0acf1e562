"""Splitting a bilingual document into its language parts: header and body paragraphs.

Each language may have a title, an optional series line in parentheses and date, source and
byline lines (layout.py recognises them wherever they stand), then paragraphs separated by blank
lines. Lines are classified by script one by one, so the parts may come in either order, as
whole-language blocks or interleaved paragraph by paragraph, and a line without a language of
its own (a URL) belongs to the part around it. Layout lines never become paragraphs: they are
kept as Clutter, and the date and source they state fill the document's header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from . import layout, vietnamese
from .model import VI, ZH, Clutter
from .text import clean_line, fold, nfc, script_of

_TERMINAL = tuple('。！？!?.…;；:："”')
# A line that ends a statement is never a title; a question or exclamation may be one.
_STATEMENT_END = tuple("。.;；:：,，")


@dataclass
class Part:
    lang: str
    title: str | None = None
    series: str | None = None
    published: date | None = None
    source: str | None = None
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Layout:
    """The language parts of a document and the layout lines set aside from them."""

    parts: dict[str, Part]
    clutter: list[Clutter] = field(default_factory=list)
    published: date | None = None
    source: str | None = None


def parse_date_line(line: str) -> tuple[date | None, str | None] | None:
    """(date, source) when the line is a date or source line ("14-01-2021 | China.org.cn",
    "来源：新华网"), else None."""
    kind = layout.classify(line, None)
    if kind is None or kind.kind not in (layout.DATELINE, layout.SOURCE):
        return None
    return kind.published, kind.source


def _classify(lines: list[str]) -> list[str | None]:
    langs = [script_of(line) if line else None for line in lines]
    # Lines without a script of their own take that of the nearest line before them, or
    # after them at the very start of the document.
    resolved: list[str | None] = []
    last = None
    for line, lang in zip(lines, langs, strict=True):
        if not line:
            resolved.append(None)
            continue
        if lang is None:
            lang = last
        else:
            last = lang
        resolved.append(lang)
    first = next((lang for lang in resolved if lang), None)
    return [lang or (first if line else None) for line, lang in zip(lines, resolved, strict=True)]


def split_parts(text: str) -> dict[str, Part]:
    """The language parts of a document, keyed by "zh" / "vi"; only languages present."""
    return split_document(text).parts


def split_document(text: str) -> Layout:
    """The language parts of a document, with its layout lines (dates, sources, bylines,
    captions, series, titles, a two-language headline) set aside as clutter."""
    lines = [clean_line(line) for line in nfc(text).replace("\r\n", "\n").split("\n")]
    langs = _classify(lines)
    result = Layout({})
    candidates: list[tuple[Clutter, tuple[str, str]]] = []  # headlines above the text
    body_seen = False
    # Blocks: runs of non-empty lines of one language, broken at blank and layout lines.
    blocks: dict[str, list[list[tuple[int, str]]]] = {ZH: [], VI: []}
    placed: list[tuple[int, Clutter]] = []  # (line number, clutter), sorted at the end
    prev_lang = None
    prev_line = ""
    prev_blank = True
    for number, (line, lang) in enumerate(zip(lines, langs, strict=True)):
        if not line:
            prev_blank = True
            continue
        continues = not prev_blank and lang == prev_lang and not prev_line.endswith(_TERMINAL)
        kind = layout.classify(line, lang, continues=continues)
        if kind is not None:
            own = None if kind.kind == layout.HEADLINE else (script_of(line) or lang)
            placed.append((number, Clutter(kind.kind, line, own)))
            result.published = result.published or kind.published
            result.source = result.source or kind.source
            if kind.halves and not body_seen:
                candidates.append((placed[-1][1], (kind.halves[0], _fix(VI, kind.halves[1]))))
            prev_blank = True
            continue
        if lang is None:
            continue
        if prev_blank or lang != prev_lang or not blocks[lang]:
            blocks[lang].append([])
        blocks[lang][-1].append((number, line))
        prev_line = line
        body_seen = True
        prev_lang = lang
        prev_blank = False
    headline, series = _choose_headline(candidates, blocks)
    for lang, lang_blocks in blocks.items():
        if lang_blocks:
            part = _parse_part(lang, lang_blocks, headline.get(lang), placed)
            part.series = part.series or series.get(lang)
            result.parts[lang] = part
    result.clutter = [c for _, c in sorted(placed, key=lambda pair: pair[0])]
    return result


def _choose_headline(
    candidates: list[tuple[Clutter, tuple[str, str]]],
    blocks: dict[str, list[list[tuple[int, str]]]],
) -> tuple[dict[str, str], dict[str, str]]:
    """The two-language headline and series lines above the text, as {lang: text}.

    A page may print its column ("Văn hóa | 文化", "百科词条 | Mục từ bách khoa") above or below
    the headline. A bracketed pair is a series; of the others, the headline is the one the
    opening paragraphs repeat (an entry's name), else the longest. The rest are series lines.
    """
    if not candidates:
        return {}, {}
    opening = {
        lang: fold(" ".join(line for block in lang_blocks[:2] for _, line in block))
        for lang, lang_blocks in blocks.items()
    }

    def bracketed(halves: tuple[str, str]) -> bool:
        return any(layout.series_of(half, None) for half in halves)

    def score(item: tuple[Clutter, tuple[str, str]]) -> tuple[bool, bool, int]:
        zh, vi = item[1]
        repeated = fold(zh) in opening.get(ZH, "") or fold(vi) in opening.get(VI, "")
        return (not bracketed(item[1]), repeated, len(zh) + len(vi))

    best = max(candidates, key=score)
    series: dict[str, str] = {}
    for clutter, halves in candidates:
        if (clutter, halves) is best or clutter is best[0]:
            continue
        clutter.kind = layout.SERIES
        if not series:
            inner = [layout.series_of(half, None) or half for half in halves]
            series = {ZH: inner[0], VI: inner[1]}
    return {ZH: best[1][0], VI: best[1][1]}, series


def _is_loose_line(lang: str, line: str) -> bool:
    """A short line standing alone in the body without a sentence's punctuation: a subheading
    or an unlabelled caption. It states nothing to pair or ask about, and pairing it would pull
    a sentence of the other language out of place."""
    if line.endswith(_TERMINAL) or line.endswith(tuple("）)」』】")):
        return False
    return len(line) <= 30 if lang == ZH else len(line.split()) <= 12


def _is_title(lang: str, line: str) -> bool:
    limit = 60 if lang == ZH else 200
    if len(line) > limit or line.endswith(_STATEMENT_END):
        return False
    # A question or exclamation is a title only when short; a long one opens the text.
    return not (line.endswith(_TERMINAL) and len(line) > limit // 3)


def _parse_part(
    lang: str,
    blocks: list[list[tuple[int, str]]],
    headline: str | None,
    placed: list[tuple[int, Clutter]],
) -> Part:
    part = Part(lang)
    items = [(b, number, line) for b, block in enumerate(blocks) for number, line in block]

    def set_aside(kind: str) -> None:
        placed.append((items[i][1], Clutter(kind, items[i][2], lang)))

    i = 0
    first = items[0][2]
    if headline:
        # A two-language headline names the document; its half may be repeated below it.
        part.title = headline
        if fold(_fix(lang, first)) == fold(headline):
            set_aside(layout.TITLE)
            i = 1
    elif _is_title(lang, first):
        part.title = _fix(lang, first)
        set_aside(layout.TITLE)
        i = 1
    # Header lines after the title, in whatever order they come.
    while i < len(items):
        line = items[i][2]
        series = layout.series_of(line, lang)
        if series and part.series is None:
            part.series = _fix(lang, series)
            set_aside(layout.SERIES)
        elif part.title and fold(_fix(lang, line)) == fold(part.title):
            set_aside(layout.TITLE)  # the title repeated above the body
        else:
            break
        i += 1
    body: dict[int, list[tuple[int, str]]] = {}
    for b, number, line in items[i:]:
        body.setdefault(b, []).append((number, line))
    for lines in body.values():
        if len(lines) == 1 and _is_loose_line(lang, lines[0][1]):
            placed.append((lines[0][0], Clutter(layout.HEADING, lines[0][1], lang)))
            continue
        for paragraph in _paragraphs(lang, [line for _, line in lines]):
            # A news paragraph may open with the wire service's place and date: set it aside.
            opening = layout.wire_opening(lang, paragraph)
            if opening:
                placed.append((lines[0][0], Clutter(layout.DATELINE, opening.strip(), lang)))
                paragraph = paragraph[len(opening) :]
            part.paragraphs.append(paragraph)
    return part


def _paragraphs(lang: str, lines: list[str]) -> list[str]:
    """A block's paragraphs: one per line when every line ends a sentence, else one in all."""
    if len(lines) > 1 and all(line.endswith(_TERMINAL) for line in lines):
        return [_fix(lang, line) for line in lines]
    joiner = "" if lang == ZH else " "
    return [_fix(lang, joiner.join(lines))]


def _fix(lang: str, text: str) -> str:
    return vietnamese.repair(text) if lang == VI else text
