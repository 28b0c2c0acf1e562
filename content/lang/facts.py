"""Facts worth learning. Every aligned sentence that names something checkable — a number
with its unit, a year, date, percentage, ordinal, place, person, organisation, work or key term
(the terms and mentions the term finder produced) — states a fact of kind "statement", with
those terms as its anchors and their spans in each language. Glossary phrasing (definitions,
enumerations, numbered items, lessons, examples, quoted terms), found in each language through
its adapter (content/lang/adapters/) and linked across the languages through the sentence
alignment, gives a more specific kind; it is a bonus signal, never the gate.

A fact found in one language whose aligned sentence does not state it the same way is kept
with `only_in` set, so the reader can see what the translation adds or drops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .adapters import adapter
from .adapters import vi as vi_adapter
from .lists import strip_punctuation
from .model import VI, ZH, Analysis, Anchor, Fact, Pair, Problem
from .readings import hanviet_folded
from .text import fold, norm_for_key, short_hash


@dataclass
class _Raw:
    kind: str
    marker: str  # which phrasing found it: the cross-language match key
    lang: str
    sentence: int
    paragraph: int
    text: str
    start: int
    end: int
    subject: str | None = None
    items: list[str] = field(default_factory=list)
    ordinal: int | None = None


def _lead_start(text: str, lead: str, before: int) -> int:
    """Where `lead`, the last clause before a list starting at `before`, begins in `text`: the
    separators and spaces between the two are not part of the lead, so counting back by its
    length alone would cut its first letters off."""
    at = text.rfind(lead, 0, before) if lead else -1
    return at if at >= 0 else before


# -- detection ------------------------------------------------------------------------------


class _Finder:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.raw: list[_Raw] = []
        self.context: dict[tuple[int, str], str] = {}  # (paragraph, lang) → numbered subject

    def add(self, **kw) -> _Raw:
        raw = _Raw(**kw)
        self.raw.append(raw)
        return raw

    def sentence(self, s, lang: str) -> None:
        """The glossary phrasing of one sentence in one language, through its adapter."""
        ad = adapter(lang)
        text, i, p = s.get(lang), s.index, s.paragraph
        base = {"lang": lang, "sentence": i, "paragraph": p}
        numbered = ad.numbered_start(text)
        if numbered:
            end, ordinal = numbered
            subject = strip_punctuation(text[end:])
            self.context[(p, lang)] = subject
            self.add(
                kind="numbered_item",
                marker="qi",
                text=text,
                start=0,
                end=len(text),
                subject=subject,
                ordinal=ordinal,
                **base,
            )
        context = self.context.get((p, lang))
        for pattern in ad.DEFINITION:
            m = pattern.match(text)
            if m:
                subject = ad.refers_back(ad.defined(strip_punctuation(m.group("subj"))), context)
                self.add(
                    kind="definition",
                    marker="def",
                    text=text,
                    start=0,
                    end=len(text),
                    subject=subject,
                    **base,
                )
                break
        else:
            if context and ad.continues_definition(text):
                self.add(
                    kind="definition",
                    marker="def",
                    text=text,
                    start=0,
                    end=len(text),
                    subject=context,
                    **base,
                )
        m = ad.ENUMERATION.search(text)
        if m:
            items = ad.items(m.group("list"))
            if len(items) >= 2:
                lead = next(
                    (c for c in reversed(ad.CLAUSE_SPLIT.split(text[: m.start()])) if c.strip()),
                    "",
                )
                self.add(
                    kind="enumeration",
                    marker="colon",
                    text=strip_punctuation(text[_lead_start(text, lead, m.start()) : m.end()]),
                    start=_lead_start(text, lead, m.start()),
                    end=m.end(),
                    subject=strip_punctuation(lead) or None,
                    items=items,
                    **base,
                )
        m = ad.MAIN.search(text)
        if m:
            items = ad.items(m.group("list"))
            if len(items) >= 2:
                self.add(
                    kind="enumeration",
                    marker="main",
                    text=m.group(0).strip(),
                    start=m.start(),
                    end=m.end(),
                    subject=strip_punctuation(ad.main_subject(m)) or None,
                    items=items,
                    **base,
                )
        self.counted(s, lang, text)
        for m, subject, items in ad.named_lists(text):
            self.add(
                kind="enumeration",
                marker="named",
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                subject=strip_punctuation(subject),
                items=items,
                **base,
            )
        self.inline(s, lang, text, ad.inline_markers(text))
        if ad.EXAMPLE.match(text):
            self.add(
                kind="example",
                marker="example",
                text=text,
                start=0,
                end=len(text),
                subject=self.context.get((p, lang)),
                **base,
            )
        for m in ad.QUOTE.finditer(text):
            quoted = next(g for g in m.groups() if g)
            self.add(
                kind="quoted_term",
                marker="quote",
                text=text,
                start=m.start(),
                end=m.end(),
                subject=quoted,
                **base,
            )

    def inline(self, s, lang: str, text: str, markers: list[tuple[int, int, int | None]]) -> None:
        """一是…二是…三是 / Một là… hai là… ba là…: one group fact and one fact per item."""
        run: list[tuple[int, int, int]] = []
        for start, end, n in markers:
            if n == len(run) + 1:
                run.append((start, end, n))
        if len(run) < 2:
            return
        lead = text[: run[0][0]]
        lesson = adapter(lang).LESSON.search(lead)
        items = []
        for k, (_start, end, n) in enumerate(run):
            stop = run[k + 1][0] if k + 1 < len(run) else len(text)
            item = strip_punctuation(text[end:stop])
            items.append(item)
            self.add(
                kind="numbered_item",
                marker="inline",
                lang=lang,
                sentence=s.index,
                paragraph=s.paragraph,
                text=item,
                start=end,
                end=stop,
                subject=item,
                ordinal=n,
            )
        self.add(
            kind="lesson" if lesson else "enumeration",
            marker="inline",
            lang=lang,
            sentence=s.index,
            paragraph=s.paragraph,
            text=text,
            start=0,
            end=len(text),
            subject=strip_punctuation(re.split(r"[，,。.;；]", lead)[-1]) or None,
            items=items,
        )

    def counted(self, s, lang: str, text: str) -> None:
        """A list of counted items: 9省(市)、5个计划单列市和4个大城市 / 9 tỉnh…, 5 thành phố… và 4…

        Consecutive numbers joined only by list separators start the items.
        """
        ad = adapter(lang)
        nums = [
            (a, b)
            for a, b, _v, year in ad.numbers(text)
            if not year and any(c.isdigit() for c in text[a:b])
        ]
        seps = ad.COUNTED_SEPARATORS
        group: list[tuple[int, int]] = []
        groups = []
        for a, b in nums:
            if group:
                between = text[group[-1][1] : a].rstrip()
                if between.endswith(seps) and a - group[-1][0] <= ad.COUNTED_REACH:
                    group.append((a, b))
                    continue
                groups.append(group)
            group = [(a, b)]
        if group:
            groups.append(group)
        for group in groups:
            if len(group) < 2:
                continue
            items = []
            for k, (a, _b) in enumerate(group[:-1]):
                items.append(
                    strip_punctuation(
                        re.sub(
                            r"(?:\s*(?:và|和|与|以及|及))$",
                            "",
                            text[a : group[k + 1][0]].rstrip(" 、,;"),
                        )
                    )
                )
            a = group[-1][0]
            items.append(ad.last_item(text, a))
            end = text.find(items[-1], a) + len(items[-1])
            self.add(
                kind="enumeration",
                marker="counted",
                lang=lang,
                sentence=s.index,
                paragraph=s.paragraph,
                text=text[group[0][0] : end],
                start=group[0][0],
                end=end,
                items=items,
            )


# -- linking --------------------------------------------------------------------------------


def _pair_items(zh: list[str], vi: list[str]) -> tuple[list[Pair], bool]:
    """Items paired by position when the counts agree, else by shared readings and numbers."""
    if len(zh) == len(vi):
        return [Pair(z, v) for z, v in zip(zh, vi, strict=True)], True
    scores = []
    for a, z in enumerate(zh):
        zs = set(hanviet_folded(z)) | set(re.findall(r"\d+", z))
        for b, v in enumerate(vi):
            vs = set(fold(v).split()) | set(re.findall(r"\d+", v))
            scores.append((len(zs & vs) / max(1, len(zs)), a, b))
    used_z, used_v, pairs = set(), set(), {}
    for score, a, b in sorted(scores, reverse=True):
        if score > 0 and a not in used_z and b not in used_v:
            used_z.add(a)
            used_v.add(b)
            pairs[a] = b
    out = []
    for a, z in enumerate(zh):
        out.append(Pair(z, vi[pairs[a]] if a in pairs else None))
    out.extend(Pair(None, v) for b, v in enumerate(vi) if b not in used_v)
    return out, False


def find_facts(analysis: Analysis) -> None:
    """Fill analysis.facts (and add Problems for lists whose items do not line up)."""
    finder = _Finder(analysis)
    for s in analysis.sentences:
        for lang in (ZH, VI):
            if s.get(lang):
                finder.sentence(s, lang)
    bilingual = len(analysis.languages) == 2
    by_sentence: dict[int, list[_Raw]] = {}
    for raw in finder.raw:
        by_sentence.setdefault(raw.sentence, []).append(raw)
    facts: dict[str, Fact] = {}
    mentions: dict[tuple[int, str], list] = {}
    for m in analysis.mentions:
        mentions.setdefault((m.sentence, m.lang), []).append(m)
    sentences = {s.index: s for s in analysis.sentences}
    for index, raws in by_sentence.items():
        s = sentences[index]
        zh_raw = [r for r in raws if r.lang == ZH]
        vi_raw = [r for r in raws if r.lang == VI]
        used: set[int] = set()
        for z in zh_raw:
            match = next(
                (
                    k
                    for k, v in enumerate(vi_raw)
                    if k not in used
                    and v.kind == z.kind
                    and v.marker == z.marker
                    and (z.ordinal is None or v.ordinal == z.ordinal)
                ),
                None,
            )
            v = None
            if match is not None:
                used.add(match)
                v = vi_raw[match]
            _emit(facts, analysis, s, z, v, bilingual, mentions)
        for k, v in enumerate(vi_raw):
            if k not in used:
                _emit(facts, analysis, s, None, v, bilingual, mentions)
    _statements(analysis, facts, mentions)
    analysis.facts = sorted(facts.values(), key=lambda f: (f.paragraph, f.sentence or 0))
    for fact in analysis.facts:
        fact.anchors = _anchors(fact, mentions)


def _emit(facts, analysis, s, z: _Raw | None, v: _Raw | None, bilingual: bool, mentions) -> None:
    main = z or v
    only_in = None
    zh_text = z.text if z else None
    vi_text = v.text if v else None
    if bilingual and (z is None or v is None):
        other_text = s.vi if z else s.zh
        if (
            main.kind in ("definition", "example")
            and main.marker in ("def", "example")
            and other_text
        ):
            # Stated in both, just phrased differently in the other language.
            zh_text, vi_text = (z.text, other_text) if z else (other_text, v.text)
        else:
            only_in = main.lang
    items: list[Pair] = []
    if z and v:
        if main.marker == "counted" and len(z.items) == len(v.items):
            # The Vietnamese last item ends where its Chinese counterpart says.
            noun = re.sub(r"^[\d.]+\s*个?", "", z.items[-1])
            han = len(re.findall(r"[\u4e00-\u9fff]", re.split(r"[(（]", noun)[0])) or 3
            vi_last = vi_adapter.last_item(s.vi, s.vi.find(v.items[-1]), words=han)
            v.items[-1] = vi_last
        items, ok = _pair_items(z.items, v.items)
        if not ok:
            analysis.problems.append(
                Problem(
                    "enumeration_items",
                    f"A list has {len(z.items)} items in Chinese and {len(v.items)} in Vietnamese.",
                    paragraph=s.paragraph,
                    sentence=s.index,
                )
            )
    else:
        items = [Pair(i, None) if main.lang == ZH else Pair(None, i) for i in main.items]
    subject = None
    if (z and z.subject) or (v and v.subject):
        subject = Pair(z.subject if z else None, v.subject if v else None)
    terms = []
    for raw in (z, v):
        if raw is None:
            continue
        for m in mentions.get((s.index, raw.lang), []):
            if raw.start <= m.start and m.end <= raw.end and m.term not in terms:
                terms.append(m.term)
    key = short_hash(main.kind, norm_for_key(zh_text), norm_for_key(vi_text))
    if key in facts:
        return
    facts[key] = Fact(
        key=key,
        kind=main.kind,
        paragraph=s.paragraph,
        sentence=s.index,
        zh=zh_text,
        vi=vi_text,
        only_in=only_in,
        subject=subject,
        items=items,
        ordinal=main.ordinal,
        terms=terms,
    )


# -- statements and anchors -----------------------------------------------------------------


def _anchors(fact: Fact, mentions) -> list[Anchor]:
    """The terms the fact's sentence names in each language, with their spans; terms named in
    both languages first, then in order of appearance."""
    if fact.sentence is None:
        return []
    found: dict[str, Anchor] = {}
    order: dict[str, int] = {}
    for lang in (ZH, VI):
        if fact.only_in and fact.only_in != lang:
            continue
        for m in mentions.get((fact.sentence, lang), []):
            anchor = found.get(m.term)
            if anchor is None:
                kind = m.term.split(":", 1)[0]
                anchor = found[m.term] = Anchor(m.term, kind)
                order[m.term] = len(order)
            anchor.spans.setdefault(lang, []).append((m.start, m.end))
    return sorted(found.values(), key=lambda a: (not a.shared, order[a.term]))


def _statements(analysis: Analysis, facts: dict[str, Fact], mentions) -> None:
    """A "statement" fact for every sentence that names something checkable and that no
    glossary phrasing already made a fact of. A sentence present in one language only (or
    whose anchors the other language does not name) still states its fact there."""
    stated = {f.sentence for f in facts.values()}
    bilingual = len(analysis.languages) == 2
    for s in analysis.sentences:
        if s.index in stated:
            continue
        langs = [
            lang
            for lang in (ZH, VI)
            if s.get(lang)
            and adapter(lang).states_something(s.get(lang))
            and mentions.get((s.index, lang))
        ]
        if not langs:
            continue
        only_in = None
        if bilingual and not (s.zh and s.vi):
            only_in = ZH if s.zh else VI
        zh_text, vi_text = s.zh, s.vi
        key = short_hash("statement", norm_for_key(zh_text), norm_for_key(vi_text))
        if key in facts:
            continue
        terms = []
        for lang in langs:
            for m in mentions.get((s.index, lang), []):
                if m.term not in terms:
                    terms.append(m.term)
        facts[key] = Fact(
            key=key,
            kind="statement",
            paragraph=s.paragraph,
            sentence=s.index,
            zh=zh_text,
            vi=vi_text,
            only_in=only_in,
            terms=terms,
        )
