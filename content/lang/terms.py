"""Terms (places, numbers, years, ordinals, quoted terms) paired across the languages, and
every mention of them.

Pairing happens inside aligned sentence pairs, where the other language is known to say the
same thing: numbers by value, names by Hán-Việt reading (fuzzy, diacritics ignored), names of
non-Han origin by a consonant skeleton of their pinyin and by elimination among the names
still unpaired. Numbers come from content.lang.numbers and are paired by value and unit
(200万 = 2 triệu); a number's mention spans the number with its magnitude word and percent
sign (686万, 6,86 triệu, 71,4%), never its measure unit. Mentions are then found by
searching every sentence for every surface form of every term, so a term said twice in a
sentence is blanked twice.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import chinese, numbers, vietnamese
from .model import VI, ZH, Analysis, Mention, Problem, Term
from .numbers import Quantity
from .readings import hanviet, hanviet_folded, pinyin, reading_score, transliteration_score
from .text import HAN_RE, fold

VI_QUOTE_RE = re.compile(r"“([^”]{1,80})”|\"([^\"]{1,80})\"")
NAME_SCORE = 80  # Hán-Việt reading vs Vietnamese name, 0-100
TRANSLIT_SCORE = 60  # pinyin skeleton vs Latin name
ELIMINATION_SCORE = 35  # when one name is left on each side, a weaker likeness will do


def _division(name: str):
    """The built-in division a name denotes, if the divisions table is available."""
    try:
        from . import divisions
    except ImportError:  # written by another engineer; the pipeline works without it
        return None
    try:
        return divisions.lookup(name)
    except Exception:  # a broken table must not break analysis
        return None


@dataclass
class _Builder:
    kind: str
    zh: str | None = None
    vi: str | None = None
    value: float | None = None
    levels: list[str] = field(default_factory=list)  # stated levels, strongest first
    zh_forms: set[str] = field(default_factory=set)  # searched for mentions
    vi_votes: Counter = field(default_factory=Counter)
    vi_forms: set[str] = field(default_factory=set)
    zh_aliases: set[str] = field(default_factory=set)
    vi_aliases: set[str] = field(default_factory=set)
    # numeric terms: the quantity that made the term, its surfaces and key
    quantity: Quantity | None = None
    number_key: str | None = None
    unit: str | None = None
    approx: bool = False
    zh_surface: str | None = None
    vi_surface: str | None = None

    def key(self) -> str:
        if self.number_key is not None:
            return self.number_key
        if self.value is not None:
            return f"{self.kind}:{_fmt(self.value)}"
        return f"{self.kind}:{self.zh or fold(self.vi or '')}"


def _fmt(value: float) -> str:
    return numbers.fmt(value)


def number_key(*quantities: Quantity) -> tuple[str, str]:
    """(term key, term kind) of a number said by one or two quantities (zh first).

    Plain whole numbers keep the keys they always had ("number:14", "year:1996"); a number
    written with a magnitude word or decimals is a "quantity" ("quantity:6860000"), and a
    measure unit joins its key ("quantity:1800000:km2") so 6300 km and 6300 t stay apart.
    """
    q = quantities[0]
    kinds = {x.kind for x in quantities}
    if numbers.DATE in kinds:
        parts = [str(p) for p in (q.date or ()) if p is not None]
        return "date:" + "-".join(parts), "date"
    if numbers.ORDINAL in kinds:
        return f"ordinal:{_fmt(q.value)}", "ordinal"
    if numbers.PERCENT in kinds:
        return f"percent:{_fmt(q.value)}", "percent"
    if numbers.YEAR in kinds:
        return f"year:{_fmt(q.value)}", "year"
    unit = next((x.unit for x in quantities if x.unit), None)
    plain = float(q.value).is_integer() and not any(x.magnitude for x in quantities)
    kind = "number" if plain else "quantity"
    key = f"{kind}:{_fmt(q.value)}"
    if unit in numbers.MEASURE_UNITS:
        key += f":{unit}"
    return key, kind


@dataclass
class _Name:
    """A zh place/name candidate in one sentence."""

    stem: str
    surface: str
    start: int
    end: int
    kind: str
    level: str | None
    known_vi: str | None = None  # the usual Vietnamese name, from the province table
    abbreviation: bool = False
    confirmed: bool = False  # table-known or carrying an administrative suffix


@dataclass
class _Run:
    """A Vietnamese capitalised run (or part of one) in one sentence."""

    start: int
    end: int
    text: str
    initial: bool  # starts the sentence (or a clause after a colon)
    partial: bool = False  # what is left of a run after part of it was paired


class _Terms:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.builders: dict[str, _Builder] = {}  # provisional id → builder
        self.by_zh: dict[str, str] = {}
        self.by_vi: dict[str, str] = {}
        vi_text = " ".join(s.vi for s in analysis.sentences if s.vi)
        zh_text = "".join(s.zh for s in analysis.sentences if s.zh)
        self.zh_text = zh_text
        self.vi_folded = fold(vi_text)
        # Words the document also writes in lower case are ordinary words, not names, when
        # they are capitalised only for starting a sentence.
        self.lower_words = {w for w in re.findall(r"[^\W\d_]+", vi_text) if w[0].islower()}
        self.problems: list[Problem] = []
        self.forms: dict[str, tuple[list[str], list[str]]] = {}  # term key → (zh, vi) forms
        self.analysis_vi = ""  # the Vietnamese sentence being paired
        # (sentence, lang, start) of every number paired or kept → term key
        self.number_spans: dict[tuple[int, str, int], str] = {}
        self.reps: dict[str, Quantity] = {}  # numeric term key → a quantity that states it

    # -- builders -----------------------------------------------------------------------

    def name_builder(self, zh: str | None, vi: str | None, kind: str) -> _Builder:
        if zh and zh in self.by_zh:
            b = self.builders[self.by_zh[zh]]
        elif not zh and vi and fold(vi) in self.by_vi:
            b = self.builders[self.by_vi[fold(vi)]]
        else:
            ident = f"n{len(self.builders)}"
            b = _Builder(kind, zh=zh)
            self.builders[ident] = b
            if zh:
                self.by_zh[zh] = ident
                b.zh_forms.add(zh)
            if vi and not zh:
                self.by_vi[fold(vi)] = ident
        if vi:
            b.vi_votes[vi] += 1
            b.vi_forms.add(vi)
            if not zh:
                b.vi = vi
        if kind == "place" and b.kind != "place":
            b.kind = "place"
        return b

    def number_builder(self, zq: Quantity | None, vq: Quantity | None) -> _Builder:
        """The term of a number said by zq in Chinese and/or vq in Vietnamese."""
        quantities = [q for q in (zq, vq) if q is not None]
        key, kind = number_key(*quantities)
        b = self.builders.get(key)
        if b is None:
            b = _Builder(kind, value=quantities[0].value, quantity=quantities[0], number_key=key)
            self.builders[key] = b
        b.unit = b.unit or next((q.unit for q in quantities if q.unit), None)
        b.approx = b.approx or any(q.approx for q in quantities)
        if zq is not None:
            b.zh_surface = b.zh_surface or zq.text
        if vq is not None and not (vq.spelled and vq.kind == numbers.COUNT):
            b.vi_surface = b.vi_surface or vq.text
        return b

    def record_number(self, index: int, lang: str, q: Quantity, b: _Builder) -> None:
        self.number_spans[(index, lang, q.start)] = b.key()

    # -- extraction ---------------------------------------------------------------------

    def zh_names(self, sentence: str) -> list[_Name]:
        names: list[_Name] = []
        taken: set[int] = set()

        def add(name: _Name) -> None:
            span = set(range(name.start, name.end))
            if span & taken:
                return
            taken.update(span)
            names.append(name)

        # Province names from the table first (longest form), then jieba's place names.
        for full, (_abbr, vi) in chinese.PROVINCES.items():
            for m in re.finditer(re.escape(full), sentence):
                surface = full
                rest = sentence[m.end() :]
                for suffix, _level in chinese.SUFFIXES:
                    if rest.startswith(suffix):
                        surface = full + suffix
                        break
                add(
                    _Name(
                        full,
                        surface,
                        m.start(),
                        m.start() + len(surface),
                        "place",
                        "province",
                        vi,
                        confirmed=True,
                    )
                )
        for start, end, surface in chinese.place_candidates(sentence):
            stem, suffix, level = chinese.strip_suffix(surface)
            if suffix == "市" and any(n.level == "province" and n.start < start for n in names):
                level = "prefecture"  # a city named inside a province: 内蒙古自治区乌兰察布市
            add(_Name(stem, surface, start, end, "place", level, confirmed=bool(suffix)))
        # Known names from other sentences (found there through the other language).
        for zh, ident in self.by_zh.items():
            b = self.builders[ident]
            for form in sorted(b.zh_forms, key=len, reverse=True):
                for m in re.finditer(re.escape(form), sentence):
                    add(_Name(zh, form, m.start(), m.end(), b.kind, None, confirmed=True))
        for offset, full in chinese.abbreviation_runs(sentence):
            if full in self.zh_text or fold(chinese.PROVINCES[full][1]) in self.vi_folded:
                names.append(
                    _Name(
                        full,
                        sentence[offset],
                        offset,
                        offset + 1,
                        "place",
                        "province",
                        chinese.PROVINCES[full][1],
                        abbreviation=True,
                        confirmed=True,
                    )
                )
        return names

    def vi_runs(self, sentence: str) -> list[_Run]:
        runs = []
        for start, end, words in vietnamese.capitalised_runs(sentence):
            before = sentence[:start].rstrip()
            initial = not before or before[-1] in ':.!?“"(-–'
            if initial:
                first = sentence[words[0][0] : words[0][1]]
                if len(words) == 1 or first.lower() in self.lower_words:
                    # "Ví dụ", "Thứ nhất": capitalised only for starting the sentence.
                    words = words[1:]
                    if not words:
                        continue
                    start = words[0][0]
                    initial = False
            runs.append(_Run(start, end, sentence[start:end], initial))
        return runs

    # -- pairing ------------------------------------------------------------------------

    def quotes(self, zh: str | None, vi: str | None) -> None:
        """Quoted terms (“西部大开发” ↔ “Phát triển mạnh miền Tây”), paired in order."""
        zq = [next(g for g in m.groups() if g) for m in chinese.QUOTE_RE.finditer(zh or "")]
        vq = [next(g for g in m.groups() if g) for m in VI_QUOTE_RE.finditer(vi or "")]
        if zh and vi and len(zq) != len(vq):
            return  # cannot tell which is which; the sentence texts still carry them
        for k in range(max(len(zq), len(vq))):
            z = zq[k] if k < len(zq) else None
            v = vq[k] if k < len(vq) else None
            b = self.name_builder(z, v, "term")
            if v:
                b.vi_forms.add(v)

    def pair_sentence(self, index: int, zh: str, vi: str) -> None:
        self.pair_numbers(index, zh, vi)
        self.quotes(zh, vi)
        names = self.zh_names(zh)
        runs = self.vi_runs(vi)
        unpaired_runs: list[_Run] = []
        paired_stems: set[str] = set()
        for run in runs:
            rest = self.match_run(run, names, zh, paired_stems)
            unpaired_runs.extend(rest)
        # Transliterated names (Ulanqab): pinyin skeleton, then elimination.
        foreign = [
            r for r in unpaired_runs if any(vietnamese.is_foreign_word(w) for w in r.text.split())
        ]
        left = {
            n.stem: n
            for n in names
            if n.stem not in paired_stems and not n.abbreviation and not n.known_vi
        }
        for run in list(foreign):
            scored = sorted(
                ((transliteration_score(stem, run.text), stem) for stem in left), reverse=True
            )
            if not scored:
                break
            score, stem = scored[0]
            alone = len(left) == 1 and len(foreign) == 1
            if score >= TRANSLIT_SCORE or (alone and score >= ELIMINATION_SCORE):
                name = left.pop(stem)
                self.record_pair(name, run.text, vi, run.start)
                paired_stems.add(stem)
                foreign.remove(run)
                unpaired_runs.remove(run)
        for run in unpaired_runs:
            self.vi_only(run, vi)
        for name in names:
            if name.abbreviation and name.stem in self.by_zh:
                self.builders[self.by_zh[name.stem]].zh_aliases.add(name.surface)
        for name in names:
            if name.stem not in paired_stems and name.confirmed and name.stem not in self.by_zh:
                self.zh_only(name)
        self.report_unpaired(index, names, paired_stems, vi)

    def match_run(self, run: _Run, names: list[_Name], zh: str, paired: set[str]) -> list[_Run]:
        """Pair the longest sub-spans of a run with zh names; return the parts left over."""
        words = [
            (m.start() + run.start, m.end() + run.start) for m in re.finditer(r"\S+", run.text)
        ]
        out: list[_Run] = []
        i = 0
        pending_start = None
        while i < len(words):
            matched = False
            for j in range(len(words), i, -1):
                start, end = words[i][0], words[j - 1][1]
                span = self.analysis_vi[start:end]
                name = self.best_name(span, names)
                if name is None and j - i >= 2:
                    name = self.substring_name(span, zh)
                if name is not None:
                    if pending_start is not None:
                        out.append(self._run(pending_start, words[i - 1][1], run, pending_start))
                        pending_start = None
                    self.record_pair(name, span, self.analysis_vi, start)
                    paired.add(name.stem)
                    i = j
                    matched = True
                    break
            if not matched:
                if pending_start is None:
                    pending_start = words[i][0]
                i += 1
        if pending_start is not None:
            out.append(self._run(pending_start, words[-1][1], run, pending_start))
        return out

    def _run(self, start: int, end: int, run: _Run, _s: int) -> _Run:
        partial = (start, end) != (run.start, run.end)
        return _Run(
            start, end, self.analysis_vi[start:end], run.initial and start == run.start, partial
        )

    def best_name(self, span: str, names: list[_Name]) -> _Name | None:
        best, best_score = None, 0.0
        for name in names:
            score = reading_score(name.stem, span)
            if name.known_vi and fold(name.known_vi) == fold(span):
                score = 100.0
            division = None if score >= NAME_SCORE else _division(name.stem)
            if division is not None and fold(division.vi) == fold(span):
                score = 100.0
            if score >= NAME_SCORE and score > best_score:
                best, best_score = name, score
        return best

    def substring_name(self, span: str, zh: str) -> _Name | None:
        """A Han substring of the zh sentence read exactly as the span (政府 ↔ Chính phủ)."""
        words = fold(span).split()
        if any(vietnamese.is_foreign_word(w) for w in span.split()):
            return None
        n = len(words)
        for start in range(len(zh) - n + 1):
            piece = zh[start : start + n]
            if not all(HAN_RE.match(c) for c in piece):
                continue
            if hanviet_folded(piece) == words:
                flag = next((f for w, f, s in chinese.tag(zh) if s <= start < s + len(w)), "")
                kind = {"ns": "place", "nt": "organisation", "nr": "person"}.get(flag, "term")
                rest = zh[start + n :]
                level = None
                for suffix, lvl in chinese.SUFFIXES:
                    if rest.startswith(suffix):
                        kind, level = "place", lvl
                        break
                return _Name(piece, piece, start, start + n, kind, level)
        return None

    def record_pair(self, name: _Name, vi_name: str, vi_sentence: str, vi_start: int) -> None:
        b = self.name_builder(name.stem, vi_name, name.kind)
        if name.abbreviation:
            b.zh_aliases.add(name.surface)
        else:
            b.zh_forms.add(name.surface)
            if name.surface != name.stem:
                b.zh_aliases.add(name.surface)
        if name.level:
            b.levels.append(name.level)
        prefix, level = _place_word_before(vi_sentence, vi_start)
        if prefix:
            b.vi_aliases.add(f"{prefix} {vi_name}")
            if level:
                b.levels.append(level)

    def zh_only(self, name: _Name) -> None:
        b = self.name_builder(name.stem, None, name.kind)
        b.zh_forms.add(name.surface)
        if name.surface != name.stem:
            b.zh_aliases.add(name.surface)
        if name.level:
            b.levels.append(name.level)

    def vi_only(self, run: _Run, sentence: str) -> None:
        prefix, level = _place_word_before(sentence, run.start)
        in_list = bool(
            re.match(r"\s*(,|và)\s*[A-ZĐ]", sentence[run.end :])
            or re.search(r"[A-ZĐ][^\s,]*\s*,\s*$", sentence[: run.start])
        )
        foreign = any(vietnamese.is_foreign_word(w) for w in run.text.split())
        division = _division(run.text)
        if run.partial and not foreign:
            # "dân tộc Hồi Ninh Hạ": the place word before the run belongs to the paired name.
            return
        if not (prefix or in_list or foreign or division):
            return  # a capitalised common noun ("Chính phủ", "Trung ương"): not a name
        if run.initial and not (prefix or division):
            return
        kind = (
            "place"
            if (prefix or division or (in_list and _list_of_places(sentence, run.start)))
            else "name"
        )
        b = self.name_builder(None, run.text, kind)
        if prefix:
            b.vi_aliases.add(f"{prefix} {run.text}")
        if level:
            b.levels.append(level)
        if division is not None and kind == "place":
            b.levels.append(division.level)

    def pair_numbers(self, index: int, zh: str, vi: str) -> None:
        """Numbers of an aligned pair matched by value and unit (200万 = 2 triệu); a number
        of one language with no equal in the other is reported with its text and value."""
        zn = [q for q in numbers.zh_quantities(zh) if not _list_marker(zh, q)]
        vn_all = [q for q in numbers.vi_quantities(vi) if not _list_marker(vi, q)]
        # Number words in Vietnamese are too common to stand alone ("hai bên", "một số"):
        # they count only where the Chinese says the same number.
        vn = [q for q in vn_all if not (q.spelled and q.kind == numbers.COUNT)]
        used: set[int] = set()
        unpaired_zh: list[Quantity] = []
        # Digits first: 一个…约1公斤 ↔ Một chiếc… 1 kg pairs 1公斤 with 1 kg, not 一 with it.
        for q in sorted(zn, key=lambda q: q.spelled):
            match = _best_match(q, vn, used)
            if match is not None:
                used.add(match)
                b = self.number_builder(q, vn[match])
                self.record_number(index, ZH, q, b)
                self.record_number(index, VI, vn[match], b)
            elif q.spelled:
                if q.kind != numbers.COUNT:
                    continue
                word = next(
                    (v.text for v in vn_all if v.spelled and v.value == q.value),
                    None,
                ) or _vi_number_word(vi, q.value)
                if word is not None:
                    b = self.number_builder(q, None)
                    self.record_number(index, ZH, q, b)
                    b.vi_forms.add(word)
            else:
                unpaired_zh.append(q)
        # A Vietnamese number in digits may stand for a Chinese numeral before a word that is
        # no measure word (四星级 ↔ 4 sao, 五代 ↔ 5 đời): same value, same sentence pair.
        taken = {i for q in zn for i in range(q.start, q.end)}
        loose = [q for q in numbers.zh_numerals(zh) if not set(range(q.start, q.end)) & taken]
        for k, v in enumerate(vn):
            if k in used or v.kind not in (numbers.NUMBER, numbers.COUNT):
                continue
            z = next((q for q in loose if numbers.same_quantity(q, v)), None)
            if z is not None:
                used.add(k)
                loose.remove(z)
                b = self.number_builder(z, v)
                self.record_number(index, ZH, z, b)
                self.record_number(index, VI, v, b)
        for q in unpaired_zh:
            self.problems.append(_unpaired_number(index, ZH, q))
        for k, q in enumerate(vn):
            if k not in used:
                self.problems.append(_unpaired_number(index, VI, q))

    def report_unpaired(self, index: int, names: list[_Name], paired: set[str], vi: str) -> None:
        for name in names:
            if name.stem in paired or not name.known_vi:
                continue
            b = self.builders.get(self.by_zh.get(name.stem, ""))
            if b and any(re.search(re.escape(f), vi) for f in b.vi_forms):
                continue
            self.problems.append(
                Problem(
                    "unpaired_term",
                    f"{name.surface} has no counterpart in the Vietnamese sentence.",
                    sentence=index,
                )
            )

    # -- single-language sentences ------------------------------------------------------

    def single(self, zh: str | None, vi: str | None) -> None:
        self.quotes(zh, vi)
        if zh:
            for q in numbers.zh_quantities(zh):
                if not q.spelled and not _list_marker(zh, q):
                    self.number_builder(q, None)
            for name in self.zh_names(zh):
                if name.confirmed or self.analysis.languages == (ZH,):
                    if name.abbreviation:
                        b = self.name_builder(name.stem, None, name.kind)
                        b.zh_aliases.add(name.surface)
                    else:
                        self.zh_only(name)
        if vi:
            for q in numbers.vi_quantities(vi):
                if not q.spelled and not _list_marker(vi, q):
                    self.number_builder(None, q)
            for run in self.vi_runs(vi):
                self.vi_only(run, vi)


def _is_digits(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _best_match(q: Quantity, candidates: list[Quantity], used: set[int]) -> int | None:
    """The index of the unused candidate that states q: the same unit and kind preferred."""
    best = None
    for k, v in enumerate(candidates):
        if k in used or not numbers.same_quantity(q, v):
            continue
        rank = (v.unit != q.unit, v.kind != q.kind)
        if best is None or rank < best[0]:
            best = (rank, k)
    return best[1] if best else None


def _list_marker(sentence: str, q: Quantity) -> bool:
    """第一，/ Thứ nhất, opening a sentence: the numbering of a list (a numbered-item fact),
    not a number the sentence states."""
    if q.kind != numbers.ORDINAL or sentence[: q.start].strip():
        return False
    return sentence[q.end : q.end + 1] in ("，", ",", "、", ":", "：")


def _unpaired_number(index: int, lang: str, q: Quantity) -> Problem:
    other = "Vietnamese" if lang == ZH else "Chinese"
    return Problem(
        "unpaired_number",
        f"The number {q.text} has no counterpart in the {other} sentence.",
        sentence=index,
        params={"number": q.text, "lang": lang, "value": q.value, "unit": q.unit},
    )


def _vi_number_word(sentence: str, value: float) -> str | None:
    for word, v in vietnamese.NUMBER_WORDS.items():
        if v != value:
            continue
        for m in re.finditer(rf"(?<!\w){word}(?!\w)", sentence, re.IGNORECASE):
            after = sentence[m.end() : m.end() + 6].lower()
            if after.startswith((" là", " số", " cách", " lần nữa")):
                continue
            return m.group(0)
    return None


def _place_word_before(sentence: str, start: int) -> tuple[str | None, str | None]:
    before = sentence[:start].rstrip()
    low = before.lower()
    for word, level in vietnamese.PLACE_WORDS:
        if low.endswith(word) and (len(low) == len(word) or not low[-len(word) - 1].isalpha()):
            return before[-len(word) :], level
    return None, None


def _list_of_places(sentence: str, start: int) -> bool:
    """Whether the name list around `start` is introduced by a place word (thành phố, tỉnh)."""
    lead = sentence[:start]
    clause = re.split(r"[.;:]", lead)[-1].lower()
    return any(word in clause for word, _ in vietnamese.PLACE_WORDS[:12])


def find_terms(analysis: Analysis) -> None:
    """Fill analysis.terms and analysis.mentions (and add Problems for unpaired names)."""
    t = _Terms(analysis)
    for s in analysis.sentences:
        t.analysis_vi = s.vi or ""
        if s.zh and s.vi:
            t.pair_sentence(s.index, s.zh, s.vi)
        else:
            t.single(s.zh, s.vi)
    # A second pass picks up names first paired in a later sentence.
    terms = _finish(t)
    analysis.terms = terms
    analysis.mentions = _mentions(analysis, t, terms)
    used = {m.term for m in analysis.mentions}
    analysis.terms = [term for term in terms if term.key in used]
    analysis.problems.extend(t.problems)


def _finish(t: _Terms) -> list[Term]:
    terms: dict[str, Term] = {}
    for b in t.builders.values():
        unpaired = b.value is None and b.zh and not b.vi_votes
        bilingual = t.analysis.languages == (ZH, VI)
        # A zh name never paired in a bilingual document is kept only if the name itself
        # says it is a place (a suffix or the province table).
        stated = b.levels or b.zh in chinese.PROVINCES
        if unpaired and bilingual and b.kind == "place" and not stated:
            continue
        vi = b.vi
        if b.vi_votes:
            known = chinese.PROVINCES.get(b.zh or "", (None, None))[1]
            votes = b.vi_votes.most_common()
            vi = next((v for v, _ in votes if known and fold(v) == fold(known)), votes[0][0])
        zh = b.zh
        numeric = b.number_key is not None
        if numeric:
            languages = t.analysis.languages
            plain = b.kind in ("number", "year")
            # A date, percentage or quantity is written as the text wrote it, where it did.
            zh_text = _fmt(b.value) if plain else b.zh_surface
            vi_text = _fmt(b.value) if plain else b.vi_surface
            zh = zh_text if ZH in languages else None
            vi = vi_text if VI in languages else None
        level = None
        if b.kind == "place":
            level = b.levels[0] if b.levels else None
            if level is None and zh in chinese.PROVINCES:
                level = "province"
            if level is None:
                d = _division(zh or vi or "")
                level = d.level if d else None
        aliases: dict[str, list[str]] = {}
        zh_alias = sorted(a for a in b.zh_aliases if a != zh)
        vi_alias = sorted({*b.vi_aliases, *(f for f in b.vi_forms if f != vi)} - {vi})
        if zh_alias:
            aliases[ZH] = zh_alias
        if vi_alias and b.value is None:
            aliases[VI] = vi_alias
        han = zh if zh and HAN_RE.search(zh) and not numeric else ""
        whole = b.value is not None and float(b.value).is_integer() and b.kind != "date"
        term = Term(
            key=b.key(),
            kind=b.kind,
            zh=zh,
            vi=vi,
            pinyin=pinyin(han) if han else "",
            hanviet=hanviet(han) if han else "",
            level=level,
            value=int(b.value) if whole else None,
            aliases=aliases,
            unit=b.unit,
            approx=b.approx,
            amount=b.value if numeric and b.kind != "date" else None,
        )
        if term.key not in terms:
            terms[term.key] = term
            if b.quantity is not None:
                t.reps[term.key] = b.quantity
            t.forms[term.key] = (
                sorted(
                    b.zh_forms | ({zh} if zh and b.value is None else set()), key=len, reverse=True
                ),
                sorted(
                    b.vi_forms | ({vi} if vi and b.value is None else set()), key=len, reverse=True
                ),
            )
    return list(terms.values())


def _number_term(t: _Terms, q: Quantity) -> str | None:
    """The numeric term a quantity states, found by value where it was not paired itself;
    a term of the quantity's own kind first (1996 in 1996年 is the year, not the number)."""
    own = number_key(q)[0]
    if own in t.reps:
        return own
    matches = [key for key, rep in t.reps.items() if numbers.same_quantity(q, rep)]
    matches.sort(key=lambda key: (not key.startswith(own.split(":")[0] + ":"), key))
    return matches[0] if matches else None


def _mentions(analysis: Analysis, t: _Terms, terms: list[Term]) -> list[Mention]:
    mentions: list[Mention] = []
    known = {term.key for term in terms}
    by_zh = {term.zh: term for term in terms if term.zh}
    for s in analysis.sentences:
        for lang, text in ((ZH, s.zh), (VI, s.vi)):
            if not text:
                continue
            found: list[tuple[int, int, str]] = []
            # Names: every surface form, longest first, no overlaps.
            candidates = []
            for term in terms:
                if term.key in t.reps:
                    continue
                forms = t.forms[term.key][0 if lang == ZH else 1]
                for form in forms:
                    pattern = re.escape(form) if lang == ZH else rf"(?<!\w){re.escape(form)}(?!\w)"
                    for m in re.finditer(pattern, text):
                        candidates.append((m.start(), m.end(), term.key))
            taken: set[int] = set()
            for start, end, key in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
                span = set(range(start, end))
                if span & taken:
                    continue
                taken.update(span)
                found.append((start, end, key))
            if lang == ZH:
                for offset, full in chinese.abbreviation_runs(text):
                    term = by_zh.get(full)
                    if term is not None and offset not in taken:
                        found.append((offset, offset + 1, term.key))
                quantities = numbers.zh_quantities(text)
                # numerals paired only through the other language (四星级 ↔ 4 sao)
                starts = {q.start for q in quantities}
                quantities += [
                    q
                    for q in numbers.zh_numerals(text)
                    if (s.index, ZH, q.start) in t.number_spans and q.start not in starts
                ]
            else:
                quantities = numbers.vi_quantities(text)
            for q in quantities:
                if lang == VI and q.spelled and q.kind == numbers.COUNT:
                    continue  # number words: below, only where the Chinese has them
                key = t.number_spans.get((s.index, lang, q.start)) or _number_term(t, q)
                if key is not None and key in known and not set(range(q.start, q.end)) & taken:
                    found.append((q.start, q.end, key))
            if lang == VI and s.zh:
                # Number words ("hai") only where the Chinese says the same number in words,
                # and as many times: "hai bên" elsewhere is "both sides", not a count.
                zh_words: Counter = Counter()
                for q in numbers.zh_quantities(s.zh):
                    if q.spelled and q.kind == numbers.COUNT:
                        key = t.number_spans.get((s.index, ZH, q.start)) or _number_term(t, q)
                        if key is not None:
                            zh_words[key] += 1
                for key, count in zh_words.items():
                    if key not in known:
                        continue
                    for form in t.forms[key][1]:
                        if form.isdigit():
                            continue
                        hits = re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)
                        for m in list(hits)[:count]:
                            if not set(range(m.start(), m.end())) & taken:
                                found.append((m.start(), m.end(), key))
            for start, end, key in sorted(found):
                mentions.append(Mention(key, lang, s.index, start, end, text[start:end]))
    return mentions
