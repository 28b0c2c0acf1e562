"""The question planner: coverage first, then variants, and every dropped candidate with its
reason.

Every fact first gets its best question (a single choice or cloze on a number, date or name, a
true/false made false by a same-class substitution); the other targets of its sentence come
next; then variants of other types; at most `PER_SENTENCE` questions per sentence and language
besides translation and matching. A list sentence gives one "which of these does the text
list" question and at most `LIST_BLANKS` blanks.

Reason codes of `Dropped.reason` (stable: the teacher's report translates them):

- ``trivial_target``: asks for the country the whole text is about, a capital named as such
  (首都北京, thủ đô Hà Nội), an honorific, or a unit or currency standing after a number
  (1,25 tỷ USD);
- ``count_in_prompt``: blanks a count whose items stand in the same prompt (两地 after
  乌兰察布市、赤峰市);
- ``long_typed``: a typed blank longer than a short phrase (asked as a choice instead, when the
  document gives distractors);
- ``select_all_blanks``: "select all" over several different blanks (one choice per blank
  instead);
- ``unsequenced_order``: ordering items the text neither numbers nor sequences;
- ``list_blanks``: a third blank in one list sentence;
- ``per_sentence_cap``: beyond the questions one sentence may give in one language;
- ``duplicate``: the same target already asked in that sentence with that type;
- ``no_distractors``: a choice question for which the document and the gazetteer give too few
  wrong options of the key's class;
- ``quality``: failed a quality check (a leak, repeated options…; the detail says which).
"""

from __future__ import annotations

from content.lang import numbers
from content.lang.adapters import adapter
from content.lang.model import Analysis, Term

from .model import Dropped, GeneratedQuestion
from .text import find_forms, has_cjk, term_forms, term_value

PER_SENTENCE = 6
LIST_BLANKS = 2
FREE_TYPES = ("translation", "matching")
CHECKABLE_FIRST = (
    "number",
    "year",
    "date",
    "percent",
    "place",
    "person",
    "item",
)  # not counted against a sentence's questions
NAME_KINDS = ("place", "person", "organisation", "organization", "term", "quoted_term", "work")
REASONS = (
    "trivial_target",
    "count_in_prompt",
    "long_typed",
    "select_all_blanks",
    "unsequenced_order",
    "list_blanks",
    "per_sentence_cap",
    "duplicate",
    "no_distractors",
    "quality",
)

# The preferred type for a fact's first question; later ones are variants.
_BEST = {"single_choice": 0, "cloze": 1, "true_false": 2, "multiple_choice": 3, "ordering": 4}

# Countries that a whole text can be "about"; the gazetteer, when present, knows more.
_COUNTRIES = {
    "中国", "中华人民共和国", "越南", "越南社会主义共和国", "Trung Quốc", "Việt Nam",
}  # fmt: skip


def is_short(answer: str) -> bool:
    """A typed answer a learner can be expected to type: a short phrase."""
    return adapter("zh" if has_cjk(answer) else "vi").short_answer(answer)


def _is_country(term: Term) -> bool:
    if term.kind != "place":
        return False
    if term.level == "country" or term.zh in _COUNTRIES or term.vi in _COUNTRIES:
        return True
    try:  # the gazetteer is optional: another branch ships it
        from content.lang import gazetteer  # type: ignore[attr-defined]
    except ImportError:
        return False
    lookup = getattr(gazetteer, "lookup", None)
    for lang in ("zh", "vi"):
        name = term.get(lang)
        if lookup and name:
            try:
                found = lookup(name, lang)
            except (TypeError, ValueError, LookupError):
                return False
            if found:
                return getattr(found[0], "cls", None) == "country"
    return False


class Rules:
    """The drop rules that look at one candidate, computed against the analysis."""

    def __init__(self, analysis: Analysis) -> None:
        self.a = analysis
        self.terms = {t.key: t for t in analysis.terms}
        self.sentences = {s.index: s for s in analysis.sentences}
        # mentions by (sentence, language) and by term: each check reads a few, not all
        self.in_sentence: dict[tuple, list] = {}
        self.of_term: dict[str, list] = {}
        for m in analysis.mentions:
            self.in_sentence.setdefault((m.sentence, m.lang), []).append(m)
            self.of_term.setdefault(m.term, []).append(m)
        self.trivial_terms = self._trivial_terms()

    def _trivial_terms(self) -> dict[str, str]:
        out: dict[str, str] = {}
        total = max(1, len(self.a.sentences))
        for term in self.a.terms:
            if any(adapter(lang).is_honorific(term.get(lang) or "") for lang in ("zh", "vi")):
                out[term.key] = "honorific"
                continue
            if term.kind not in NUMERIC and _is_unit(term):
                # "1,25 tỷ USD": the currency or measure after a number is no name to ask for
                out[term.key] = "a unit of measure or currency"
                continue
            if _is_country(term):
                named = {m.sentence for m in self.of_term.get(term.key, [])}
                in_title = any(
                    t and find_forms(t, term_forms(term, lang))
                    for lang, t in (("zh", self.a.title.zh), ("vi", self.a.title.vi))
                )
                if in_title or len(named) >= 0.3 * total:
                    out[term.key] = "the country the text is about"
        return out

    def exempt(self, key: str, lang: str) -> bool:
        """Whether no question may ask for the term in lang: it is trivial, or every sentence
        naming it names it as a capital or as a count of items the sentence lists."""
        if key in self.trivial_terms:
            return True
        sentences = {m.sentence for m in self.of_term.get(key, []) if m.lang == lang}
        return bool(sentences) and all(
            self._named_as_capital(key, lang, s) or self._count_in_prompt(key, lang, s)
            for s in sentences
        )

    def check(self, q: GeneratedQuestion, sentence: int | None) -> tuple[str, str] | None:
        """(reason, detail) when the candidate must be dropped whatever else is asked."""
        if q.type in ("cloze", "single_choice", "true_false", "multiple_choice"):
            for key in q.targets:
                if key in self.trivial_terms:
                    return "trivial_target", f"{key}: {self.trivial_terms[key]}"
                if self._named_as_capital(key, q.language, sentence):
                    return "trivial_target", f"{key}: a capital named as such"
                if self._count_in_prompt(key, q.language, sentence):
                    return "count_in_prompt", key
        if q.type == "cloze" and isinstance(q.answer, str) and not is_short(q.answer):
            return "long_typed", q.answer[:40]
        return None

    def _text(self, lang: str, sentence: int | None) -> str:
        s = self.sentences.get(sentence) if sentence is not None else None
        return (s.get(lang) or "") if s else ""

    def _spans(self, key: str, lang: str, sentence: int | None) -> list[tuple[int, int]]:
        return [
            (m.start, m.end) for m in self.in_sentence.get((sentence, lang), []) if m.term == key
        ]

    def _named_as_capital(self, key: str, lang: str, sentence: int | None) -> bool:
        term = self.terms.get(key)
        if term is None or term.kind != "place":
            return False
        text = self._text(lang, sentence)
        return any(
            adapter(lang).named_as_capital(text, a, b) for a, b in self._spans(key, lang, sentence)
        )

    def _count_in_prompt(self, key: str, lang: str, sentence: int | None) -> bool:
        """A small count (2–12) next to a list of that many names (乌兰察布市、赤峰市两地, hai
        thành phố Ulanqab và Xích Phong): the list answers it."""
        term = self.terms.get(key)
        value = term_value(term) if term is not None and term.kind == "number" else None
        if value is None or not 2 <= value <= 12:
            return False
        text = self._text(lang, sentence)
        names = sorted(
            (m.start, m.end)
            for m in self.in_sentence.get((sentence, lang), [])
            if (t := self.terms.get(m.term)) is not None and t.kind in NAME_KINDS
        )
        groups: list[list[tuple[int, int]]] = []
        for start, end in names:
            if groups and adapter(lang).joins_list(text[groups[-1][-1][1] : start]):
                groups[-1].append((start, end))
            else:
                groups.append([(start, end)])
        for a, b in self._spans(key, lang, sentence):
            for group in groups:
                if len(group) != value:
                    continue
                gap = text[group[-1][1] : a] if group[-1][1] <= a else text[b : group[0][0]]
                if adapter(lang).next_to(gap):
                    return True
        return False


def _checkable(q: GeneratedQuestion, covered: set[str]) -> bool:
    """Whether the question asks for a number, year, date or place not yet asked: these come
    before key terms when a sentence cannot ask for everything."""
    return any(t.split(":", 1)[0] in CHECKABLE_FIRST for t in _asks(q) if t not in covered)


def _asks(q: GeneratedQuestion) -> list[str]:
    """The targets a question asks the learner to produce or pick: a chronology orders events
    by their years but asks for none of them."""
    return [] if "chronology" in q.targets else q.targets


def plan(
    questions: list[GeneratedQuestion],
    sentence_of: dict[str, int | None],
    list_targets: dict[tuple[str, int], set[str]],
    fact_order: dict[str, int],
    headline: set[str] | frozenset[str] = frozenset(),
) -> tuple[list[GeneratedQuestion], list[Dropped]]:
    """Keep, per sentence and language, coverage first: each fact's best question, then one
    question per further target, then variants (types not yet used first), up to
    PER_SENTENCE; translation and matching are kept apart from the cap. In a list sentence
    (list_targets: the items' keys per (language, sentence)) at most LIST_BLANKS items are
    blanked. Targets the title names (`headline`: a learner reads them there) come after the
    others of their rank, so a sentence that cannot ask for everything asks first for what
    only the text says. Returns the kept questions in their original order and the dropped
    ones."""
    groups: dict[tuple[str, int | None], list[GeneratedQuestion]] = {}
    for q in questions:
        # Translation and matching span the document; a chronology counts for the sentence
        # its source is (its first event), as a learner sees it.
        if q.type not in FREE_TYPES:
            groups.setdefault((q.language, sentence_of.get(q.fact)), []).append(q)
    dropped: list[Dropped] = []
    drop_keys: set[str] = set()
    plans: dict[tuple[str, int | None], list[GeneratedQuestion]] = {}
    covering: dict[tuple[str, int | None], int] = {}  # how many of a plan ask a new target

    def drop(q: GeneratedQuestion, reason: str, sentence, detail: str = "") -> None:
        drop_keys.add(q.key)
        dropped.append(Dropped(reason, q.language, q.type, sentence, q.fact, detail))

    for (lang, sentence), group in groups.items():
        items = list_targets.get((lang, sentence), set()) if sentence is not None else set()
        blanked: list[str] = []
        candidates = []
        for q in group:
            item_targets = [t for t in q.targets if t in items]
            if q.type != "multiple_choice" and len(item_targets) == 1:
                if item_targets[0] not in blanked and len(blanked) >= LIST_BLANKS:
                    drop(q, "list_blanks", sentence, item_targets[0])
                    continue
                if item_targets[0] not in blanked:
                    blanked.append(item_targets[0])
            candidates.append(q)
        order = {q.key: i for i, q in enumerate(candidates)}

        def best(q: GeneratedQuestion, order: dict[str, int] = order) -> tuple:
            rank = _BEST.get(q.type, 5)
            if q.type == "multiple_choice" and len(q.targets) >= 2:
                rank = -1  # a list sentence's one "which of these does the text list"
            if q.type == "true_false" and q.answer is not False:
                rank = 6  # the plain "true" statement asks least
            in_title = bool(_asks(q)) and all(t in headline for t in _asks(q))
            return (rank, in_title, order[q.key])

        chosen: list[GeneratedQuestion] = []
        # 1. each fact's best question
        by_fact: dict[str, list[GeneratedQuestion]] = {}
        for q in candidates:
            by_fact.setdefault(q.fact, []).append(q)
        for fact in sorted(by_fact, key=lambda f: fact_order.get(f, 0)):
            chosen.append(min(by_fact[fact], key=best))
        # 2. one question per further target
        covered = {t for q in chosen for t in _asks(q)}
        while True:
            # A type not yet used in the sentence first, so a sentence is not six choices.
            used = {q.type for q in chosen}
            fresh = [
                q
                for q in candidates
                if q not in chosen
                and any(t not in covered for t in _asks(q))
                and not (q.type == "true_false" and q.answer is not False)
            ]
            if not fresh:
                break
            q = min(
                fresh,
                # A true/false names its target and asks less: a blank or choice first.
                key=lambda q, used=used: (
                    not _checkable(q, covered),
                    all(t in headline for t in _asks(q) if t not in covered),
                    q.type == "true_false",
                    q.type in used,
                    best(q),
                ),
            )
            chosen.append(q)
            covered.update(_asks(q))
        # 3. variants, a type not yet used first
        rest = [q for q in candidates if q not in chosen]
        used = {q.type for q in chosen}
        rest.sort(key=lambda q: (q.type in used, order[q.key]))
        covering[(lang, sentence)] = len(chosen)
        chosen += rest
        plans[(lang, sentence)] = chosen
    _keep_every_type(plans, covering)
    for (_lang, sentence), chosen in plans.items():
        for q in chosen[PER_SENTENCE:]:
            drop(q, "per_sentence_cap", sentence)
    kept = [q for q in questions if q.key not in drop_keys]
    return kept, dropped


def _keep_every_type(plans: dict[tuple, list[GeneratedQuestion]], covering: dict) -> None:
    """A type the cap would remove from a language altogether (the one chronology, say) takes
    the place of the last kept variant (a question whose targets others ask already) of a
    type the language keeps elsewhere, so a document keeps every type its text supports
    without losing a fact's only question."""
    for lang in {lang for lang, _ in plans}:
        mine = {k: v for k, v in plans.items() if k[0] == lang}

        def kept_types(mine=mine) -> dict[str, int]:
            counts: dict[str, int] = {}
            for chosen in mine.values():
                for q in chosen[:PER_SENTENCE]:
                    counts[q.type] = counts.get(q.type, 0) + 1
            return counts

        for where, chosen in mine.items():
            first_variant = covering.get(where, 0)
            for q in chosen[PER_SENTENCE:]:
                counts = kept_types()
                if q.type in counts:
                    continue
                swap = next(
                    (
                        i
                        for i in range(PER_SENTENCE - 1, first_variant - 1, -1)
                        if counts.get(chosen[i].type, 0) > 1
                    ),
                    None,
                )
                if swap is None:
                    continue
                at = chosen.index(q)
                chosen[swap], chosen[at] = chosen[at], chosen[swap]


_UNIT_WORDS = {word.casefold() for word, _unit in (*numbers.ZH_UNITS, *numbers.VI_UNITS)} | {
    "usd",
    "eur",
    "vnd",
    "cny",
    "rmb",
    "đồng",
    "元",
    "美元",
    "欧元",
    "人民币",
    "越南盾",
}
NUMERIC = ("number", "quantity", "year", "date", "percent", "ordinal", "score", "range", "duration")


def _is_unit(term: Term) -> bool:
    """Whether the term is only a unit of measure or a currency (USD, km², 美元)."""
    forms = [f for f in (term.zh, term.vi) if f]
    return bool(forms) and all(f.strip().casefold() in _UNIT_WORDS for f in forms)
