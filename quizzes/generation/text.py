"""Text helpers for question generation: folding, the surface forms of a term, finding and
blanking them in a sentence.

Everything here works on plain strings so the same code serves Chinese and Vietnamese; matching
of Latin text ignores case and diacritics, because the documents spell Vietnamese names
inconsistently ("Nội Mông Cổ" next to "Nội Mộng Cổ").
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from functools import lru_cache

from content.lang import divisions
from content.lang.chinese import NUMERAL_CHARS
from content.lang.divisions import DIVISIONS, abbreviation_map
from content.lang.model import VI, ZH, Analysis, Term

BLANK = "____"

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DIGITS = re.compile(r"\d+")
_ZH_DIGIT = "零一二三四五六七八九"
# Vietnamese number words that can only mean the number. một (also "a"), ba (also in names such
# as Ninh Ba) and năm (also "year") are left out: they would flag leaks that are not there.
_VI_NUMBER_WORDS = {
    2: "hai",
    4: "bốn",
    6: "sáu",
    7: "bảy",
    8: "tám",
    9: "chín",
    10: "mười",
}
NUMERIC_KINDS = ("number", "year")
_ABBREVIATIONS = abbreviation_map()
_FULL_NAMES = sorted({d.zh for d in DIVISIONS} | {d.full_zh for d in DIVISIONS}, key=len)


# Generation compares the same sentences and names thousands of times per document: these pure
# functions are memoised so that the work per question does not grow with the document.
fold = lru_cache(maxsize=65536)(divisions.fold)
lookup = lru_cache(maxsize=4096)(divisions.lookup)


class AnalysisIndex:
    """What generation looks up for every question, built once per Analysis instead of scanning
    its mentions, terms and sentences each time (which made generation quadratic in the
    document's size)."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.lists = (analysis.mentions, analysis.terms, analysis.sentences)
        self.sizes = tuple(len(x) for x in self.lists)
        self.forms: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.terms_in: dict[tuple[int, str], list[str]] = defaultdict(list)
        self.sentences_of: dict[str, list[int]] = defaultdict(list)
        for m in analysis.mentions:
            self.forms[(m.term, m.lang)].append(m.text)
            self.terms_in[(m.sentence, m.lang)].append(m.term)
            self.sentences_of[m.term].append(m.sentence)
        self.terms = {t.key: t for t in analysis.terms}
        self.squashed_sentences = {
            squash(text) for s in analysis.sentences for text in (s.zh, s.vi) if text
        }
        # The built-in divisions the document's place terms name (Division.zh).
        self.places = {d.zh for t in analysis.terms if (d := division_of(t))}

    def describes(self, analysis: Analysis) -> bool:
        mentions, terms, sentences = self.lists
        return (
            self.analysis is analysis
            and mentions is analysis.mentions
            and terms is analysis.terms
            and sentences is analysis.sentences
            and self.sizes == (len(mentions), len(terms), len(sentences))
        )


_last = threading.local()  # per thread, so that two documents generated at once do not thrash


def analysis_index(analysis: Analysis) -> AnalysisIndex:
    """The index of `analysis`; the last one is kept, and rebuilt when its lists change."""
    index = getattr(_last, "index", None)
    if index is None or not index.describes(analysis):
        index = AnalysisIndex(analysis)
        _last.index = index
    return index


def other(lang: str) -> str:
    return VI if lang == ZH else ZH


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


@lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """A comparison key: folded, punctuation and spaces removed."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def zh_numeral(value: int) -> str | None:
    """Chinese numerals for 0..99 (十四, 二十); None beyond, where documents use digits."""
    if value < 0 or value > 99:
        return None
    if value < 10:
        return _ZH_DIGIT[value]
    tens, units = divmod(value, 10)
    head = "" if tens == 1 else _ZH_DIGIT[tens]
    return head + "十" + (_ZH_DIGIT[units] if units else "")


def term_value(term: Term) -> int | None:
    """The value of a number or year term, from Term.value or the digits of its surface."""
    if term.value is not None:
        return term.value
    for surface in (term.zh, term.vi):
        if surface and (match := _DIGITS.search(surface)):
            return int(match.group())
    return None


def division_of(term: Term):
    """The built-in Division a place term names, when its level agrees (or is unknown)."""
    if term.kind != "place":
        return None
    for name in (term.zh, term.vi):
        if name and (division := lookup(name)) and term.level in (None, division.level):
            return division
    return None


def term_forms(term: Term, lang: str, analysis: Analysis | None = None) -> list[str]:
    """Every surface form of a term in one language, longest first.

    Numbers are found by value (see find_number), so only their non-digit surfaces are listed.
    """
    forms: set[str] = set()
    if term.kind in NUMERIC_KINDS and term_value(term) is not None:
        value = term_value(term)
        forms.add(str(value))
        if lang == ZH and (numeral := zh_numeral(value)):
            forms.add(numeral)
            if value == 2:
                forms.add("两")
        if lang == VI and value in _VI_NUMBER_WORDS:
            forms.add(_VI_NUMBER_WORDS[value])
        if analysis is not None:
            # Where the pipeline saw the number written out (一项, một), that word is its form.
            forms.update(t for t in analysis_index(analysis).forms[(term.key, lang)] if t)
        return sorted(forms, key=len, reverse=True)
    if surface := term.get(lang):
        forms.add(surface)
    forms.update(a for a in term.aliases.get(lang, []) if a)
    if analysis is not None:
        forms.update(analysis_index(analysis).forms[(term.key, lang)])
    if division := division_of(term):
        forms.update(
            (division.zh, division.full_zh) if lang == ZH else (division.vi, division.full_vi)
        )
    # One CJK character (闽 for 福建) is an abbreviation: matched only inside compounds such
    # as 闽宁, never as a bare character, which would hit unrelated words (宁 in 宁波).
    forms = {f for f in forms if not (lang == ZH and len(f) == 1 and has_cjk(f))}
    return sorted(forms, key=len, reverse=True)


def term_name(term: Term, lang: str) -> str | None:
    """The term in one language, from the divisions table when the document names a place only
    in the other language (the Vietnamese text lists Đại Liên, the Chinese does not)."""
    if term.get(lang):
        return term.get(lang)
    division = division_of(term)
    if division is None:
        return None
    return division.zh if lang == ZH else division.vi


@lru_cache(maxsize=4096)
def _number_pattern(digits: str) -> re.Pattern:
    return re.compile(rf"(?<!\d)(?<!\d[.,]){re.escape(digits)}(?!\d|[.,]\d)")


def find_form(text: str, form: str) -> list[tuple[int, int]]:
    """Where form occurs in text: exact for Chinese, case/diacritic-insensitive on word
    boundaries for Latin, and never inside a longer number for digits."""
    if not form:
        return []
    if form.isdigit():
        return [(m.start(), m.end()) for m in _number_pattern(form).finditer(text)]
    if has_cjk(form):
        spans = []
        start = text.find(form)
        while start != -1:
            end = start + len(form)
            numeral = all(ch in NUMERAL_CHARS for ch in form)
            # 2.5亿 is not inside 12.5亿, nor 25亿 inside 12.5亿: digits at a form's edge
            # must be the number's own edge.
            if _inside_number(text, start, end, form):
                start = text.find(form, start + 1)
                continue
            # 十四 must not match inside 二十四.
            if not numeral or (
                (start == 0 or text[start - 1] not in NUMERAL_CHARS)
                and (end == len(text) or text[end] not in NUMERAL_CHARS)
            ):
                spans.append((start, end))
            start = text.find(form, start + 1)
        return spans
    folded_text, folded_form = fold(text), fold(form)
    spans = []
    start = folded_text.find(folded_form)
    while start != -1:
        end = start + len(folded_form)
        before = folded_text[start - 1] if start else " "
        after = folded_text[end] if end < len(folded_text) else " "
        # A Chinese character next to a Latin or digit form is a word boundary (占92.6%).
        if _edge(before) and _edge(after):
            spans.append((start, end))
        start = folded_text.find(folded_form, start + 1)
    return spans


def _inside_number(text: str, start: int, end: int, form: str) -> bool:
    """Whether a form that begins or ends with a digit stands inside a longer number there."""
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    return (form[0].isdigit() and bool(re.search(r"\d$|\d[.,]$", before))) or (
        form[-1].isdigit() and bool(re.match(r"\d|[.,]\d", after))
    )


def _edge(ch: str) -> bool:
    return not ch.isalnum() or bool(_CJK.match(ch))


def find_forms(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of any of the forms, the longest winning at each place."""
    found: list[tuple[int, int]] = []
    for form in sorted(forms, key=len, reverse=True):
        for start, end in find_form(text, form):
            if all(end <= s or start >= e for s, e in found):
                found.append((start, end))
    return sorted(found)


def abbreviation_compounds(text: str) -> list[tuple[int, int, list]]:
    """Runs of two or more province abbreviations (闽宁, 京蒙, 京津冀) that are not part of a full
    place name (辽宁 is a name, not 辽 + 宁): (start, end, provinces abbreviated)."""
    covered = [False] * len(text)
    for name in _FULL_NAMES:
        start = text.find(name)
        while start != -1:
            for i in range(start, start + len(name)):
                covered[i] = True
            start = text.find(name, start + 1)
    runs = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] in _ABBREVIATIONS and not covered[j]:
            j += 1
        if j - i >= 2:
            runs.append((i, j, [_ABBREVIATIONS[ch] for ch in text[i:j]]))
        i = max(j, i + 1)
    return runs


def replace_spans(text: str, spans: list[tuple[int, int]], replacement: str) -> str:
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(text[last:start])
        out.append(replacement)
        last = end
    out.append(text[last:])
    return "".join(out)


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    return replace_spans(text, spans, BLANK)


def target_spans(text: str, term: Term, lang: str, analysis: Analysis) -> tuple[list, str] | None:
    """The spans to blank for a term in a sentence and the one answer they all share.

    All occurrences are blanked (a second, unblanked "14" would give the answer away). When the
    occurrences differ in form ("tỉnh Phúc Kiến" … "Phúc Kiến"), only the bare name is blanked
    in each, so one answer fits every blank. None when the term is not in the text or its
    occurrences share no common form.
    """
    spans = find_forms(text, term_forms(term, lang, analysis))
    if not spans:
        return None
    surfaces = {squash(text[s:e]) for s, e in spans}
    if len(surfaces) == 1:
        start, end = spans[0]
        return spans, text[start:end]
    bare = term.get(lang)
    if term.kind in NUMERIC_KINDS:
        bare = str(term_value(term))
    if not bare:
        return None
    inner = []
    for start, end in spans:
        found = find_form(text[start:end], bare)
        if not found:
            return None
        inner.append((start + found[0][0], start + found[0][1]))
    return inner, text[inner[0][0] : inner[0][1]]


def strip_marker(text: str) -> str:
    """Drop a leading ordinal or example marker: 其一，一是，Thứ nhất, Một là, 比如，Ví dụ,"""
    patterns = (
        r"^\s*(其|第)[一二三四五六七八九十]+[，,、:：]?\s*",
        r"^\s*[一二三四五六七八九十]+(是|、)[，,:：]?\s*",
        r"^\s*(比如|例如|譬如)[，,:：]?\s*",
        r"^\s*thứ\s+(nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)[,:]?\s*",
        r"^\s*(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là[,:]?\s*",
        r"^\s*(ví dụ|chẳng hạn)[,:]?\s*",
    )
    for pattern in patterns:
        text = re.sub(pattern, "", text, flags=re.IGNORECASE)
    return text.strip()


def first_clause(text: str, minimum: int = 4) -> str:
    """The text up to its first clause break, when that leaves enough to name the thing."""
    for match in re.finditer(r"[，,；;。.:：!?！？]", text):
        head = text[: match.start()].strip()
        if len(squash(head)) >= minimum:
            return head
    return text.strip().rstrip("。.")


def ordinal_marker_present(text: str) -> bool:
    """Whether an item still carries its position (其二, 二是, Thứ hai, Hai là) — it would give
    an ordering away."""
    return strip_marker(text) != text.strip()
