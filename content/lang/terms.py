"""Terms (places, people, organisations, works, numbers, years, ordinals, quoted terms)
paired across the languages, and every mention of them.

Pairing happens inside aligned sentence pairs, where the other language is known to say the
same thing: numbers by value, names by Hán-Việt reading (fuzzy, diacritics ignored), by the
shipped gazetteer (老街 ↔ Lào Cai, 尼罗河 ↔ sông Nin: `gazetteer.py`), names of non-Han origin
by a consonant skeleton of their pinyin, and finally a lone unpaired name on each side by its
place among the anchors the pair shares. Taggers only propose: jieba's part-of-speech tags
offer Chinese names and underthesea's (Np, NER) Vietnamese ones, but a name is kept where the
other language, the gazetteer or an administrative suffix agrees, never on one tagger's word
(jieba tags 了栖旭 as a person and 海防 as a common noun). A name is never found inside a longer
word: Chinese names start and end on jieba's word boundaries (上海 is not in 世界上海拔),
Vietnamese ones are not part of a longer proper name ("Hà" is not in "Hà Nội"); what quotes
or 《》 enclose stays a quoted term or a work. Mentions are then found by searching every
sentence for every surface form of every term, so a term said twice in a sentence is blanked
twice. Numbers come from content.lang.numbers and are paired by value and unit (200万 =
2 triệu); a number's mention spans the number with its magnitude word and percent sign (686万,
6,86 triệu, 71,4%), never its measure unit.

Term.kind: place, person, organisation, name (a proper name of unknown kind), work, term,
number, quantity, year, date, percent, ordinal. Term.level for places: the divisions' level for
Chinese divisions (province, prefecture, county), else the gazetteer class (country, province,
city, river, lake, mountain, plateau, sea, continent, region) or what the Vietnamese place word
says (island, landmark).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from . import chinese, gazetteer, numbers, vietnamese, vinlp
from .model import VI, ZH, Analysis, Mention, Problem, Term
from .numbers import Quantity
from .readings import hanviet, hanviet_folded, pinyin, reading_score, transliteration_score
from .text import HAN_RE, fold

VI_QUOTE_RE = re.compile(r"“([^”]{1,80})”|\"([^\"]{1,80})\"")
NAME_SCORE = 80  # Hán-Việt reading vs Vietnamese name, 0-100
TRANSLIT_SCORE = 60  # pinyin skeleton vs Latin name
ELIMINATION_SCORE = 35  # when one name is left on each side, a weaker likeness will do
PERSON_SCORE = 50  # a person's Han name by position: its reading must at least resemble


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
        # A work (《》) keeps the key every quoted term had, so stored keys stay valid.
        kind = "term" if self.kind == "work" else self.kind
        return f"{kind}:{self.zh or fold(self.vi or '')}"


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
    places: tuple = ()  # gazetteer entries this Chinese form names
    # Proposed by one source only (jieba's person/organisation tag, or the gazetteer where
    # jieba sees no name): kept only where the other language names it too.
    tentative: bool = False


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
        self.anchors: list[tuple[int, int]] = []  # (zh offset, vi offset) of this pair's names
        self.index = -1  # the sentence being paired
        self.zh_sentence = ""  # the Chinese sentence being paired
        # sentence index → (zh start, zh end, stem) of the names paired there: the mention
        # finder keeps these spans even where jieba's words disagree (红|河北 → 红河)
        self.paired_spans: dict[int, list[tuple[int, int, str]]] = {}

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
        # What 《》 or quotes enclose is a work or a quoted term, never a name inside it.
        taken: set[int] = {
            k for m in chinese.QUOTE_RE.finditer(sentence) for k in range(m.start(), m.end())
        }

        def add(name: _Name) -> None:
            span = set(range(name.start, name.end))
            if span & taken:
                return
            taken.update(span)
            names.append(name)

        # Province names from the table and the gazetteer's names, longest first (the table
        # wins a tie), then jieba's place names; a name never starts or ends inside a longer
        # word (上海 is no name in 世界上海拔).
        found: list[tuple[int, int, _Name]] = []
        for full, (_abbr, vi) in chinese.PROVINCES.items():
            for m in re.finditer(re.escape(full), sentence):
                surface = full
                rest = sentence[m.end() :]
                for suffix, _level in chinese.SUFFIXES:
                    if rest.startswith(suffix):
                        surface = full + suffix
                        break
                end = m.start() + len(surface)
                if not whole_word(sentence, m.start(), end):
                    continue
                name = _Name(
                    full,
                    surface,
                    m.start(),
                    end,
                    "place",
                    "province",
                    vi,
                    confirmed=True,
                    places=tuple(gazetteer.by_zh(full)),
                )
                found.append((-len(surface), 0, name))
        for start, end, places in gazetteer_spans(sentence, self.analysis_vi):
            surface = sentence[start:end]
            stem = places[0].zh if surface.startswith(places[0].zh) else surface
            level = _place_level(places[0])
            if surface == stem and places[0].country == "CN":
                for suffix, suffix_level in chinese.SUFFIXES:
                    if sentence.startswith(suffix, end):  # 喀什地区: the suffix says the level
                        surface, end = surface + suffix, end + len(suffix)
                        level = suffix_level or level
                        break
            organisation = places[0].cls == "organisation"
            name = _Name(
                stem,
                surface,
                start,
                end,
                "organisation" if organisation else "place",
                None if organisation else level,
                confirmed=surface != stem,
                places=tuple(places),
                tentative=not _jieba_says_name(sentence, start, end),
            )
            found.append((-len(surface), 1, name))
        # Where two overlap (红|河北|上: 红河 or 河北?), the one the Vietnamese sentence names
        # wins, then the longer, then the table's.
        vi = self.analysis_vi
        for *_k, name in sorted(
            found, key=lambda f: (not self._vi_names(f[2], vi), f[0], f[1], f[2].start)
        ):
            add(name)
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
                    if whole_word(sentence, m.start(), m.end()):
                        add(_Name(zh, form, m.start(), m.end(), b.kind, None, confirmed=True))
        # People and organisations jieba sees: candidates only, kept if the Vietnamese
        # sentence names them too (jieba errs on names: 了栖旭 tagged as a person).
        for word, flag, start in chinese.tag(sentence):
            kind = _JIEBA_KINDS.get(flag)
            if kind and len(word) >= 2 and all(HAN_RE.match(c) for c in word):
                add(_Name(word, word, start, start + len(word), kind, None, tentative=True))
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

    def _vi_names(self, name: _Name, vi: str) -> bool:
        """Whether the Vietnamese sentence says the name the table or gazetteer gives it."""
        if not vi:
            return False
        if name.known_vi and _find_vi_form(vi, name.known_vi, []):
            return True
        return _said_in(name.places, vi)

    def vi_runs(self, sentence: str) -> list[_Run]:
        runs = []
        quoted = {k for m in VI_QUOTE_RE.finditer(sentence) for k in range(m.start(), m.end())}
        for start, end, words in vietnamese.capitalised_runs(sentence):
            if start in quoted:
                continue  # part of a quoted term or a work's title
            before = sentence[:start].rstrip()
            initial = not before or before[-1] in ':.!?“"(-–'
            if initial:
                first = sentence[words[0][0] : words[0][1]]
                lone_name = (
                    len(words) == 1
                    and first.lower() not in self.lower_words
                    and vinlp.is_proper(sentence, start, end)
                )
                common = first.lower() in self.lower_words or (
                    len(words) > 1 and vinlp.is_common_word(sentence, words[0][0], words[0][1])
                )
                if (len(words) == 1 and not lone_name) or common:
                    # "Ví dụ", "Thứ nhất", "Từ Luông Pha Băng": capitalised only for starting
                    # the sentence (the text writes it in lower case elsewhere, or underthesea
                    # reads it as a word of its own that is no proper noun).
                    words = words[1:]
                    if not words:
                        continue
                    start = words[0][0]
                    initial = False
            runs.append(_Run(start, end, sentence[start:end], initial))
        return runs

    # -- pairing ------------------------------------------------------------------------

    def quotes(self, zh: str | None, vi: str | None) -> None:
        """Quoted terms (“西部大开发” ↔ “Phát triển mạnh miền Tây”) and works (《…》),
        paired by Hán-Việt reading where one matches, in order otherwise. They stay what the
        quotes make them, whatever a tagger says."""
        zm = list(chinese.QUOTE_RE.finditer(zh or ""))
        zq = [next(g for g in m.groups() if g) for m in zm]
        works = [m.group(3) is not None for m in zm]
        vq = [next(g for g in m.groups() if g) for m in VI_QUOTE_RE.finditer(vi or "")]
        if zh and vi and len(zq) != len(vq):
            return  # cannot tell which is which; the sentence texts still carry them
        order = _quote_order(zq, vq) if zh and vi else list(range(len(vq)))
        for k in range(max(len(zq), len(vq))):
            z = zq[k] if k < len(zq) else None
            v = vq[order[k]] if k < len(order) else None
            b = self.name_builder(z, v, "term")
            if k < len(works) and works[k]:
                b.kind = "work"
            if v:
                b.vi_forms.add(v)

    def pair_sentence(self, index: int, zh: str, vi: str) -> None:
        self.zh_sentence = zh
        self.pair_numbers(index, zh, vi)
        self.quotes(zh, vi)
        self.pair_compounds(zh, vi)
        self.pair_head_first(zh, vi)
        self.anchors = []
        names = self.zh_names(zh)
        runs = self.vi_runs(vi)
        paired_stems: set[str] = set()
        runs = self.pair_from_gazetteer(names, runs, paired_stems, vi)
        unpaired_runs: list[_Run] = []
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
                ((transliteration_score(_bare(stem), run.text), stem) for stem in left),
                reverse=True,
            )
            if not scored:
                break
            score, stem = scored[0]
            # Elimination only between names the tables or jieba's place tag proposed: a
            # tentative person or organisation is paired by its likeness or its position.
            alone = len(left) == 1 and len(foreign) == 1 and not left[stem].tentative
            # A run a generic word introduces (Giải thưởng Kovalevskaia, ga Pan'an) is paired
            # with its landmark below, not with whatever name is left over.
            alone = alone and _vi_landmark(vi, run)[0] is None
            if score >= TRANSLIT_SCORE or (alone and score >= ELIMINATION_SCORE):
                name = left.pop(stem)
                if not name.confirmed and not name.places:
                    self._set_kind(name, run, vi)  # jieba's tag alone does not decide
                self.record_pair(name, run.text, vi, run.start)
                paired_stems.add(stem)
                foreign.remove(run)
                unpaired_runs.remove(run)
        self.pair_landmarks(names, unpaired_runs, paired_stems, zh, vi)
        self.pair_by_position(names, unpaired_runs, paired_stems, zh, vi)
        for run in unpaired_runs:
            self.vi_only(run, vi)
        for name in names:
            if name.abbreviation and name.stem in self.by_zh:
                self.builders[self.by_zh[name.stem]].zh_aliases.add(name.surface)
        for name in names:
            if name.stem not in paired_stems and name.confirmed and name.stem not in self.by_zh:
                self.zh_only(name)
        self.report_unpaired(index, names, paired_stems, vi)

    def pair_from_gazetteer(
        self, names: list[_Name], runs: list[_Run], paired: set[str], vi: str
    ) -> list[_Run]:
        """Chinese names the gazetteer knows, paired with the Vietnamese form it gives where
        the sentence says it, capitalised or not (联合国 ↔ Liên hợp quốc, 红河 ↔ sông Hồng).
        Returns the runs, less what these names took."""
        taken: list[tuple[int, int]] = []
        for name in names:
            if name.abbreviation or name.stem in paired or not name.places:
                continue
            forms = {gazetteer.strip_generic(f) for p in name.places for f in p.vi_forms}
            for form in sorted(forms, key=len, reverse=True):
                m = _find_vi_form(vi, form, taken)
                if m is not None:
                    m = _with_capital_generic(vi, m, name.places)
                    self.record_pair(name, vi[m[0] : m[1]], vi, m[0])
                    paired.add(name.stem)
                    taken.append(m)
                    break
        if not taken:
            return runs
        out = []
        for run in runs:
            pieces = [(run.start, run.end)]
            for t_start, t_end in taken:
                pieces = [
                    part
                    for p_start, p_end in pieces
                    for part in ((p_start, min(p_end, t_start)), (max(p_start, t_end), p_end))
                    if part[0] < part[1]
                ]
            for p_start, p_end in pieces:
                text = vi[p_start:p_end].strip(" ,")
                if not text or not text[0].isupper():
                    continue
                p_start = vi.index(text, p_start)
                partial = (p_start, p_start + len(text)) != (run.start, run.end)
                initial = run.initial and p_start == run.start
                out.append(_Run(p_start, p_start + len(text), text, initial, partial))
        return out

    def pair_by_position(
        self, names: list[_Name], runs: list[_Run], paired: set[str], zh: str, vi: str
    ) -> None:
        """A lone unpaired Chinese name and a lone unpaired Vietnamese proper name in the same
        sentence pair, in the same place among the anchors both sides share (paired names and
        numbers: between the same two anchors, or before the first or after the last), name
        the same thing: 琅勃拉邦 / Luông Pha Băng, a river the gazetteer lacks. Only where
        both languages put the anchors in the same order: where they do not (a relative
        clause turned round), position says nothing.

        The taggers only propose: the Vietnamese run must be a name by underthesea (Np), by
        a place word before it (sông, tỉnh…) or by not being a Vietnamese word (a
        transliteration); the Chinese name is whatever jieba, the tables or the gazetteer
        offered. The kind comes from the gazetteer or the place word, else from underthesea's
        NER and jieba's tag where they agree (or only one has a view), else it is "name".
        """
        left = [
            n
            for n in names
            if n.stem not in paired and not n.abbreviation and not self._said_elsewhere(n, vi)
        ]
        if not left:
            return
        anchors = sorted(self.anchors + _number_anchors(zh, vi))
        vi_order = [b for _a, b in anchors]
        if vi_order != sorted(vi_order):
            return  # the languages order this sentence differently: position says nothing
        slots: dict[int, list[_Name]] = {}
        for n in left:
            slots.setdefault(sum(1 for a, _b in anchors if a < n.start), []).append(n)
        for slot, here in sorted(slots.items()):
            if len(here) != 1:
                continue
            candidates = [
                r
                for r in runs
                if not r.partial and sum(1 for _a, b in anchors if b < r.start) == slot
            ]
            candidates = [r for r in candidates if self._is_name_run(r, vi)]
            if len(candidates) == 1 and _may_be(here[0], candidates[0].text):
                self._pair_in_place(here[0], candidates[0], runs, paired, vi)

    def pair_compounds(self, zh: str, vi: str) -> None:
        """Two numbers that say one thing together: a score (1比0 ↔ 1-0), a range (8到10
        ↔ 8 đến 10) and a duration in two units (1小时25分 ↔ 1 giờ 25 phút), the same two
        whole numbers in the same order in both sentences of a pair. One anchor, so a question
        asks for both numbers at once (a blank on the 0 of 1比0 asks nothing a learner can know
        apart from the 1). The Vietnamese range keeps the unit word that follows it (8 đến 10
        tiếng), as a teacher would ask it."""
        for kind, zh_re, vi_re in _COMPOUNDS:
            zs = [(m, (m.group(1), m.group(2))) for m in zh_re.finditer(zh)]
            vs = [(m, (m.group(1), m.group(2))) for m in vi_re.finditer(vi)]
            for zm, pair in zs:
                match = [vm for vm, vp in vs if vp == pair]
                if len(match) != 1 or sum(1 for _m, p in zs if p == pair) != 1:
                    continue
                vm = match[0]
                vi_form = vm.group(0)
                if kind == "range":
                    unit = _VI_UNIT_AFTER.match(vi, vm.end())
                    if unit:
                        vi_form += unit.group(0)
                b = self.name_builder(zm.group(0), vi_form, kind)
                b.kind = kind
                b.vi_forms.add(vi_form)

    def pair_head_first(self, zh: str, vi: str) -> None:
        """A two-character Chinese noun whose Hán-Việt syllables stand in the Vietnamese
        sentence in reverse order names the same thing there: Vietnamese puts the head first
        (桃花 "peach flower" ↔ hoa đào, 梅花 ↔ hoa mai). Only common nouns (jieba's n), only
        whole Vietnamese words, and only one such place in the sentence."""
        folded = fold(vi)
        for word, flag, _start in chinese.tag(zh):
            if len(word) != 2 or flag != "n" or not all(HAN_RE.match(c) for c in word):
                continue
            syllables = hanviet_folded(word)
            if len(syllables) != 2 or syllables[0] == syllables[1]:
                continue
            pattern = rf"(?<!\w){syllables[1]} {syllables[0]}(?!\w)"
            hits = list(re.finditer(pattern, folded))
            if len(hits) != 1 or re.search(rf"(?<!\w){' '.join(syllables)}(?!\w)", folded):
                continue
            if word in self.by_zh:
                continue
            start, end = hits[0].span()
            if not _vi_whole_words(vi, start, end):
                continue  # giá hiện| hành: the syllables belong to a longer word
            vi_form = vi[start:end]
            b = self.name_builder(word, vi_form, "term")
            b.zh_forms.add(word)

    def pair_landmarks(
        self, names: list[_Name], runs: list[_Run], paired: set[str], zh: str, vi: str
    ) -> None:
        """Landmarks and institutions: a Chinese name ending in a landmark suffix (仁站, 惊讶洞,
        人字桥, 芹苴大学, 越南海关总局) names the same thing as a Vietnamese capitalised run
        introduced by the matching generic word (ga Nhổn, hang Sửng Sốt, Đại học Cần Thơ,
        Tổng cục Hải quan) in the same sentence pair. Chinese often translates such a name by
        meaning (惊讶 "astonished" ↔ Sửng Sốt), so neither reading nor tagger pairs them; the
        k-th of one kind in Chinese is the k-th of that kind in Vietnamese, and only where
        both sentences name as many of that kind. A word the dictionary knows (车站, 溶洞,
        大学) is a common noun, not a name."""
        vi_found: dict[int, list[tuple[_Run, str]]] = {}
        for run in runs:
            k, name = _vi_landmark(vi, run)
            if k is not None and (not run.partial or name != run.text):
                vi_found.setdefault(k, []).append((run, name))
        if not vi_found:
            return
        inside = {stem for _s, _e, stem in self.paired_spans.get(self.index, [])}
        for k, found in vi_found.items():
            # A landmark whose name is a name paired already (天宫 + 洞) was found with it.
            here = [
                (a, b)
                for a, b in _zh_landmarks(zh, k, frozenset(inside))
                if not any(
                    zh.startswith(stem + x, a) and a + len(stem + x) == b
                    for stem in inside
                    for x in LANDMARKS[k][1]
                )
            ]
            if len(here) != len(found):
                continue
            for (start, end), (run, vi_name) in zip(here, found, strict=True):
                stem = zh[start:end]
                if stem in paired or self._said_elsewhere(_Name(stem, stem, 0, 0, "", None), vi):
                    continue
                kind = LANDMARKS[k][2] or "place"
                name = _Name(stem, stem, start, end, kind, None, confirmed=True)
                # a paired name inside the landmark (越南 in 越南海关总局) gives way to it
                spans = self.paired_spans.get(self.index, [])
                spans[:] = [sp for sp in spans if not (start <= sp[0] and sp[1] <= end)]
                names.append(name)
                self.record_pair(name, vi_name, vi, vi.find(vi_name, run.start))
                b = self.builders[self.by_zh[stem]]
                b.kind = kind if b.kind not in ("place", "work") else b.kind
                paired.add(stem)
                runs.remove(run)

    def _set_kind(self, name: _Name, run: _Run, vi: str) -> None:
        """The kind of a name paired without the tables: place where the gazetteer or a place
        word says so, organisation for an acronym, else what underthesea's NER and jieba's tag
        say where they agree (or only one has a view), else "name"."""
        prefix, _level = _place_word_before(vi, run.start)
        if name.places or prefix:
            kind = "place"
        elif re.fullmatch(r"[A-ZĐ]{2,}", run.text):
            kind = "organisation"  # an acronym: WFP, ASEAN
        else:
            ner = vinlp.entity_kind(vi, run.start, run.end)
            jieba = name.kind if name.kind in ("place", "person", "organisation") else None
            kind = ner if jieba is None else jieba if ner in (None, jieba) else "name"
        name.kind = kind if kind in ("place", "person", "organisation") else "name"

    def _pair_in_place(
        self, name: _Name, run: _Run, runs: list[_Run], paired: set[str], vi: str
    ) -> None:
        self._set_kind(name, run, vi)
        self.record_pair(name, run.text, vi, run.start)
        b = self.builders[self.by_zh[name.stem]]
        b.kind = name.kind if b.kind not in ("place", "work") else b.kind
        paired.add(name.stem)
        runs.remove(run)

    def _said_elsewhere(self, name: _Name, vi: str) -> bool:
        """A name already paired in another sentence whose Vietnamese form is in this one."""
        ident = self.by_zh.get(name.stem)
        if ident is None:
            return False
        forms = self.builders[ident].vi_forms
        return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", vi) for f in forms)

    def _is_name_run(self, run: _Run, vi: str) -> bool:
        if any(vietnamese.is_foreign_word(w) for w in run.text.split()):
            return True
        prefix, _level = _place_word_before(vi, run.start)
        if prefix:
            return True
        if run.initial and run.text.split()[0].lower() in self.lower_words:
            return False
        return vinlp.is_proper(vi, run.start, run.end)

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
        partial = run.partial or (start, end) != (run.start, run.end)
        return _Run(
            start, end, self.analysis_vi[start:end], run.initial and start == run.start, partial
        )

    def best_name(self, span: str, names: list[_Name]) -> _Name | None:
        best, best_score = None, 0.0
        folded = fold(span)
        keys = {folded, fold(gazetteer.strip_generic(span))}
        for name in names:
            score = reading_score(name.stem, span)
            if name.known_vi and fold(name.known_vi) == folded:
                score = 100.0
            division = None if score >= NAME_SCORE else _division(name.stem)
            if division is not None and fold(division.vi) == folded:
                score = 100.0
            if score < 100.0:
                ident = self.by_zh.get(name.stem)
                if ident is not None and folded in self._folded_vi(ident):
                    score = 100.0  # paired so in another sentence (by position, by the gazetteer)
            if score < 100.0:
                places = name.places or (() if name.abbreviation else gazetteer.by_zh(name.stem))
                if any(keys & gazetteer.vi_keys(p) for p in places):
                    score = 100.0  # 老街 ↔ Lào Cai, 尼罗河 ↔ Nin: the gazetteer knows the pair
            if score >= NAME_SCORE and score > best_score:
                best, best_score = name, score
        return best

    def _folded_vi(self, ident: str) -> set[str]:
        return {fold(f) for f in self.builders[ident].vi_forms}

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
            if hanviet_folded(piece) == words and whole_word(zh, start, start + n):
                flag = next((f for w, f, s in chinese.tag(zh) if s <= start < s + len(w)), "")
                kind = {"ns": "place", "nt": "organisation", "nr": "person"}.get(flag, "term")
                rest = zh[start + n :]
                level = None
                for suffix, lvl in chinese.SUFFIXES:
                    if rest.startswith(suffix):
                        kind, level = "place", lvl
                        break
                places = tuple(gazetteer.by_zh(piece))
                if places and _gazetteer_vi(places, span):
                    # 海防 ↔ Hải Phòng: jieba calls it a common noun, the gazetteer a place.
                    kind, level = "place", level or _place_level(places[0])
                else:
                    places = ()
                return _Name(piece, piece, start, start + n, kind, level, places=places)
        return None

    def record_pair(self, name: _Name, vi_name: str, vi_sentence: str, vi_start: int) -> None:
        self.anchors.append((name.start, vi_start))
        landmark = _landmark_around(self.zh_sentence, name, vi_sentence, vi_start)
        if landmark is not None:
            # 芹苴|大学 ↔ Đại học| Cần Thơ, 天宫|洞 ↔ động| Thiên Cung: a place's name inside a
            # landmark's; the landmark is what the sentence names, suffix and generic word too.
            zh_whole, generic = landmark
            vi_whole = f"{generic} {vi_name}"
            name = _Name(
                name.stem,
                zh_whole,
                name.start,
                name.start + len(zh_whole),
                name.kind,
                name.level,
                name.known_vi,
                confirmed=name.confirmed,
                places=name.places,
            )
            b = self.name_builder(name.stem, vi_name, name.kind)
            b.vi_forms.add(vi_whole)
        if not name.abbreviation:
            self.paired_spans.setdefault(self.index, []).append(
                (name.start, name.start + len(name.surface), name.stem)
            )
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
        if not prefix and b.kind in ("person", "organisation", "name"):
            head, _level = _list_head_word(vi_sentence, vi_start)
            if head:
                # qua các ga Nghĩa Ô, Pan'an…: the items of a list of places are places.
                b.kind = "place"
        if prefix:
            b.vi_aliases.add(f"{prefix} {vi_name}")
            if level:
                b.levels.append(level)
            if b.kind in ("person", "organisation", "name"):
                # cầu Thê Húc: the Vietnamese says it is a place, whatever jieba's tag said.
                b.kind = "place"

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
        if not (prefix or foreign or division) and not vinlp.is_proper(
            sentence, run.start, run.end, default=True
        ):
            return  # "…Lan, Hiệu trưởng": in a list, but underthesea reads no proper noun
        kind = (
            "place"
            if (prefix or division or (in_list and _list_of_places(sentence, run.start)))
            else "name"
        )
        if kind == "name":
            # The gazetteer, then underthesea's NER, say what a bare name is.
            if gazetteer.by_vi(run.text):
                kind = "place"
            else:
                kind = vinlp.entity_kind(sentence, run.start, run.end) or kind
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
                # With no other language to confirm it, one tagger's word is not enough.
                alone = self.analysis.languages == (ZH,) and not name.tentative
                if name.confirmed or alone:
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


# Words that, just before a name, say it is a river, a mountain, a sea, a landmark… (sông Nin,
# cầu Thê Húc).
NATURE_WORDS = [
    ("cao nguyên", "plateau"),
    ("dãy núi", "mountain"),
    ("sông", "river"),
    ("núi", "mountain"),
    ("dãy", "mountain"),
    ("đỉnh", "mountain"),
    ("hồ", "lake"),
    ("biển", "sea"),
    ("vịnh", "sea"),
    ("bán đảo", "peninsula"),
    ("đảo", "island"),
    # Landmarks: a bridge, temple, pagoda, palace, tomb, square, port…
    ("quảng trường", "landmark"),
    ("sân bay", "landmark"),
    ("cầu", "landmark"),
    ("đền", "landmark"),
    ("chùa", "landmark"),
    ("lăng", "landmark"),
    ("tháp", "landmark"),
    ("cảng", "landmark"),
    ("chợ", "landmark"),
    ("đèo", "landmark"),
    ("ga", "landmark"),
    ("đập", "landmark"),
    ("hang", "landmark"),
    ("thác", "landmark"),
]


def _vi_whole_words(vi: str, start: int, end: int) -> bool:
    """Whether underthesea's words start at `start` and end at `end` (none is cut); True
    without underthesea."""
    if not vinlp.available():
        return True
    text, span = vinlp.window(vi, start, end, context=3)
    at = text.lower().find(span.lower())
    if at < 0:
        return False
    bounds, pos = set(), 0
    for word, _tag in vinlp.pos_tag(text):
        found = text.find(word, pos)
        if found < 0:
            continue
        bounds.update((found, found + len(word)))
        pos = found + len(word)
    return at in bounds and at + len(span) in bounds


# Compound numbers: (kind, Chinese, Vietnamese), each with the two numbers as groups 1 and 2.
_COMPOUNDS = (
    (
        "score",
        re.compile(r"(?<![\d.])(\d{1,3})\s*比\s*(\d{1,3})(?![\d.])"),
        re.compile(r"(?<![\w./,])(\d{1,3})\s*[-–]\s*(\d{1,3})(?![\w/]|[.,]\d)"),
    ),
    (
        "range",
        re.compile(r"(?<![\d.])(\d{1,4})\s*(?:到|至|~|～|-|—)\s*(\d{1,4})(?![\d.年月日号])"),
        re.compile(r"(?<![\w./,])(\d{1,4})\s*(?:đến|tới|-|–)\s*(\d{1,4})(?![\w/]|[.,]\d)"),
    ),
    (
        # A duration in two units (1小时25分 ↔ 1 giờ 25 phút, 2分30秒 ↔ 2 phút 30 giây): one
        # length of time, asked whole.
        "duration",
        re.compile(
            r"(?<![\d.])(\d{1,3})\s*(?:个)?(?:小时|分钟|分)\s*(\d{1,2})\s*(?:分钟|分|秒钟|秒)(?![\d])"
        ),
        re.compile(r"(?<![\w./,])(\d{1,3})\s*(?:giờ|tiếng|phút)\s*(\d{1,2})\s*(?:phút|giây)(?!\w)"),
    ),
)
# A measure word after a Vietnamese range: one lower-case word (tiếng, giờ, km, người).
_VI_UNIT_AFTER = re.compile(r" (?:giờ|tiếng|phút|ngày|tuần|tháng|năm|km|m|kg|tấn|người|%)(?!\w)")

# Landmarks, institutions and awards: (Vietnamese generic words, Chinese suffixes, the kind
# when it is not a place: "organisation" or "work"). An institution's or award's Vietnamese
# name runs on from the generic word through the clause (Viện Hải dương học Nha Trang).
LANDMARKS: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("ga",), ("站",), ""),
    (("hang", "động"), ("洞",), ""),
    (("cầu",), ("桥",), ""),
    (("chùa",), ("寺",), ""),
    (("đền",), ("庙", "祠"), ""),
    (("hồ",), ("湖",), ""),
    (("vịnh",), ("湾",), ""),
    (("cảng",), ("港",), ""),
    (("tháp",), ("塔",), ""),
    (("lăng",), ("陵",), ""),
    (("thác",), ("瀑布",), ""),
    (("sân bay",), ("机场",), ""),
    (("trường đại học", "đại học"), ("大学",), "organisation"),
    (("bảo tàng",), ("博物馆",), "organisation"),
    (("công ty",), ("公司",), "organisation"),
    (("tổng cục",), ("总局",), "organisation"),
    (("ngân hàng",), ("银行",), "organisation"),
    (("bệnh viện",), ("医院",), "organisation"),
    # Natural features named by meaning (死海 ↔ Biển Chết, 黑森林 ↔ Rừng Đen): the
    # gazetteer knows the famous ones; these pair the others the same way.
    (("biển",), ("海",), ""),
    (("rừng",), ("森林", "林"), ""),
    (("hẻm núi", "hẻm"), ("峡谷", "峡"), ""),
    (("sa mạc",), ("沙漠",), ""),
    (("quần đảo",), ("群岛",), ""),
    (("bán đảo",), ("半岛",), ""),
    (("học viện",), ("学院",), "organisation"),
    (("viện",), ("研究所", "研究院", "科学院"), "organisation"),
    (("giải thưởng", "giải"), ("奖",), "work"),
)
# Words a landmark's name never holds: where the name ends on the left.
_ZH_NAME_STOPS = frozenset(
    ("的", "是", "和", "与", "及", "在", "从", "到", "往", "据", "由", "对", "向", "于", "为")
    + ("把", "被", "将", "了", "最", "也", "都", "就", "这", "那", "该", "其", "各", "每", "个")
    + ("去", "来", "有", "即", "称", "叫", "经", "过", "至", "或", "等", "座", "条", "家", "所")
    + ("通往", "位于", "前往", "来到", "以及")
)


def _landmark_around(zh: str, name: _Name, vi: str, vi_start: int) -> tuple[str, str] | None:
    """(Chinese landmark, Vietnamese generic word) where a paired name is followed in Chinese by
    a landmark suffix and preceded in Vietnamese by the matching generic word (天宫 + 洞 ↔ động
    + Thiên Cung); None otherwise."""
    if name.abbreviation or not zh:
        return None
    end = name.start + len(name.surface)
    before = vi[:vi_start].rstrip()
    low = before.lower()
    for generics, suffixes, _org in LANDMARKS:
        suffix = next((x for x in suffixes if zh.startswith(x, end)), None)
        if suffix is None:
            continue
        for generic in generics:
            if low.endswith(generic) and (
                len(low) == len(generic) or not low[-len(generic) - 1].isalpha()
            ):
                return name.surface + suffix, before[-len(generic) :]
    return None


def _vi_landmark(vi: str, run: _Run) -> tuple[int | None, str]:
    """(landmark kind, name) of a Vietnamese run introduced by a generic word, before it in
    lower case (ga Nhổn, hang Sửng Sốt) or at its head (Đại học Cần Thơ, Hang Sửng Sốt at the
    start of a sentence); (None, "") for any other run."""
    before = vi[: run.start].rstrip()
    low = before.lower()
    text = run.text
    for k, (generics, _suffixes, org) in enumerate(LANDMARKS):
        for generic in generics:
            if low.endswith(generic) and (
                len(low) == len(generic) or not low[-len(generic) - 1].isalpha()
            ):
                if org:
                    # An institution's name runs on through lower-case words to the end of
                    # the clause (Tổng cục Hải quan Việt Nam): the generic word and all.
                    clause = re.split(r"[,.;:!?()“”\"]", vi[run.start :], maxsplit=1)[0]
                    words = clause.split()[:6]
                    words = _name_words(words)
                    return k, f"{before[-len(generic) :]} {' '.join(words) or text}"
                return k, text
            head = text.lower()
            if head.startswith(generic + " ") and len(text.split()) > len(generic.split()):
                if org:
                    # Viện Hải dương học Nha Trang: on through lower-case words, as above.
                    clause = re.split(r"[,.;:!?()“”\"]", vi[run.start :], maxsplit=1)[0]
                    words = clause.split()[:8]
                    words = _name_words(words)
                    return k, " ".join(words) or text
                return k, text
    return None, ""


def _name_words(words: list[str]) -> list[str]:
    """The words of an institution's or award's name out of the words that follow its generic
    word: up to a number (a name holds none: "Viện Nông nghiệp Huế năm 2015") and back to its
    last capitalised word."""
    cut = next((i for i, w in enumerate(words) if any(c.isdigit() for c in w)), len(words))
    words = words[:cut]
    while words and not words[-1][:1].isupper():
        words.pop()
    return words


def _zh_landmarks(zh: str, k: int, names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of each name in a Chinese sentence ending in a suffix of landmark kind k:
    the words before the suffix back to a function word, punctuation or a number (惊讶洞,
    越南海关总局), or the one word the segmenter made of a name and its suffix (仁站), never a
    word the dictionary knows (车站, 溶洞). A name paired in the sentence (`names`) may stand
    inside (芽庄 in 芽庄海洋学研究所), and a quoted name is the whole quote (“科瓦列夫斯卡娅奖”:
    the segmenter cuts a transliteration anywhere)."""
    import jieba

    chinese.load_jieba()
    words = []
    pos = 0
    for word in jieba.lcut(zh):
        words.append((pos, pos + len(word), word))
        pos += len(word)
    ends = {e: i for i, (_s, e, _w) in enumerate(words)}
    flags = {(pos, word): flag for word, flag, pos in chinese.tag(zh)}
    found: list[tuple[int, int]] = []
    for suffix in LANDMARKS[k][1]:
        for m in re.finditer(re.escape(suffix), zh):
            end = m.end()
            i = ends.get(end)
            if i is None:
                continue  # the suffix is the start of a longer word (站长, 大学生)
            start, _e, word = words[i]
            if zh[end : end + 1] in _CLOSING:
                opening = max(zh.rfind(q, 0, m.start()) for q in _OPENING)
                inner = zh[opening + 1 : m.start()] if opening >= 0 else ""
                if inner and all(HAN_RE.match(c) for c in inner) and len(inner) <= 12:
                    if not any(a < end and opening + 1 < b for a, b in found):
                        found.append((opening + 1, end))
                    continue
            whole = start < m.start()  # the segmenter glued name and suffix into one word
            if whole and (word in jieba.dt.FREQ or not all(HAN_RE.match(c) for c in word)):
                continue
            j = i
            while j > 0 and m.start() - words[j - 1][0] <= 8:
                p_start, _p_end, prev = words[j - 1]
                flag = flags.get((p_start, prev), "")
                if prev in _ZH_NAME_STOPS or not all(HAN_RE.match(c) for c in prev):
                    break
                if len(prev) == 1 and flag[:1] not in ("v", "d", "p", "c", "u", "r", "m", "q", "f"):
                    pass  # a piece of a name the segmenter did not join (芹|苴)
                elif len(prev) > 1 and not whole:
                    whole = True  # the one word before the suffix (惊讶|洞, 海关|总局)
                elif len(prev) > 1 and (flag in ("ns", "nr", "nt", "nz") or prev in names):
                    pass  # a name inside the name (越南 in 越南海关总局)
                else:
                    break
                j -= 1
            start = words[j][0]
            if start == m.start() or zh[start:end] in jieba.dt.FREQ:
                continue
            if not any(a < end and start < b for a, b in found):
                found.append((start, end))
    return sorted(found)


def _place_word_before(sentence: str, start: int) -> tuple[str | None, str | None]:
    before = sentence[:start].rstrip()
    low = before.lower()
    for word, level in vietnamese.PLACE_WORDS:
        if low.endswith(word) and (len(low) == len(word) or not low[-len(word) - 1].isalpha()):
            return before[-len(word) :], level
    for word, level in NATURE_WORDS:
        if low.endswith(word) and (len(low) == len(word) or not low[-len(word) - 1].isalpha()):
            # "yêu cầu Chính phủ", "đồng hồ", "khai thác": only a word of its own says what
            # the name is, and underthesea's segmentation tells which.
            at = len(before) - len(word)
            if " " in word or at == 0 or vinlp.is_word(sentence, at, len(before)):
                return before[at:], level
    return None, None


_LIST_ITEM_BEFORE = re.compile(r"((?:[A-ZĐÀ-Ỹ][\w'’-]*)(?: [A-ZĐÀ-Ỹ][\w'’-]*)*)\s*,\s*$")


def _list_head_word(sentence: str, start: int) -> tuple[str | None, str | None]:
    """The place word that introduces the list a name at `start` stands in, past the items
    before it (các ga Nghĩa Ô, Pan'an: "ga" for Pan'an; các tỉnh A, B và C: "tỉnh" for B):
    what (place word, level) _place_word_before gives for the list's first item; (None, None)
    where the name is no later item of a list, or the list has no place word."""
    end = start
    steps = 0
    while True:
        m = _LIST_ITEM_BEFORE.search(sentence[:end])
        if not m:
            break
        end = m.start()
        steps += 1
    if not steps:
        return None, None
    return _place_word_before(sentence, end)


def _list_of_places(sentence: str, start: int) -> bool:
    """Whether the name list around `start` is introduced by a place word (thành phố, tỉnh)."""
    lead = sentence[:start]
    clause = re.split(r"[.;:]", lead)[-1].lower()
    return any(word in clause for word, _ in vietnamese.PLACE_WORDS[:12])


# jieba's tags for people and organisations (nr, nrfg, nrt: people; nt: organisations).
_JIEBA_KINDS = {"nr": "person", "nrfg": "person", "nrt": "person", "nt": "organisation"}
_NAME_FLAGS = {"nr", "nrfg", "nrt", "ns", "nt", "nz"}
# What may follow a name inside one jieba word: 上海市, 老街省, 海防港, 红河州.
_NAME_TAILS = tuple(s for s, _ in chinese.SUFFIXES) + tuple("河江湖山人族港湾岛峰站桥洞寺庙")
# What jieba glues to a name it tags (了栖旭: 了 + 栖旭): particles and prepositions.
_GLUED = set("了的地得着过和与及同跟是在于从到向往对给把被将以为也都又就还而并或")


@lru_cache(maxsize=2048)
def _bounds(sentence: str) -> tuple[set[int], dict[int, tuple[str, str, int]]]:
    """jieba's word boundaries in a sentence, and the word covering each offset."""
    bounds = {0, len(sentence)}
    covering: dict[int, tuple[str, str, int]] = {}
    for word, flag, start in chinese.tag(sentence):
        bounds.add(start)
        bounds.add(start + len(word))
        for k in range(start, start + len(word)):
            covering[k] = (word, flag, start)
    return bounds, covering


def whole_word(sentence: str, start: int, end: int) -> bool:
    """Whether sentence[start:end] is whole words by jieba's segmentation.

    A cut inside a word is allowed only where jieba is known to err or the rest is a suffix:
    where jieba glued a particle to a name it tags (了栖旭: 了 + 栖旭), or before an
    administrative or geographic suffix it keeps in the word (上海|市, 海防|港). 尼罗河 is not
    in 白尼罗河, nor 上海 in 世界上海拔.
    """
    if start >= end:
        return False
    bounds, covering = _bounds(sentence)
    if start not in bounds:
        word, flag, w_start = covering[start]
        head = sentence[w_start:start]
        if flag not in _NAME_FLAGS or not set(head) <= _GLUED:
            return False
    if end not in bounds:
        word, flag, w_start = covering[end]
        tail = sentence[end : w_start + len(word)]
        glued = flag in _NAME_FLAGS and set(tail) <= _GLUED
        if not glued and not tail.startswith(_NAME_TAILS):
            return False
    return True


def gazetteer_spans(sentence: str, vi: str = "") -> list[tuple[int, int, list]]:
    """(start, end, places) of gazetteer names in a Chinese sentence, on word boundaries,
    longest first where two overlap (青藏高原 before 西藏).

    With the Vietnamese sentence, a name may also cut a word jieba tags as a name when the
    Vietnamese says it: in 沿红河北上 jieba reads 红|河北|上, the Vietnamese "sông Hồng"."""
    forms = gazetteer.zh_forms()
    longest = gazetteer.longest_zh()
    out = []
    for start in range(len(sentence)):
        for end in range(min(len(sentence), start + longest), start + 1, -1):
            places = forms.get(sentence[start:end])
            if not places:
                continue
            if whole_word(sentence, start, end) or (
                vi and _cuts_only_names(sentence, start, end) and _said_in(places, vi)
            ):
                out.append((start, end, places))
                break
    return out


def _cuts_only_names(sentence: str, start: int, end: int) -> bool:
    """Whether every word sentence[start:end] cuts is one jieba tags as a name."""
    bounds, covering = _bounds(sentence)
    cut = [covering[k] for k in (start, end) if k not in bounds and k in covering]
    return all(flag in _NAME_FLAGS for _w, flag, _s in cut)


def _said_in(places, vi: str) -> bool:
    forms = {gazetteer.strip_generic(f) for p in places for f in p.vi_forms}
    return any(_find_vi_form(vi, form, []) for form in forms)


def _number_anchors(zh: str, vi: str) -> list[tuple[int, int]]:
    """(zh offset, vi offset) of numbers of equal value on both sides, each used once."""
    out = []
    used: set[int] = set()
    vn = numbers.vi_quantities(vi)
    for q in numbers.zh_quantities(zh):
        k = next(
            (k for k, n in enumerate(vn) if k not in used and numbers.same_quantity(q, n)), None
        )
        if k is not None:
            used.add(k)
            out.append((q.start, vn[k].start))
    return out


_OPENING = '“「《"‘『'
_CLOSING = '”」》"’』'


def _zh_mention_ok(text: str, start: int, end: int) -> bool:
    """A Chinese mention is whole words, or exactly what a pair of quotes encloses."""
    if start and end < len(text) and text[start - 1] in _OPENING and text[end] in _CLOSING:
        return True
    return whole_word(text, start, end)


def _whole_vi_names(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop Vietnamese mentions that are part of a longer proper name: "Hà" in "Hà Nội".

    A mention inside a capitalised run must reach the run's end or meet another mention
    there ("Hà" is not said in "Hà Nội"), and must not be the tail of a longer known name.
    """
    spans = {(s, e) for s, e, _k in found}
    starts = {s for s, _e in spans}
    ends = {e for _s, e in spans}
    keep = []
    for start, end, key in found:
        ok = True
        for r_start, r_end, words in vietnamese.capitalised_runs(text):
            if not (r_start <= start and end <= r_end) or (r_start, r_end) == (start, end):
                continue
            right = next((w for w in words if w[0] > end), None)
            if right is not None and right[0] not in starts:
                ok = False
            left = [w for w in words if w[1] < start]
            if left and left[-1][1] not in ends:
                # "Nam" in "Hà Nam": the longer name is a known one. ("dân tộc Hồi Ninh Hạ":
                # an ethnic name before a province is no part of it.)
                here = set(gazetteer.by_vi(text[start:end]))
                for w in left:
                    longer = gazetteer.by_vi(text[w[0] : end])
                    if longer and not here & set(longer):  # "Sông Nin" is still the Nin
                        ok = False
        if ok:
            keep.append((start, end, key))
    return keep


def _jieba_says_name(sentence: str, start: int, end: int) -> bool:
    """Whether jieba tags a word inside sentence[start:end] as a place, person or organisation
    (ns, nr, nt; not nz, which it gives to words like 和平)."""
    return any(
        flag in _NAME_FLAGS and flag != "nz" and start <= w_start < end
        for _w, flag, w_start in chinese.tag(sentence)
    )


def name_fits(text: str, start: int, end: int, lang: str) -> bool:
    """Whether text[start:end] may be taken as a whole name (to blank, swap or find it): in
    Chinese, whole jieba words or exactly a quote's content (上海 is not in 世界上海拔); in
    Vietnamese, not part of a longer proper name ("Hà" is not in "Hà Nội")."""
    if lang == ZH:
        return _zh_mention_ok(text, start, end)
    return bool(_whole_vi_names(text, [(start, end, "")]))


def _with_capital_generic(vi: str, m: tuple[int, int], places) -> tuple[int, int]:
    """A generic word written with a capital inside a sentence is part of the proper name
    (Biển Đen "Black Sea", Biển Chết, Hồ Tây): the span grows to take it in, so that the
    answer is the name and not a bare common word (Đen "black"). A lower-case generic (sông
    Hồng, biển Đông) and one that opens the sentence (its capital says nothing) stay out."""
    before = vi[: m[0]]
    word = re.search(r"(\w+(?: \w+)?) $", before)
    if not word:
        return m
    for size in (2, 1):
        parts = word.group(1).split()[-size:]
        if len(parts) < size:
            continue
        generic = " ".join(parts)
        start = m[0] - len(generic) - 1
        if not all(p[:1].isupper() for p in parts) or not vi[:start].strip():
            continue
        if vi[:start].rstrip()[-1:] in ".!?:\n":
            continue
        full = fold(vi[start : m[1]])
        if any(fold(f) == full for p in places for f in p.vi_forms):
            return start, m[1]
    return m


def _find_vi_form(vi: str, form: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where a gazetteer form stands in a Vietnamese sentence as a whole name: its own case
    (its first letter either case), whole words, not part of a longer name, not taken."""
    if not form:
        return None
    head = re.escape(form[0].lower()) + "|" + re.escape(form[0].upper())
    pattern = rf"(?<!\w)(?:{head}){re.escape(form[1:])}(?!\w)"
    for m in re.finditer(pattern, vi):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        if _whole_vi_names(vi, [(m.start(), m.end(), "")]):
            return m.start(), m.end()
    return None


def _may_be(name: _Name, vi: str) -> bool:
    """Whether a Vietnamese run may name a Chinese name whose Vietnamese the tables or the
    gazetteer give: only as a spelling of it (Mê Công for Mê Kông), never another name (河北
    is Hà Bắc, not the Hồng of a sông Hồng beside it). A name they do not know may be anything
    but a person's Han name, which Vietnamese reads in Hán-Việt or transliterates."""
    known = {gazetteer.strip_generic(f) for p in name.places for f in p.vi_forms}
    if name.known_vi:
        known.add(name.known_vi)
    if name.kind == "person" and re.fullmatch(r"[A-ZĐ]{2,}", vi):
        return False  # an acronym names an organisation, not a person (黄英 is not VOV)
    if not known:
        if name.kind == "person" and not any(vietnamese.is_foreign_word(w) for w in vi.split()):
            # A Han name of a person is read in Hán-Việt (张雪 is Trương Tuyết, not Vũ Lan)
            # unless the Vietnamese transliterates it.
            return reading_score(name.stem, vi) >= PERSON_SCORE
        return True
    target = fold(vi)
    return any(SequenceMatcher(None, fold(k), target).ratio() >= 0.8 for k in known)


def _bare(stem: str) -> str:
    """A transliterated name without the geographic word Chinese adds (维多利亚|湖, 塔纳|湖):
    the Vietnamese puts it before the name (hồ Victoria), outside the run."""
    if len(stem) > 2 and stem[-1] in "河江湖山岛峰港湾":
        return stem[:-1]
    return stem


def _quote_order(zq: list[str], vq: list[str]) -> list[int]:
    """For each Chinese quote, the index of its Vietnamese quote: a quote read in Hán-Việt
    (《岭南摭怪》 ↔ “Lĩnh Nam chích quái”) pairs with its reading wherever it stands; the others
    pair in order. Vietnamese often lists two works in another order than the Chinese."""
    if len(zq) < 2:
        return list(range(len(vq)))
    scores = sorted(
        ((reading_score(z, v), i, j) for i, z in enumerate(zq) for j, v in enumerate(vq)),
        reverse=True,
    )
    mapping: dict[int, int] = {}
    for score, i, j in scores:
        if score < NAME_SCORE:
            break
        if i not in mapping and j not in mapping.values():
            mapping[i] = j
    rest = [j for j in range(len(vq)) if j not in mapping.values()]
    for i in range(len(zq)):
        if i not in mapping:
            mapping[i] = rest.pop(0)
    return [mapping[i] for i in range(len(zq))]


def _place_level(place) -> str:
    """The Term.level of a gazetteer place: the divisions' level for Chinese divisions
    (province, prefecture, county), the gazetteer class otherwise (country, river…)."""
    if place.country == "CN" and place.cls in ("province", "city", "county"):
        d = _division(place.zh)
        if d is not None:
            return d.level
        return {"city": "prefecture"}.get(place.cls, place.cls)
    return place.cls


def _gazetteer_vi(places, span: str) -> bool:
    """Whether a Vietnamese span names one of these places (generic word optional)."""
    target = fold(span)
    bare = fold(gazetteer.strip_generic(span))
    return any(target in gazetteer.vi_keys(p) or bare in gazetteer.vi_keys(p) for p in places)


def find_terms(analysis: Analysis) -> None:
    """Fill analysis.terms and analysis.mentions (and add Problems for unpaired names)."""
    t = _Terms(analysis)
    for s in analysis.sentences:
        t.analysis_vi = s.vi or ""
        if s.zh and s.vi:
            t.index = s.index
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
            if level is None:
                places = gazetteer.by_zh(zh) if zh else gazetteer.by_vi(vi or "")
                level = _place_level(places[0]) if places else None
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
    keys = {term.key for term in terms}
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
                        if lang == ZH and not _zh_mention_ok(text, m.start(), m.end()):
                            continue  # 上海 is not in 世界上海拔
                        candidates.append((m.start(), m.end(), term.key))
            taken: set[int] = set()
            if lang == ZH:
                # Where a name was paired in this sentence, its span stands first.
                for start, end, stem in t.paired_spans.get(s.index, []):
                    ident = t.by_zh.get(stem)
                    key = t.builders[ident].key() if ident is not None else None
                    span = set(range(start, end))
                    if key in keys and not span & taken:
                        taken.update(span)
                        found.append((start, end, key))
            for start, end, key in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
                span = set(range(start, end))
                if span & taken:
                    continue
                taken.update(span)
                found.append((start, end, key))
            if lang == VI:
                found = _whole_vi_names(text, found)
                taken = {k for start, end, _key in found for k in range(start, end)}
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
