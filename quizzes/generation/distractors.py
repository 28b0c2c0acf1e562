"""Wrong options for choice and true/false questions.

A distractor must be of the same kind and level as the answer (a year for a year, a
province-level unit for a province, a prefecture-level city for a city), read grammatically in
the blank (山东省 next to 福建省, "tỉnh ____" only with provinces called tỉnh), be close to the
answer in magnitude or length, and never be visible in, or also true of, the source sentence.
Places the document names come first because they are plausible to a reader of that document;
the built-in divisions table fills up when the document has too few.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from content.lang.divisions import DIVISIONS, VI_PREFIXES, ZH_SUFFIXES, Division
from content.lang.model import ZH, Analysis, Term

from .text import (
    NUMERIC_KINDS,
    analysis_index,
    division_of,
    find_forms,
    fold,
    squash,
    term_forms,
    term_value,
)


@dataclass(frozen=True)
class Option:
    text: str
    term: str | None = None  # Term.key when the option is a term of the document


def _zh_suffix_after(text: str) -> str:
    return next((s for s in ZH_SUFFIXES if text.startswith(s)), "")


def _vi_prefix_before(text: str) -> str:
    folded = fold(text).rstrip()
    return next((p for p in VI_PREFIXES if folded.endswith(fold(p))), "")


def _fits_context(
    candidate: Division, answer: str, answer_div: Division, lang: str, contexts
) -> bool:
    """Whether a place reads right where the answer stood: same style as the answer (full name or
    bare), and, for a bare name, compatible with the suffix or prefix left around the blank."""
    if lang == ZH:
        if squash(answer) == squash(answer_div.full_zh) and answer_div.suffix:
            # Full names: 自治区 goes with 自治区 whatever the ethnic part, 省 with 省.
            return _suffix_class(candidate.suffix) == _suffix_class(answer_div.suffix)
        for _, after in contexts:
            suffix = _zh_suffix_after(after)
            if suffix and not (candidate.suffix == suffix or candidate.suffix.endswith(suffix)):
                return False
        return True
    if squash(answer) == squash(answer_div.full_vi) and answer_div.vi_prefix:
        return _prefix_class(candidate.vi_prefix) == _prefix_class(answer_div.vi_prefix)
    for before, _ in contexts:
        prefix = _vi_prefix_before(before)
        if prefix and not fold(candidate.vi_prefix).startswith(fold(prefix)):
            return False
    return True


def _suffix_class(suffix: str) -> str:
    return "自治区" if suffix.endswith("自治区") else suffix


def _prefix_class(prefix: str) -> str:
    return "khu tự trị" if fold(prefix).startswith("khu tu tri") else prefix


def render_place(candidate: Division, answer: str, answer_div: Division, lang: str) -> str:
    """The candidate written in the answer's style: 福建省 for 山东省, Phúc Kiến for Sơn Đông."""
    if lang == ZH:
        full = squash(answer) == squash(answer_div.full_zh) and answer_div.suffix
        return candidate.full_zh if full else candidate.zh
    full = squash(answer) == squash(answer_div.full_vi) and answer_div.vi_prefix
    return candidate.full_vi if full else candidate.vi


@lru_cache(maxsize=4096)
def _text_lang(text: str) -> str:
    return ZH if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "vi"


def _visible(analysis: Analysis, texts: list[str], term_like: Term) -> bool:
    """Whether a candidate term shows in any of the texts, in either language."""
    for text in texts:
        if not text:
            continue
        lang = _text_lang(text)
        if find_forms(text, term_forms(term_like, lang, analysis)):
            return True
    return False


def _division_term(division: Division) -> Term:
    return Term(
        key=f"place:{division.zh}",
        kind="place",
        zh=division.zh,
        vi=division.vi,
        level=division.level,
        aliases={"zh": [division.full_zh], "vi": [division.full_vi]},
    )


def place_options(
    analysis: Analysis,
    term: Term,
    answer: str,
    lang: str,
    avoid_texts: list[str],
    contexts: list[tuple[str, str]],
    seed: str,
    count: int = 3,
    exclude: set[str] | frozenset = frozenset(),
) -> list[Option]:
    """Up to `count` places of the answer's level that fit the blank and do not show in (so
    cannot also be true of) the texts to avoid: the source sentence and its translation."""
    answer_div = division_of(term)
    if answer_div is None:
        return []
    rng = random.Random(seed)
    in_document = analysis_index(analysis).places
    ranked = []
    for candidate in DIVISIONS:
        if candidate.zh == answer_div.zh or candidate.zh in exclude:
            continue
        if candidate.level != answer_div.level or not candidate.mainland:
            continue
        if not _fits_context(candidate, answer, answer_div, lang, contexts):
            continue
        if _visible(analysis, avoid_texts, _division_term(candidate)):
            continue
        text = render_place(candidate, answer, answer_div, lang)
        ranked.append(
            (
                # Same province first for cities (乌海 for 乌兰察布), then places of this
                # document, then whatever is closest in length so no option stands out.
                0 if answer_div.parent and candidate.parent == answer_div.parent else 1,
                0 if candidate.zh in in_document else 1,
                abs(len(text) - len(answer)) // 2,
                rng.random(),
                text,
                candidate.zh,
            )
        )
    ranked.sort()
    options, seen = [], {squash(answer)}
    for *_, text, zh in ranked:
        if squash(text) in seen:
            continue
        seen.add(squash(text))
        key = next((t.key for t in analysis.terms if (d := division_of(t)) and d.zh == zh), None)
        options.append(Option(text, key))
        if len(options) == count:
            break
    return options


def number_options(
    analysis: Analysis, term: Term, answer: str, avoid_texts: list[str], seed: str, count: int = 3
) -> list[Option]:
    """Numbers near the answer: the document's own numbers of the same kind first, then
    neighbours; none that the sentence states anywhere (it would be also true of some slot)."""
    value = term_value(term)
    if value is None or not answer.isdigit() or int(answer) != value:
        return []
    rng = random.Random(seed)

    def shown(candidate: int) -> bool:
        return any(text and find_forms(text, [str(candidate)]) for text in avoid_texts)

    ranked = []
    for other in analysis.terms:
        other_value = term_value(other) if other.kind == term.kind else None
        if other_value is None or other_value == value or other_value <= 0:
            continue
        near = (
            abs(other_value - value) <= 20
            if term.kind == "year"
            else (value / 2 <= other_value <= value * 2 + 2)
        )
        if near and not shown(other_value):
            ranked.append((0, abs(other_value - value), rng.random(), other_value, other.key))
    spread = range(1, 8) if term.kind == "year" else range(1, max(4, value // 2 + 1))
    for step in spread:
        for candidate in (value - step, value + step):
            if candidate > 0 and not shown(candidate):
                ranked.append((1, step, rng.random(), candidate, None))
    ranked.sort()
    options, seen = [], {value}
    for *_, candidate, key in ranked:
        if candidate in seen:
            continue
        seen.add(candidate)
        options.append(Option(str(candidate), key))
        if len(options) == count:
            break
    return options


def term_options(
    analysis: Analysis, term: Term, lang: str, avoid_texts: list[str], seed: str, count: int = 3
) -> list[Option]:
    """Other terms of the same kind from the document (key terms, organisations, people)."""
    rng = random.Random(seed)
    ranked = []
    for other in analysis.terms:
        if other.key == term.key or other.kind != term.kind or not other.get(lang):
            continue
        if _visible(analysis, avoid_texts, other):
            continue
        ranked.append((rng.random(), other.get(lang), other.key))
    ranked.sort()
    options, seen = [], {squash(term.get(lang) or "")}
    for _, text, key in ranked:
        if squash(text) not in seen:
            seen.add(squash(text))
            options.append(Option(text, key))
        if len(options) == count:
            break
    return options


def options_for(
    analysis: Analysis,
    term: Term,
    answer: str,
    lang: str,
    avoid_texts: list[str],
    contexts: list[tuple[str, str]],
    seed: str,
    count: int = 3,
    exclude: set[str] | frozenset = frozenset(),
) -> list[Option]:
    if term.kind in NUMERIC_KINDS:
        return number_options(analysis, term, answer, avoid_texts, seed, count)
    if term.kind == "place":
        return place_options(
            analysis, term, answer, lang, avoid_texts, contexts, seed, count, exclude
        )
    return term_options(analysis, term, lang, avoid_texts, seed, count)
