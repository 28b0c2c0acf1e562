"""Turn an Analysis into quiz questions in each language the document has.

Questions come from what the pipeline found, never from knowledge of a particular text: terms
(years, numbers, places, key terms) in the sentences that state facts give cloze, single-choice,
multiple-choice and true/false questions; enumerations and numbered items give ordering,
matching and choice questions; paired terms give translation and matching questions. Every
candidate goes through the quality checks and is dropped when it fails, so a document that
resists a question type simply yields fewer questions of it.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

from content.lang.adapters import adapter
from content.lang.model import ZH, Analysis, Fact, Term

from .distractors import Option, options_for
from .model import Dropped, GeneratedQuestion, GenerationReport
from .plan import Rules, is_short, plan
from .quality import find_problems
from .text import (
    BLANK,
    analysis_index,
    blank_spans,
    find_forms,
    first_clause,
    other,
    replace_spans,
    squash,
    strip_marker,
    target_spans,
    term_forms,
    term_name,
    term_value,
)

# Prompt wording per language; {…} are filled in by the builders.
TEXTS = {
    "zh": {
        "cloze": "填空：{stem}",
        "single_choice": "选择正确的一项填空：{stem}",
        "multi_blank": "选出所有应填入空格的选项（多选）：{stem}",
        "enumeration": "根据原文，下列哪些是“{subject}”所列的项？（多选）",
        "listed": "根据原文，这句话列举了下列哪些项？（多选）\n{stem}",
        "defined": "下面这句话说的是哪一项？\n{stem}",
        "true_false": "判断正误：{statement}",
        "translation": "“{term}”用越南语怎么说？",
        "matching_terms": "将下列中文名称与对应的越南语名称配对：",
        "matching_examples": "将下列各项与原文中对应的例子配对：",
        "ordering_items": "按原文的顺序排列{lead}的各项：",
        "ordering_list": "按原文列举的顺序排列下列各项：",
        "chronology": "按时间先后排列下列事件：",
        "numbered": "按原文的顺序，{lead}的第{n}项是哪一项？",
        "numbered_claim": "判断正误：按原文的顺序，{lead}的第{n}项是“{label}”。",
        "lead_default": "原文所列",
    },
    "vi": {
        "cloze": "Điền vào chỗ trống: {stem}",
        "single_choice": "Chọn đáp án đúng cho chỗ trống: {stem}",
        "multi_blank": "Chọn tất cả các đáp án điền vào chỗ trống (chọn nhiều): {stem}",
        "enumeration": "Theo bài, những mục nào được liệt kê trong “{subject}”? (chọn nhiều)",
        "listed": "Theo bài, câu sau liệt kê những mục nào? (chọn nhiều)\n{stem}",
        "defined": "Câu sau nói về mục nào?\n{stem}",
        "true_false": "Đúng hay sai: {statement}",
        "translation": "“{term}” trong tiếng Trung là gì?",
        "matching_terms": "Nối mỗi tên tiếng Việt với tên tiếng Trung tương ứng:",
        "matching_examples": "Nối mỗi mục với ví dụ tương ứng trong bài:",
        "ordering_items": "Sắp xếp các mục của {lead} theo thứ tự trong bài:",
        "ordering_list": "Sắp xếp các mục sau theo thứ tự được liệt kê trong bài:",
        "chronology": "Sắp xếp các sự kiện sau theo trình tự thời gian:",
        "numbered": "Theo thứ tự trong bài, mục thứ {n} của {lead} là mục nào?",
        "numbered_claim": (
            "Đúng hay sai: Theo thứ tự trong bài, mục thứ {n} của {lead} là “{label}”."
        ),
        "lead_default": "danh sách trong bài",
    },
}
TRUE_FALSE_PREFIX = {"zh": "判断正误：", "vi": "Đúng hay sai: "}
TRANSLATABLE_KINDS = ("place", "term", "organisation", "organization", "person", "quoted_term")
CHOICE_COUNT = 4  # options shown, the answer included


def question_key(fact: str, qtype: str, lang: str, targets: list[str]) -> str:
    """Stable identity of a question: what it asks about, never how it is worded, so an edit
    elsewhere in the document leaves it alone and a reworded fact keeps its questions."""
    raw = "\x1f".join([fact, qtype, lang, *sorted(targets)])
    return hashlib.sha1(raw.encode()).hexdigest()[:24]


def _shuffled(items: list, seed: str, avoid: list | None = None) -> list:
    """A deterministic shuffle seeded by the question key; never the given order when avoid is
    the correct order (an ordering question must not show its answer)."""
    rng = random.Random(seed)
    out = list(items)
    for _ in range(10):
        rng.shuffle(out)
        if avoid is None or out != list(avoid) or len(set(map(str, out))) < 2:
            break
    if avoid is not None and out == list(avoid) and len(out) > 1:
        out = out[1:] + out[:1]
    return out


def _recounted(item: str, lang: str) -> list[str]:
    """The item with its one number doubled or halved, written as the item writes it."""
    tokens = re.findall(r"\d+(?:[.,]\d+)*", item)
    if len(tokens) != 1:
        return []
    token = tokens[0]
    digits = token.replace(".", "").replace(",", "") if lang == "vi" or "," in token else token
    try:
        value = float(digits) if lang != "vi" else float(token.replace(".", "").replace(",", "."))
    except ValueError:
        return []
    out = []
    for candidate in (value * 2, value / 2 if value >= 4 else value + 2):
        candidate = round(candidate) if candidate >= 10 else round(candidate, 1)
        text = adapter(lang).format_number(candidate, token)
        out.append(item.replace(token, text, 1))
    return out


def _alike(a: str, b: str) -> bool:
    """Two phrasings close enough that one may mean the other (shared character pairs)."""
    pairs_a = {a[i : i + 2] for i in range(len(squash(a)) - 1)}
    pairs_b = {b[i : i + 2] for i in range(len(squash(b)) - 1)}
    if not pairs_a or not pairs_b:
        return False
    return len(pairs_a & pairs_b) / min(len(pairs_a), len(pairs_b)) > 0.6


@dataclass
class _Slot:
    """A term blanked in a sentence: the spans and the answer that fills each of them."""

    term: Term
    spans: list[tuple[int, int]]
    answer: str


class _Generator:
    def __init__(self, analysis: Analysis) -> None:
        self.a = analysis
        self.terms = {t.key: t for t in analysis.terms}
        self.sentences = {s.index: s for s in analysis.sentences}
        self.out: dict[str, GeneratedQuestion] = {}
        self.seen: set[tuple] = set()
        self.rules = Rules(analysis)
        self.facts = {f.key: f for f in analysis.facts}
        self.dropped: list[Dropped] = []
        self.rejected: set[str] = set()

    # -- plumbing ---------------------------------------------------------------------------

    def sources(self, fact: Fact, lang: str) -> tuple[str | None, str | None]:
        """The sentence stating the fact in lang and its aligned sentence in the other language."""
        sentence = self.sentences.get(fact.sentence) if fact.sentence is not None else None
        if sentence is not None:
            here, there = sentence.get(lang), sentence.get(other(lang))
        else:
            here, there = fact.get(lang), fact.get(other(lang))
        if there is None and other(lang) in self.a.languages:
            there = fact.get(other(lang)) or ""
        return here, there

    def reject(self, q: GeneratedQuestion, reason: str, detail: str = "") -> bool:
        """Record a candidate the planner does not keep, once."""
        if q.key not in self.rejected:
            self.rejected.add(q.key)
            fact = self.facts.get(q.fact)
            sentence = fact.sentence if fact else None
            self.dropped.append(Dropped(reason, q.language, q.type, sentence, q.fact, detail))
        return False

    def add(self, q: GeneratedQuestion, dedupe: tuple | None = None) -> bool:
        if q.key in self.out:
            return False
        if dedupe is not None and dedupe in self.seen:
            return self.reject(q, "duplicate", " ".join(map(str, dedupe)))
        fact = self.facts.get(q.fact)
        found = self.rules.check(q, fact.sentence if fact else None)
        if found:
            return self.reject(q, *found)
        problems = find_problems(q, self.a)
        if problems:
            return self.reject(q, "quality", "; ".join(problems)[:200])
        self.out[q.key] = q
        if dedupe is not None:
            self.seen.add(dedupe)
        return True

    def make(self, fact: Fact, qtype: str, lang: str, targets: list[str], **fields):
        here, there = self.sources(fact, lang)
        key = question_key(fact.key, qtype, lang, targets)
        return GeneratedQuestion(
            key=key,
            type=qtype,
            language=lang,
            fact=fact.key,
            targets=list(targets),
            source=fields.pop("source", None) or here or fact.get(lang) or "",
            source_translation=fields.pop("source_translation", None) or there,
            **fields,
        )

    def fact_terms(self, fact: Fact, lang: str, text: str) -> list[Term]:
        """The terms the fact mentions in this language, in order of appearance."""
        keys = list(fact.terms)
        keys += [
            key
            for key in analysis_index(self.a).terms_in.get((fact.sentence, lang), [])
            if key not in keys
        ]
        found = []
        for key in keys:
            term = self.terms.get(key)
            if term is None:
                continue
            spans = find_forms(text, term_forms(term, lang, self.a))
            if spans:
                found.append((spans[0][0], term))
        return [t for _, t in sorted(found, key=lambda pair: pair[0])]

    def slot(self, text: str, term: Term, lang: str) -> _Slot | None:
        found = target_spans(text, term, lang, self.a)
        if found is None:
            return None
        spans, answer = found
        # A blank never cuts a word: widen to the whole word, or ask nothing of this one.
        whole = [adapter(lang).whole_words(text, a, b) for a, b in spans]
        if any(w is None for w in whole):
            return None
        if whole != spans:
            surfaces = {text[a:b] for a, b in whole}
            if len(surfaces) != 1:
                return None
            spans, answer = whole, surfaces.pop()
        return _Slot(term, spans, answer)

    def choices(self, fact, slot, lang, stem_text, seed, exclude=frozenset()) -> list[Option]:
        here, there = self.sources(fact, lang)
        contexts = [(stem_text[:s], stem_text[e:]) for s, e in slot.spans]
        return options_for(
            self.a,
            slot.term,
            slot.answer,
            lang,
            [here or "", there or "", fact.get(lang) or ""],
            contexts,
            seed,
            CHOICE_COUNT - 1,
            exclude,
        )

    # -- term questions: cloze, single choice, true/false, multi-blank ------------------------

    def term_questions(self, fact: Fact, lang: str) -> None:
        text, _ = self.sources(fact, lang)
        if not text:
            return
        terms = self.fact_terms(fact, lang, text)
        slots = [s for t in terms if (s := self.slot(text, t, lang))]
        for slot in slots:
            targets = [slot.term.key]
            stem = blank_spans(text, slot.spans)
            dedupe = (lang, fact.sentence if fact.sentence is not None else fact.key, slot.term.key)
            cloze = self.make(
                fact,
                "cloze",
                lang,
                targets,
                prompt=TEXTS[lang]["cloze"].format(stem=stem),
                answer=slot.answer,
            )
            self.add(cloze, ("cloze", *dedupe))
            options = self.choices(fact, slot, lang, text, cloze.key)
            if len(options) >= 2:
                q = self.make(
                    fact,
                    "single_choice",
                    lang,
                    targets,
                    prompt=TEXTS[lang]["single_choice"].format(stem=stem),
                    answer=slot.answer,
                    choices=_shuffled([slot.answer] + [o.text for o in options], cloze.key),
                )
                self.add(q, ("single_choice", *dedupe))
                # Not always the first option: the same false name everywhere would teach it.
                swap = random.Random(cloze.key + "false").choice(options)
                self.false_statement(fact, lang, text, slot, swap, dedupe)
        if slots:
            statement = TEXTS[lang]["true_false"].format(statement=text.strip())
            q = self.make(fact, "true_false", lang, [], prompt=statement, answer=True)
            self.add(q, ("true", lang, fact.sentence if fact.sentence is not None else fact.key))
        self.multi_blank(fact, lang, text, slots)

    def false_statement(self, fact, lang, text, slot: _Slot, option: Option, dedupe) -> None:
        """The sentence with the target swapped for a wrong value of the same kind. The option
        never shows in the sentence or its translation, so the swap cannot be true of another
        slot; the quality check also refuses a statement the document makes elsewhere."""
        statement = replace_spans(text, slot.spans, option.text)
        q = self.make(
            fact,
            "true_false",
            lang,
            [slot.term.key],
            prompt=TEXTS[lang]["true_false"].format(statement=statement.strip()),
            answer=False,
        )
        self.add(q, ("false", *dedupe))

    def multi_blank(self, fact: Fact, lang: str, text: str, slots: list[_Slot]) -> None:
        """Several terms of one kind blanked at once ("select all"): never asked, one choice
        per blank asks the same and reads better; recorded so the report says why."""
        groups: dict[tuple, list[_Slot]] = {}
        for slot in slots:
            level = slot.term.level if slot.term.kind == "place" else None
            groups.setdefault((slot.term.kind, level), []).append(slot)
        for group in groups.values():
            answers = list(dict.fromkeys(s.answer for s in group))
            if len(answers) < 2:
                continue
            targets = [s.term.key for s in group]
            spans = sorted(span for s in group for span in s.spans)
            q = self.make(
                fact,
                "multiple_choice",
                lang,
                targets,
                prompt=TEXTS[lang]["multi_blank"].format(stem=blank_spans(text, spans)),
                answer=answers,
            )
            self.reject(q, "select_all_blanks", ", ".join(targets))

    # -- enumerations --------------------------------------------------------------------------

    def enumeration_questions(self, fact: Fact, lang: str) -> None:
        items = [i.get(lang) for i in fact.items]
        if len(items) < 2 or not all(items):
            return
        text, _ = self.sources(fact, lang)
        item_keys = [self.item_key(i) for i in fact.items]
        if len(items) >= 3 and len({squash(i) for i in items}) == len(items):
            labels = [first_clause(strip_marker(i), 2) for i in items]
            key = question_key(fact.key, "ordering", lang, item_keys)
            q = self.make(
                fact,
                "ordering",
                lang,
                item_keys,
                prompt=TEXTS[lang]["ordering_list"],
                answer=labels,
                choices=_shuffled(labels, key, avoid=labels),
            )
            # A list the text neither numbers nor sequences has no order to learn; one it
            # numbers (一是…二是…, Một là… hai là…) has.
            numbered = fact.kind == "lesson" or any(
                f.sentence == fact.sentence and f.ordinal is not None for f in self.a.facts
            )
            if numbered:
                self.add(q)
            else:
                self.reject(q, "unsequenced_order")
        # Each item blanked in its sentence, unless it is a term (term questions cover those).
        if text:
            for item, item_key in zip(items, item_keys, strict=True):
                if item_key in self.terms:
                    continue
                spans = find_forms(text, [item])
                if not spans:
                    continue
                stem = blank_spans(text, spans)
                answer = text[spans[0][0] : spans[0][1]]
                q = self.make(
                    fact,
                    "cloze",
                    lang,
                    [item_key],
                    prompt=TEXTS[lang]["cloze"].format(stem=stem),
                    answer=answer,
                )
                if is_short(answer):
                    self.add(q)
                    continue
                # Too long to type: a choice among items other lists of the text give.
                wrong = self.other_items(fact, lang, answer, text)
                if len(wrong) < 2:
                    self.reject(q, "long_typed", answer[:40])
                    continue
                self.add(
                    self.make(
                        fact,
                        "single_choice",
                        lang,
                        [item_key],
                        prompt=TEXTS[lang]["single_choice"].format(stem=stem),
                        answer=answer,
                        choices=_shuffled([answer] + wrong, q.key),
                    )
                )
        self.enumeration_choice(fact, lang, items, item_keys, text)

    def item_key(self, item) -> str:
        """The term an enumeration item is, else a key from its text (items have no key)."""
        for term in self.a.terms:
            for lang in (ZH, "vi"):
                if (
                    item.get(lang)
                    and term.get(lang)
                    and squash(item.get(lang)) == squash(term.get(lang))
                ):
                    return term.key
        return "item:" + squash(item.zh or item.vi or "")

    def other_items(self, fact: Fact, lang: str, answer: str, text: str) -> list[str]:
        """Wrong options for a list item: items of the document's other lists (and its
        numbered items' labels), none visible in the sentence or its translation, closest in
        length first."""
        here, there = self.sources(fact, lang)
        seen = {squash(answer)}
        ranked = []
        # A numbered run as long as this list is most likely the list told again item by
        # item (具体有：A、B、C, then 其一…其二…其三…): its labels would be true here.
        retold = {
            f.key
            for group in self.numbered_groups()
            if len(group) == len(fact.items)
            for f in group
        }
        for other_fact in self.a.facts:
            if other_fact.key == fact.key or other_fact.sentence == fact.sentence:
                continue
            pool = [i.get(lang) for i in other_fact.items]
            if other_fact.ordinal is not None and other_fact.key not in retold:
                pool.append(self.label(other_fact, lang))
            for item in pool:
                if not item or squash(item) in seen:
                    continue
                if any(t and find_forms(t, [item]) for t in (here, there, text)):
                    continue
                if any(_alike(item, shown) for shown in (answer, *self.items_of(fact, lang))):
                    continue  # a rewording of a true item would be true as well
                seen.add(squash(item))
                ranked.append((abs(len(item) - len(answer)), item))
        ranked.sort()
        return [item for _, item in ranked[: CHOICE_COUNT - 1]]

    def items_of(self, fact: Fact, lang: str) -> list[str]:
        """Every list item and numbered label of the fact's sentence, in lang."""
        out = []
        for f in self.a.facts:
            if f.sentence == fact.sentence:
                out += [i.get(lang) for i in f.items if i.get(lang)]
                if f.subject and f.subject.get(lang):
                    out.append(f.subject.get(lang))
        return out

    def enumeration_choice(self, fact, lang, items, item_keys, text) -> None:
        """Which of these does the text list: the items among places of the same level (for a
        list of places) or among items of the document's other lists."""
        terms = [self.terms.get(k) for k in item_keys]
        key = question_key(fact.key, "multiple_choice", lang, item_keys)
        here, there = self.sources(fact, lang)
        wrong: list[str] = []
        if all(t is not None and t.kind == "place" for t in terms):
            for term, item in zip(terms, items, strict=True):
                for option in options_for(
                    self.a,
                    term,
                    item,
                    lang,
                    [here or "", there or "", fact.get(lang) or ""],
                    [],
                    key + term.key,
                    2,
                    frozenset(t.zh for t in terms if t.zh),
                ):
                    if squash(option.text) not in {squash(x) for x in items + wrong}:
                        wrong.append(option.text)
        else:
            for item in items:
                for option in self.other_items(fact, lang, item, text or ""):
                    if squash(option) not in {squash(x) for x in items + wrong}:
                        wrong.append(option)
            if len(wrong) < 2:
                # Counted items (40个大项, 5.000 vận động viên) with another count: the class
                # and grammar of the key, and false of this text.
                here, there = self.sources(fact, lang)
                for item in items:
                    for option in _recounted(item, lang):
                        if squash(option) in {squash(x) for x in items + wrong}:
                            continue
                        if any(t and find_forms(t, [option]) for t in (here, there)):
                            continue
                        wrong.append(option)
                        break
        wrong = wrong[:3]
        subject = fact.subject.get(lang) if fact.subject else None
        stem = None
        if text:
            spans = find_forms(text, items)
            if len(spans) >= len(items):
                stem = blank_spans(text, spans)
        if stem:
            prompt = TEXTS[lang]["listed"].format(stem=stem)
        else:
            prompt = TEXTS[lang]["enumeration"].format(
                subject=subject or TEXTS[lang]["lead_default"]
            )
        # The numbers inside items (9省, 5个计划单列市) are asked by this question too.
        inside = [
            m.term
            for m in self.rules.in_sentence.get((fact.sentence, lang), [])
            if m.term not in item_keys
            and any(
                m.text in item
                for item, k in zip(items, item_keys, strict=True)
                if k not in self.terms
            )
        ]
        q = self.make(
            fact,
            "multiple_choice",
            lang,
            item_keys + list(dict.fromkeys(inside)),
            prompt=prompt,
            answer=list(items),
            choices=_shuffled(list(items) + wrong, key),
        )
        q.key = key
        if len(wrong) < 2:
            self.reject(q, "no_distractors")
            return
        self.add(q, ("multi", lang, fact.sentence, tuple(sorted(item_keys))))

    # -- definitions --------------------------------------------------------------------------

    def definition_question(self, fact: Fact, lang: str) -> None:
        """What a definition defines, chosen among the other things the text defines or
        numbers: the subject is blanked where the sentence names it."""
        subject = fact.subject.get(lang) if fact.subject else None
        text, _ = self.sources(fact, lang)
        if fact.kind != "definition" or not subject or not text:
            return
        answer = strip_marker(subject).rstrip("。.")
        seen = {squash(answer)}
        wrong = []
        for other_fact in self.a.facts:
            if other_fact.kind not in ("definition", "numbered_item") or not other_fact.subject:
                continue
            option = other_fact.subject.get(lang)
            option = strip_marker(option).rstrip("。.") if option else None
            if not option or squash(option) in seen or find_forms(text, [option]):
                continue
            seen.add(squash(option))
            wrong.append(option)
        spans = find_forms(text, [subject, answer])
        stem = blank_spans(text, spans) if spans else text
        target = "defined:" + squash(fact.subject.zh or fact.subject.vi or "")
        key = question_key(fact.key, "single_choice", lang, [target])
        q = self.make(
            fact,
            "single_choice",
            lang,
            [target],
            prompt=TEXTS[lang]["defined"].format(stem=stem.strip()),
            answer=answer,
            choices=_shuffled([answer] + wrong[: CHOICE_COUNT - 1], key),
        )
        if len(wrong) >= 2:
            self.add(q)
            return
        if spans and is_short(answer):
            # Nothing else the text defines to choose from: the subject blanked in its sentence.
            cloze = self.make(
                fact,
                "cloze",
                lang,
                [target],
                prompt=TEXTS[lang]["cloze"].format(stem=stem.strip()),
                answer=text[spans[0][0] : spans[0][1]],
            )
            self.add(cloze, ("cloze", lang, fact.sentence, target))
            return
        self.reject(q, "no_distractors")

    # -- numbered items (models, lessons) ------------------------------------------------------

    def numbered_groups(self) -> list[list[Fact]]:
        """Runs of facts of one kind numbered 1, 2, 3 …, in document order."""
        groups: list[list[Fact]] = []
        for fact in self.a.facts:
            if fact.ordinal is None:
                continue
            last = groups[-1][-1] if groups else None
            if last is not None and last.kind == fact.kind and fact.ordinal == last.ordinal + 1:
                groups[-1].append(fact)
            else:
                groups.append([fact])
        return [g for g in groups if len(g) >= 2]

    def label(self, fact: Fact, lang: str) -> str | None:
        if fact.subject and fact.subject.get(lang):
            return strip_marker(fact.subject.get(lang)).rstrip("。.")
        text = fact.get(lang)
        return first_clause(strip_marker(text)) if text else None

    def lead(self, group: list[Fact], lang: str) -> str:
        """How the group is introduced: the words before the first item in its sentence
        (在扶贫开发实践中，形成了一些成功的经验), else a neutral phrase."""
        first = group[0]
        text, _ = self.sources(first, lang)
        body = first.get(lang) or ""
        if text and body and squash(body) and text.find(body) > 0:
            head = text[: text.find(body)].strip()
            # The first item's marker (一是, Một là) sits between the lead and the item.
            head = (
                re.sub(
                    r"([一二三四五六七八九十]+是|其[一二三四五六七八九十]+|第[一二三四五六七八九十]+"
                    r"|(một|hai|ba|bốn|năm) là|thứ nhất)\s*$",
                    "",
                    head,
                    flags=re.IGNORECASE,
                )
                .strip()
                .rstrip("：:，,")
            )
            head = first_clause(head[::-1], 4)[::-1] if len(head) > 60 else head
            if len(squash(head)) >= 4:
                return f"“{head}”"
        return TEXTS[lang]["lead_default"]

    def numbered_questions(self, group: list[Fact], lang: str) -> None:
        labels = [self.label(f, lang) for f in group]
        if not all(labels) or len({squash(x) for x in labels}) != len(labels):
            return
        lead = self.lead(group, lang)
        targets = [f"ordinal:{f.ordinal}" for f in group]
        first = group[0]
        key = question_key(first.key, "ordering", lang, targets)
        self.add(
            self.make(
                first,
                "ordering",
                lang,
                targets,
                prompt=TEXTS[lang]["ordering_items"].format(lead=lead),
                answer=labels,
                choices=_shuffled(labels, key, avoid=labels),
            )
        )
        for index, fact in enumerate(group):
            n = fact.ordinal
            key = question_key(fact.key, "single_choice", lang, [f"ordinal:{n}"])
            if len(group) >= 3:
                wrong = [x for x in labels if x != labels[index]][: CHOICE_COUNT - 1]
                q = self.make(
                    fact,
                    "single_choice",
                    lang,
                    [f"ordinal:{n}"],
                    prompt=TEXTS[lang]["numbered"].format(lead=lead, n=n),
                    answer=labels[index],
                    choices=_shuffled([labels[index]] + wrong, key),
                )
                self.add(q)
            # Odd positions get the true claim, even ones a neighbour's label: both kinds occur.
            claimed = labels[index] if n % 2 else labels[(index + 1) % len(labels)]
            q = self.make(
                fact,
                "true_false",
                lang,
                [f"ordinal:{n}"],
                prompt=TEXTS[lang]["numbered_claim"].format(lead=lead, n=n, label=claimed),
                answer=claimed == labels[index],
            )
            self.add(q)
        self.example_matching(group, labels, lang)

    def example_matching(self, group: list[Fact], labels: list[str], lang: str) -> None:
        """Each numbered item with the example given in its paragraph (model ↔ example)."""
        pairs = []
        for fact, label in zip(group, labels, strict=True):
            example = next(
                (
                    f
                    for f in self.a.facts
                    if f.kind == "example" and f.paragraph == fact.paragraph and f.get(lang)
                ),
                None,
            )
            if example is None:
                continue
            pairs.append([label, first_clause(strip_marker(example.get(lang)), 12)])
        if len(pairs) < 2 or len({squash(r) for _, r in pairs}) != len(pairs):
            return
        targets = [f"example:{f.ordinal}" for f in group]
        self.matching(group[0], lang, targets, pairs, TEXTS[lang]["matching_examples"])

    def matching(self, fact: Fact, lang: str, targets: list[str], pairs: list, lead: str) -> None:
        """A matching question: the left items numbered in the prompt, the right ones shuffled."""
        key = question_key(fact.key, "matching", lang, targets)
        lefts = "\n".join(f"{i}. {left}" for i, (left, _) in enumerate(pairs, 1))
        rights = [r for _, r in pairs]
        q = self.make(
            fact,
            "matching",
            lang,
            targets,
            prompt=lead + "\n" + lefts,
            answer=pairs,
            choices=_shuffled(rights, key, avoid=rights),
        )
        self.add(q)

    # -- whole-document questions: translation, term matching, chronology -----------------------

    def home_fact(self, term: Term, lang: str) -> Fact | None:
        """The first fact that mentions the term, preferring one that shows it in lang."""
        mentioned = [f for f in self.a.facts if term.key in f.terms]
        sentences = set(analysis_index(self.a).sentences_of.get(term.key, []))
        chosen = {id(f) for f in mentioned}
        mentioned += [f for f in self.a.facts if f.sentence in sentences and id(f) not in chosen]
        for fact in mentioned:
            text, _ = self.sources(fact, lang)
            if text and find_forms(text, term_forms(term, lang, self.a)):
                return fact
        return mentioned[0] if mentioned else None

    def translatable(self) -> list[Term]:
        return [
            t
            for t in self.a.terms
            if t.kind in TRANSLATABLE_KINDS
            and (zh := term_name(t, ZH))
            and (vi := term_name(t, "vi"))
            and squash(zh) != squash(vi)
        ]

    def translation_questions(self, lang: str) -> None:
        for term in self.translatable():
            fact = self.home_fact(term, lang)
            if fact is None:
                continue
            q = self.make(
                fact,
                "translation",
                lang,
                [term.key],
                prompt=TEXTS[lang]["translation"].format(term=term_name(term, lang)),
                answer=term_name(term, other(lang)),
            )
            self.add(q)

    def term_matching(self, lang: str) -> None:
        terms = [t for t in self.translatable() if self.home_fact(t, lang)]
        chunks = [terms[i : i + 4] for i in range(0, len(terms), 4)]
        if len(chunks) > 1 and len(chunks[-1]) < 3:
            last = chunks.pop()
            chunks[-1] += last
        for chunk in chunks:
            if len(chunk) < 3:
                continue
            pairs = [[term_name(t, lang), term_name(t, other(lang))] for t in chunk]
            targets = [t.key for t in chunk]
            fact = self.home_fact(chunk[0], lang)
            self.matching(fact, lang, targets, pairs, TEXTS[lang]["matching_terms"])

    def chronology(self, lang: str) -> None:
        """Events ordered by their year, the years blanked out of the items."""
        years = [t for t in self.a.terms if t.kind == "year" and term_value(t) is not None]
        events: dict[int, tuple[Fact, str]] = {}
        for fact in self.a.facts:
            text, _ = self.sources(fact, lang)
            if not text:
                continue
            found = [t for t in years if find_forms(text, term_forms(t, lang))]
            if not found:
                continue
            first_year = min(term_value(t) for t in found)
            if first_year in events:
                continue
            spans = find_forms(text, [f for t in found for f in term_forms(t, lang)])
            events[first_year] = (fact, strip_marker(blank_spans(text, spans)))
        if len(events) < 2:
            return
        ordered = [events[y] for y in sorted(events)]
        items = [item for _, item in ordered]
        if len({squash(i) for i in items}) != len(items):
            return
        targets = [t.key for t in years]
        first = ordered[0][0]
        key = question_key(first.key, "ordering", lang, ["chronology", *targets])
        q = self.make(
            first,
            "ordering",
            lang,
            ["chronology", *targets],
            prompt=TEXTS[lang]["chronology"],
            answer=items,
            choices=_shuffled(items, key, avoid=items),
        )
        self.add(q)

    # -- all together --------------------------------------------------------------------------

    def run(self) -> GenerationReport:
        groups = self.numbered_groups()
        for lang in self.a.languages:
            for fact in self.a.facts:
                self.term_questions(fact, lang)
                self.enumeration_questions(fact, lang)
                self.definition_question(fact, lang)
            for group in groups:
                self.numbered_questions(group, lang)
            self.translation_questions(lang)
            self.term_matching(lang)
            self.chronology(lang)
        kept, capped = plan(
            list(self.out.values()),
            {f.key: f.sentence for f in self.a.facts},
            self.list_targets(),
            {f.key: i for i, f in enumerate(self.a.facts)},
            self.headline_terms(),
        )
        return GenerationReport(questions=kept, dropped=self.dropped + capped)

    def headline_terms(self) -> set[str]:
        """The keys of the terms the document's title names, in either language: a learner
        reads them in the headline, so a sentence that cannot ask for everything asks for
        them last."""
        out: set[str] = set()
        for lang in self.a.languages:
            title = self.a.title.get(lang) if self.a.title else None
            if not title:
                continue
            for key, term in self.terms.items():
                if find_forms(title, term_forms(term, lang, self.a)):
                    out.add(key)
        return out

    def list_targets(self) -> dict[tuple[str, int], set[str]]:
        """The item keys of every list of three or more items, per language and sentence."""
        out: dict[tuple[str, int], set[str]] = {}
        for fact in self.a.facts:
            if fact.sentence is None or len(fact.items) < 3:
                continue
            for lang in self.a.languages:
                keys = {self.item_key(i) for i in fact.items if i.get(lang)}
                out.setdefault((lang, fact.sentence), set()).update(keys)
        return out


def generate_report(analysis: Analysis) -> GenerationReport:
    """The questions in every language of the document, and the candidates dropped on the way
    with their reason (quizzes/generation/plan.py lists the codes)."""
    return _Generator(analysis).run()


def generate(analysis: Analysis) -> list[GeneratedQuestion]:
    """Questions in every language of the document; each passes quality.find_problems."""
    return generate_report(analysis).questions


__all__ = ["BLANK", "generate", "generate_report", "question_key"]
