"""What question generation produces: plain dataclasses, no Django."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

QUESTION_TYPES = (
    "cloze",
    "single_choice",
    "multiple_choice",
    "true_false",
    "matching",
    "ordering",
    "translation",
)


def answer_strings(answer) -> list[str]:
    """Every string inside an answer of any shape (a string, a list, a list of [left, right]
    pairs); none for a true/false verdict."""
    if isinstance(answer, str):
        return [answer]
    if isinstance(answer, list | tuple):
        return [s for item in answer for s in answer_strings(item)]
    return []


@dataclass
class GeneratedQuestion:
    """One question in one language.

    answer: a string (cloze, single_choice, translation), a list of strings (multiple_choice;
    ordering, in the correct order), a list of [left, right] pairs (matching), or a bool
    (true_false).
    choices: the options shown, [] when there are none; for matching, the right-hand options.
    A cloze prompt marks its blank with "____".
    """

    key: str  # stable while the fact is unchanged: fact key + type + language + target
    type: str
    language: str  # "zh" or "vi"
    prompt: str
    answer: str | bool | list
    choices: list = field(default_factory=list)
    source: str = ""  # the source sentence in the question's language
    source_translation: str | None = None  # the aligned sentence in the other language
    fact: str = ""  # Fact.key
    targets: list[str] = field(default_factory=list)  # Term.key of what the question asks for

    @property
    def variant(self) -> str:
        """The same question in every language: fact + type + targets, without the language."""
        raw = "\x1f".join([self.fact, self.type, *sorted(self.targets)])
        return hashlib.sha1(raw.encode()).hexdigest()[:24]

    def to_json(self) -> dict:
        return {
            "type": self.type,
            "language": self.language,
            "prompt": self.prompt,
            "answer": self.answer,
            "choices": self.choices,
            "source": self.source,
            "source_translation": self.source_translation,
            "fact": self.fact,
        }


@dataclass
class Dropped:
    """A candidate question the planner did not keep, and why (a stable code)."""

    reason: str  # e.g. "trivial_target", "count_in_prompt", "long_typed", "per_sentence_cap"
    language: str
    type: str
    sentence: int | None = None  # Sentence.index of its source sentence
    fact: str = ""  # Fact.key
    detail: str = ""


@dataclass
class GenerationReport:
    """What generation produced for a document, and every candidate it dropped with its
    reason: the teacher's "what happened" after adding a document reads this."""

    questions: list[GeneratedQuestion] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
