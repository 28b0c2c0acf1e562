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
import re
from dataclasses import dataclass
from functools import lru_cache

from content.lang.adapters import adapter
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


_NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")


def _parse(token: str, lang: str) -> float | None:
    """The value of a written number: 1.750 and 71,4 in Vietnamese, 1,750 and 71.4 in Chinese."""
    thousands, decimal = (".", ",") if lang != ZH else (",", ".")
    if lang != ZH and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return float(token.replace(".", ""))
    if lang == ZH and re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):
        return float(token.replace(",", ""))
    try:
        return float(token.replace(thousands, "").replace(decimal, "."))
    except ValueError:
        return None


def _amount(term: Term) -> float | None:
    """A numeric term's value: Term.value, a quantity's amount, else the digits it shows."""
    if term.value is not None:
        return term.value
    amount = getattr(term, "amount", None)
    return amount if amount is not None else term_value(term)


def _round_like(value: float, like: float, approximate: bool) -> float:
    """A candidate with as many significant digits as the answer (fewer when hedged)."""
    if value <= 0:
        return value
    digits = len(str(int(like)).rstrip("0")) if like >= 1 and like == int(like) else 3
    # Hedged numbers (约1750米) get round neighbours: two significant digits at most.
    digits = max(1, min(digits, 2 if approximate else 3))
    magnitude = 10 ** (len(str(int(value))) - digits)
    return round(round(value / magnitude) * magnitude, 6)


def number_options(
    analysis: Analysis,
    term: Term,
    answer: str,
    avoid_texts: list[str],
    seed: str,
    count: int = 3,
    lang: str = ZH,
    contexts: list[tuple[str, str]] | None = None,
) -> list[Option]:
    """Numbers of the answer's kind and unit, written as the answer writes them: the document's
    own numbers of that kind first, then plausible scalings (half, double, half as much again);
    never the neighbour ±1 of a number of 20 or more, round numbers where the text hedges
    (约, 多, khoảng, hơn), years from the text's period; none the sentence states anywhere
    (it would be also true of some slot)."""
    tokens = _NUMBER_TOKEN.findall(answer)
    if len(tokens) != 1:
        return []
    token = tokens[0]
    written = _parse(token, lang)
    # Quantities and percents carry their amount (8.5 km); plain numbers their value.
    value = term.value if term.value is not None else getattr(term, "amount", None)
    if value is None:
        value = term_value(term) if term.kind in NUMERIC_KINDS else written
    if value is None:
        return []
    # A bare number must read as the term's value (not 两 for 2); 200万 and 2 triệu are
    # written in a larger unit and scale in it.
    if written is None or (written != value and not answer.replace(token, "").strip()):
        return []
    rng = random.Random(seed)
    approximate = any(
        adapter(lang).approximate(before + answer + after, len(before), len(before) + len(answer))
        for before, after in (contexts or [])
    )

    def render(candidate: float) -> str:
        text = adapter(lang).format_number(candidate, token)
        return answer.replace(token, text, 1)

    def shown(text: str) -> bool:
        return any(t and find_forms(t, [text]) for t in avoid_texts)

    ratio = written / value if value else 1
    ranked = []
    for other in analysis.terms:
        other_value = _amount(other) if other.kind == term.kind else None
        if other_value is None or other_value == value or other_value <= 0:
            continue
        if getattr(other, "unit", None) != getattr(term, "unit", None):
            continue  # numbers of the same unit: metres for metres
        near = (
            abs(other_value - value) <= 20
            if term.kind == "year"
            else (value / 3 <= other_value <= value * 3)
        )
        if near:
            ranked.append(
                (0, abs(other_value - value), rng.random(), other_value * ratio, other.key)
            )
    if term.kind == "year":
        steps = [-10, -5, -3, 3, 5, 10, -2, 2, -7, 7]
        scaled = [written + step for step in steps]
    elif written < 20 and written == int(written):
        scaled = [written + step for step in (-1, 1, 2, -2, 3, 5)]
    else:
        scaled = [
            _round_like(written * factor, written, approximate)
            for factor in (0.5, 2, 1.5, 0.75, 3, 1.25)
        ]
    for rank, candidate in enumerate(scaled):
        ranked.append((1, rank, rng.random(), candidate, None))
    ranked.sort()
    options, seen = [], {written}
    for *_, candidate, key in ranked:
        if candidate <= 0 or candidate in seen:
            continue
        if term.kind != "year" and written >= 20 and abs(candidate - written) <= 1:
            continue
        if (
            approximate
            and term.kind != "year"
            and candidate != _round_like(candidate, written, True)
        ):
            continue  # the document's own numbers too: round next to 约, khoảng
        text = render(candidate)
        if shown(text) or squash(text) == squash(answer):
            continue
        seen.add(candidate)
        options.append(Option(text, key))
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
        if term.level and other.level != term.level:
            continue  # a province for a province, a city for a city
        if term.kind == "place" and place_class(other) != place_class(term):
            continue  # never a city for a temple: a place of unknown class only for another
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
    if term.kind in ("score", "range", "duration"):
        return []  # two numbers in one answer: asked as a typed blank, never guessed at
    if term.kind == "date" or (term.kind not in NUMERIC_KINDS and _is_date(answer)):
        found = date_options(analysis, term, answer, avoid_texts, seed, count)
    elif term.kind in (*NUMERIC_KINDS, "quantity", "percent") or answer[:1].isdigit():
        found = number_options(analysis, term, answer, avoid_texts, seed, count, lang, contexts)
    elif term.kind == "place":
        found = place_options(
            analysis, term, answer, lang, avoid_texts, contexts, seed, count, exclude
        )
        if not found and division_of(term) is None:
            # Not a Chinese division: the gazetteer's class, else the document's places.
            found = gazetteer_options(analysis, term, lang, avoid_texts, seed, count, answer=answer)
            if not found:
                found = term_options(analysis, term, lang, avoid_texts, seed, count)
    else:
        found = term_options(analysis, term, lang, avoid_texts, seed, count)
        if len(found) < count:
            found += gazetteer_options(
                analysis, term, lang, avoid_texts, seed, count - len(found), found
            )
    return [o for o in found if not _inside(o.text, answer, avoid_texts)]


_DATE = re.compile(r"\d{1,4}\s*(?:年|月|日|/|-|tháng)")


def _is_date(answer: str) -> bool:
    return len(_NUMBER_TOKEN.findall(answer)) >= 2 and bool(_DATE.search(answer))


def date_options(
    analysis: Analysis, term: Term, answer: str, avoid_texts: list[str], seed: str, count: int
) -> list[Option]:
    """Dates written as the answer is: the document's other dates of the same shape first (dates
    only: a bare day "12" is shaped like any count), then the same date with another day (or
    year, for a year-only change in a long date)."""
    shape = re.sub(r"\d+", "0", answer)
    rng = random.Random(seed)
    ranked: list[tuple] = []
    for other in analysis.terms:
        for surface in (other.zh, other.vi):
            if (
                other.key != term.key
                and other.kind == "date"  # never a count written like a bare day (12 ↔ 205)
                and surface
                and re.sub(r"\d+", "0", surface) == shape
                and squash(surface) != squash(answer)
            ):
                ranked.append((0, rng.random(), surface, other.key))
    tokens = list(re.finditer(r"\d+", answer))
    day = next(
        (
            m
            for m in tokens
            if len(m.group()) <= 2
            and answer[m.end() : m.end() + 1] != "月"  # 5月22日: the 5 is the month
            and (answer[m.end() : m.end() + 1] in ("日", "/", "-") or m.start() == 0)
        ),
        None,
    )
    year = next((m for m in tokens if len(m.group()) == 4), None)
    if day is not None:
        value = int(day.group())
        for step in (3, -5, 7, -9, 12, -2):
            if 1 <= value + step <= 28:
                text = answer[: day.start()] + str(value + step) + answer[day.end() :]
                ranked.append((1, rng.random(), text, None))
    if year is not None:
        value = int(year.group())
        for step in (-1, 2, -3):
            text = answer[: year.start()] + str(value + step) + answer[year.end() :]
            ranked.append((2, rng.random(), text, None))
    ranked.sort()
    options, seen = [], {squash(answer)}
    for _, _, text, key in ranked:
        if squash(text) in seen or any(t and text in t for t in avoid_texts):
            continue
        seen.add(squash(text))
        options.append(Option(text, key))
        if len(options) == count:
            break
    return options


def _inside(option: str, answer: str, texts: list[str]) -> bool:
    """An option that is part of the key, holds the key, or stands in the sentence."""
    a, o = squash(answer), squash(option)
    if not o or (a and (o in a or a in o)):
        return True
    return any(text and find_forms(text, [option]) for text in texts)


def gazetteer_options(
    analysis: Analysis,
    term: Term,
    lang: str,
    avoid_texts: list[str],
    seed: str,
    count: int,
    taken: list[Option] | None = None,
    answer: str = "",
) -> list[Option]:
    """Names of the key's class (province, city, river, country, person) from the gazetteer the
    project ships, when it is installed (content/lang/gazetteer.py, optional), written with the
    answer's own prefix or suffix (tỉnh Lào Cai → tỉnh Nghệ An, 老街省 → 广宁省)."""
    names = same_class_names(term, lang, 4 * count + 4, seed)
    seen = {squash(term.get(lang) or "")} | {squash(o.text) for o in taken or []}
    bare = term.get(lang) or ""
    at = answer.find(bare) if bare and answer else -1
    before, after = (answer[:at], answer[at + len(bare) :]) if at >= 0 else ("", "")
    out = []
    for name in names:
        if squash(name) in seen or _inside(name, bare, avoid_texts):
            continue
        seen.add(squash(name))
        text = name
        if before and not fold(name).startswith(fold(before).strip()):
            text = before + text
        if after and not name.endswith(after):
            text = text + after
        if _inside(text, answer or bare, avoid_texts):
            continue
        out.append(Option(text))
        if len(out) == count:
            break
    return out


def place_class(term: Term) -> str | None:
    """What kind of place a term names, where the divisions table or the gazetteer knows it
    (province, prefecture, city, river, country…); None when neither does."""
    if division := division_of(term):
        return division.level
    try:
        from content.lang import gazetteer  # type: ignore[attr-defined]
    except ImportError:
        return term.level
    lookup = getattr(gazetteer, "lookup", None)
    for lang in ("zh", "vi"):
        name = term.get(lang)
        if lookup and name:
            try:
                found = lookup(name, lang)
            except (TypeError, ValueError, LookupError):
                found = []
            if found:
                return getattr(found[0], "cls", None)
    return term.level


def same_class_names(term: Term, lang: str, count: int = 12, seed: str = "") -> list[str]:
    """The one place that reads the gazetteer (content/lang/gazetteer.py, shipped by another
    branch, optional here): names in lang of places of the term's class (a province for a
    province, a river for a river, a country for a country); [] when the gazetteer is missing
    or does not know the name."""
    try:
        from content.lang import gazetteer  # type: ignore[attr-defined]
    except ImportError:
        return []
    same_class = getattr(gazetteer, "same_class", None)
    name = term.get(lang)
    if same_class is None or not name:
        return []
    try:
        places = same_class(name, lang, count, seed=seed or None)
    except (TypeError, ValueError, KeyError, LookupError):
        return []
    names = []
    for place in places or []:
        text = place if isinstance(place, str) else place.get(lang)
        if text:
            names.append(text)
    return names
