"""How a choice question reads on an Anki card: lettered options, the key, the answer in words.

Pure Python on plain values (the stored answer and choices, shapes as in
quizzes.generation.model.GeneratedQuestion). `face()` returns plain text; quizzes.anki.deck
escapes it and adds the markup. A question whose answer does not fit its options (an authored
question saved half-finished) gives None and is left out of the deck rather than shown wrong.

The words are study content in the question's language, not interface strings: a Chinese
question says 正确/错误 whatever language the learner's interface speaks.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

TYPES = ("single_choice", "multiple_choice", "true_false", "matching", "ordering")

TRUE_FALSE = {"zh": ("正确", "错误"), "vi": ("Đúng", "Sai")}
KIND_LABELS = {
    "zh": {
        "single_choice": "单选题",
        "multiple_choice": "多选题",
        "true_false": "判断题",
        "matching": "配对题",
        "ordering": "排序题",
    },
    "vi": {
        "single_choice": "Chọn một đáp án",
        "multiple_choice": "Chọn nhiều đáp án",
        "true_false": "Đúng hay sai",
        "matching": "Nối cặp",
        "ordering": "Sắp xếp",
    },
}
LETTERS = string.ascii_uppercase


@dataclass(frozen=True)
class Face:
    """options: (letter, text) in the order shown; key: the letters that answer it ("B",
    "A, C", "C → A → B", "1–B, 2–A"); answers: the answer in words, one line each; items: a
    matching question's left-hand items in the order the key numbers them (the card's front
    must show them, or "1–B" could not be answered)."""

    options: tuple[tuple[str, str], ...]
    key: str
    answers: tuple[str, ...]
    label: str
    items: tuple[str, ...] = ()


def face(qtype: str, language: str, answer, choices) -> Face | None:
    """The card's content for a question, or None when its answer does not fit its options."""
    if qtype not in TYPES or language not in TRUE_FALSE:
        return None
    label = KIND_LABELS[language][qtype]
    if qtype == "true_false":
        if not isinstance(answer, bool):
            return None
        true, false = TRUE_FALSE[language]
        qtype, choices, answer = "single_choice", [true, false], true if answer else false
    choices = [str(c) for c in choices] if isinstance(choices, list) else []
    if not choices or len(choices) > len(LETTERS) or len(set(choices)) != len(choices):
        return None
    letter = {text: LETTERS[i] for i, text in enumerate(choices)}
    options = tuple((LETTERS[i], text) for i, text in enumerate(choices))
    shown = _answer(qtype, answer, letter)
    if shown is None:
        return None
    key, answers = shown
    items = tuple(str(left) for left, _ in answer) if qtype == "matching" else ()
    return Face(options, key, answers, label, items)


def _answer(qtype: str, answer, letter: dict[str, str]) -> tuple[str, tuple[str, ...]] | None:
    if qtype == "single_choice":
        if not isinstance(answer, str) or answer not in letter:
            return None
        return letter[answer], (answer,)
    if not isinstance(answer, list) or not answer:
        return None
    if qtype == "multiple_choice":
        if not all(isinstance(a, str) and a in letter for a in answer):
            return None
        chosen = sorted(set(answer), key=lambda a: letter[a])
        return ", ".join(letter[a] for a in chosen), tuple(chosen)
    if qtype == "ordering":
        if not all(isinstance(a, str) and a in letter for a in answer):
            return None
        return " → ".join(letter[a] for a in answer), tuple(answer)
    # matching: [[left, right], …]; lefts are numbered in the prompt in this order.
    pairs = [p for p in answer if isinstance(p, list | tuple) and len(p) == 2]
    if len(pairs) != len(answer) or not all(str(right) in letter for _, right in pairs):
        return None
    key = ", ".join(f"{n}–{letter[str(right)]}" for n, (_, right) in enumerate(pairs, 1))
    return key, tuple(f"{left} → {right}" for left, right in pairs)
