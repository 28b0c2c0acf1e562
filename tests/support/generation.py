"""Helpers for testing question generation (quizzes.generation) on any document: hand-built
Analysis objects and the checks every generated set must pass (coverage of what the Analysis
says must be asked)."""

from __future__ import annotations

from collections import Counter

from content.lang.model import Analysis, Mention, Pair, Sentence, Term
from quizzes.generation.model import QUESTION_TYPES, GeneratedQuestion, answer_strings
from quizzes.generation.quality import ARTICLE_ONES, find_problems
from quizzes.generation.text import find_forms, squash, strip_marker, term_forms

MUST_ASK_KINDS = ("year", "number", "place")


def add_mentions(analysis: Analysis) -> Analysis:
    """Fill Analysis.mentions by finding every term's forms in every sentence (for fixtures)."""
    analysis.mentions = []
    for sentence in analysis.sentences:
        for lang in analysis.languages:
            text = sentence.get(lang)
            if not text:
                continue
            for term in analysis.terms:
                for start, end in find_forms(text, term_forms(term, lang)):
                    analysis.mentions.append(
                        Mention(term.key, lang, sentence.index, start, end, text[start:end])
                    )
    return analysis


def sentences(rows: list[tuple[int, str | None, str | None]]) -> list[Sentence]:
    return [Sentence(i, p, zh, vi) for i, (p, zh, vi) in enumerate(rows)]


def _article(term: Term, lang: str, analysis: Analysis) -> bool:
    """A number only ever written as the word "one" in `lang`: the article (一项, một chính
    sách), which no question asks for."""
    forms = {
        m.text.strip().casefold()
        for m in analysis.mentions
        if m.term == term.key and m.lang == lang
    }
    return bool(forms) and forms <= ARTICLE_ONES


def must_ask(analysis: Analysis) -> list[tuple[str, str, str]]:
    """What the questions must ask for, per language, derived from the Analysis alone:
    ("term", lang, Term.key) for every year, number and place the language names (but "one"
    written as a word, which is the article, and what the planner may not ask: a trivial
    target or a count whose items the sentence lists);
    ("item", lang, text) for every enumeration item and every numbered item (model, lesson)."""
    from quizzes.generation.plan import Rules

    rules = Rules(analysis)
    wanted = []
    for lang in analysis.languages:
        for term in analysis.terms:
            if (
                term.kind in MUST_ASK_KINDS
                and term.get(lang)
                and not _article(term, lang, analysis)
                and not rules.exempt(term.key, lang)
            ):
                wanted.append(("term", lang, term.key))
        for fact in analysis.facts:
            for item in fact.items:
                if item.get(lang):
                    wanted.append(("item", lang, item.get(lang)))
            if fact.ordinal is not None and fact.get(lang):
                wanted.append(("numbered", lang, fact.key))
    return list(dict.fromkeys(wanted))


def asks_for(question: GeneratedQuestion, what: tuple[str, str, str], analysis: Analysis) -> bool:
    kind, lang, value = what
    if question.language != lang:
        return False
    if kind == "term":
        return value in question.targets
    if kind == "item":
        wanted = squash(strip_marker(value))
        return any(
            wanted and (wanted in squash(a) or squash(a) in wanted)
            for a in answer_strings(question.answer)
            if len(squash(a)) >= 2
        )
    # A numbered item is asked for by a question on that fact whose answer is its label.
    return question.fact == value and question.type in ("single_choice", "true_false", "ordering")


def uncovered(questions: list[GeneratedQuestion], analysis: Analysis) -> list[tuple]:
    return [w for w in must_ask(analysis) if not any(asks_for(q, w, analysis) for q in questions)]


def summary(questions: list[GeneratedQuestion]) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for q in questions:
        out.setdefault(q.language, Counter())[q.type] += 1
    return out


def check_set(
    questions: list[GeneratedQuestion],
    analysis: Analysis,
    minimum: int = 40,
    types: tuple[str, ...] = QUESTION_TYPES,
) -> list:
    """Every failure of the properties a generated set must have, as readable strings; every
    type of `types` must occur in every language."""
    failures = []
    counts = summary(questions)
    for lang in analysis.languages:
        per_type = counts.get(lang, Counter())
        if sum(per_type.values()) < minimum:
            failures.append(f"{lang}: only {sum(per_type.values())} questions")
        missing = [t for t in types if not per_type[t]]
        if missing:
            failures.append(f"{lang}: no {missing}")
    for q in questions:
        for problem in find_problems(q, analysis):
            failures.append(f"{q.type}/{q.language} {q.prompt[:60]!r}: {problem}")
    keys = Counter(q.key for q in questions)
    failures += [f"duplicate key {k}" for k, n in keys.items() if n > 1]
    failures += [f"not asked: {w}" for w in uncovered(questions, analysis)]
    return failures


__all__ = [
    "Pair",
    "Term",
    "add_mentions",
    "asks_for",
    "check_set",
    "answer_strings",
    "must_ask",
    "sentences",
    "summary",
    "uncovered",
]
