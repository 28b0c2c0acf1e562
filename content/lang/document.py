"""Splitting a bilingual document into its language parts: header and body paragraphs.

The form is the China.org.cn glossary one: for each language a title, an optional series line
in parentheses, an optional "DD-MM-YYYY | Source" line (Vietnamese repeats the title after it)
and paragraphs separated by blank lines. Lines are classified by script one by one, so the
parts may come in either order, and a line without a language of its own (a date, a URL)
belongs to the part around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import vietnamese
from .model import VI, ZH
from .text import clean_line, fold, nfc, script_of

_SERIES_RE = re.compile(r"^[(（【\[]\s*(.{1,100}?)\s*[)）】\]]$")
_DATE_PATTERNS = [
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), ("y", "m", "d")),
    (
        re.compile(r"^ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE),
        ("d", "m", "y"),
    ),
]
_SOURCE_RE = re.compile(r"^(?:nguồn|来源|source)\s*[:：]\s*(.+)$", re.IGNORECASE)
_TERMINAL = tuple('。！？!?.…;；:："”')


@dataclass
class Part:
    lang: str
    title: str | None = None
    series: str | None = None
    published: date | None = None
    source: str | None = None
    paragraphs: list[str] = field(default_factory=list)


def parse_date_line(line: str) -> tuple[date | None, str | None] | None:
    """(date, source) when the line is a date line ("14-01-2021 | China.org.cn"), else None."""
    for pattern, order in _DATE_PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        parts = dict(zip(order, (int(g) for g in m.groups()), strict=True))
        try:
            published = date(parts["y"], parts["m"], parts["d"])
        except ValueError:
            published = None
        rest = line[m.end() :].strip()
        source = None
        if rest:
            rest = rest.lstrip("|｜-–—·•").strip()
            source = rest or None
        return published, source
    m = _SOURCE_RE.match(line)
    if m:
        return None, m.group(1).strip()
    return None


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
    lines = [clean_line(line) for line in nfc(text).replace("\r\n", "\n").split("\n")]
    langs = _classify(lines)
    # Blocks: runs of non-empty lines of one language, broken at blank lines.
    blocks: dict[str, list[list[str]]] = {ZH: [], VI: []}
    prev_lang = None
    prev_blank = True
    for line, lang in zip(lines, langs, strict=True):
        if not line:
            prev_blank = True
            continue
        if lang is None:
            continue
        if prev_blank or lang != prev_lang or not blocks[lang]:
            blocks[lang].append([])
        blocks[lang][-1].append(line)
        prev_lang = lang
        prev_blank = False
    parts = {}
    for lang, lang_blocks in blocks.items():
        if lang_blocks:
            parts[lang] = _parse_part(lang, lang_blocks)
    return parts


def _parse_part(lang: str, blocks: list[list[str]]) -> Part:
    part = Part(lang)
    items = [(b, line) for b, block in enumerate(blocks) for line in block]
    i = 0
    first = items[0][1]
    long_limit = 60 if lang == ZH else 200
    if (
        not (first.endswith(_TERMINAL) and len(first) > long_limit // 3)
        and len(first) <= long_limit
    ):
        part.title = _fix(lang, first)
        i = 1
    # Header lines after the title, in whatever order they come.
    while i < len(items):
        line = items[i][1]
        series = _SERIES_RE.match(line)
        dated = parse_date_line(line)
        if series and part.series is None and len(line) <= 102:
            part.series = _fix(lang, series.group(1))
        elif dated is not None:
            part.published = part.published or dated[0]
            part.source = part.source or dated[1]
        elif part.title and fold(_fix(lang, line)) == fold(part.title):
            pass  # the title repeated above the body
        else:
            break
        i += 1
    body: dict[int, list[str]] = {}
    for b, line in items[i:]:
        body.setdefault(b, []).append(line)
    for lines in body.values():
        part.paragraphs.extend(_paragraphs(lang, lines))
    return part


def _paragraphs(lang: str, lines: list[str]) -> list[str]:
    """A block's paragraphs: one per line when every line ends a sentence, else one in all."""
    if len(lines) > 1 and all(line.endswith(_TERMINAL) for line in lines):
        return [_fix(lang, line) for line in lines]
    joiner = "" if lang == ZH else " "
    return [_fix(lang, joiner.join(lines))]


def _fix(lang: str, text: str) -> str:
    return vietnamese.repair(text) if lang == VI else text
