"""One fact, one question: which questions of an attempt (or of a quiz built by a rule) would
give each other away. Pure Python, no database: quizzes.taking draws an attempt with it and
teaching.building picks by a rule with it.

Two questions overlap when
- they ask the same fact (a choice, a cloze and a true/false on one blank; either language);
- or one's prompt shows the other's answer (a true/false statement holding a cloze's blank);
- or they share an answer (the translation of a name a cloze asks for).
An answer text is compared when it has at least two characters, case and accents as written.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

MIN_TEXT = 2


@dataclass(frozen=True)
class Asked:
    """What a question shows and expects: its fact (None for an authored question without
    one), its prompts (in every language shown) and its answer texts (in every language)."""

    fact: int | None
    prompts: tuple[str, ...]
    answers: frozenset[str]


def answer_texts(answer) -> frozenset[str]:
    """The strings an answer holds (a choice's text, a list's items, a pair's two sides);
    booleans and numbers give none."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            text = value.strip().casefold()
            if len(text) >= MIN_TEXT:
                found.add(text)
        elif isinstance(value, list | tuple):
            for part in value:
                walk(part)

    walk(answer)
    return frozenset(found)


def asked(*questions) -> Asked:
    """The overlap view of one asked question from its model rows (the one graded and, in a
    bilingual quiz, the one whose prompt is shown)."""
    facts = [q.fact_id for q in questions if q.fact_id]
    answers = frozenset().union(*(answer_texts(q.answer) for q in questions))
    return Asked(facts[0] if facts else None, tuple(q.prompt for q in questions), answers)


def overlap(a: Asked, b: Asked) -> bool:
    if a.fact is not None and a.fact == b.fact:
        return True
    if a.answers & b.answers:
        return True
    return _shows(a, b.answers) or _shows(b, a.answers)


def _shows(question: Asked, answers: frozenset[str]) -> bool:
    prompts = " ".join(question.prompts).casefold()
    return any(text in prompts for text in answers)


def draw(items: Sequence[Asked], count: int, rng: random.Random) -> list[int]:
    """Indexes of `count` items drawn at random, no two overlapping, in their given order. When
    that many cannot be drawn without overlap (the quiz holds fewer facts than questions to ask),
    the rest is filled at random from the others, facts not asked yet first."""
    order = list(range(len(items)))
    rng.shuffle(order)
    chosen: list[int] = []
    for i in order:
        if len(chosen) == count:
            break
        if not any(overlap(items[i], items[j]) for j in chosen):
            chosen.append(i)
    if len(chosen) < count:
        # A fact not asked yet first (its question shares an answer with one drawn), then the
        # rest: every fact is asked once before any is asked twice.
        facts = {items[i].fact for i in chosen}
        rest = [i for i in order if i not in chosen]
        while rest and len(chosen) < count:
            fresh = [i for i in rest if items[i].fact is not None and items[i].fact not in facts]
            i = (fresh or rest)[0]
            rest.remove(i)
            chosen.append(i)
            facts.add(items[i].fact)
    return sorted(chosen)
