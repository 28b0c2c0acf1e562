"""What makes a stored question well formed, per type: pure Python, no Django.

The teacher's forms and the GIFT import both check questions here, so a question that can be
saved by one can be saved by the other. Shapes are those of
quizzes.generation.model.GeneratedQuestion:

- cloze: the prompt marks its blank(s) with "____"; answer a string, or a list of accepted
  forms whose first item is the main one; no choices.
- translation: answer as for cloze (in the other language); no choices.
- single_choice: answer one of the choices; at least two distinct choices.
- multiple_choice: answer a list of choices, at least one, and at least one wrong choice left
  (else ticking every box would be right).
- true_false: answer a bool; no choices.
- matching: answer a list of [left, right] pairs, at least two, lefts distinct; choices are the
  right-hand options shown (every right side, plus any extra distractors).
- ordering: answer the items in the right order, at least two, distinct; choices the same items
  in the order shown.

Every question is bounded, so that no question costs more to show, grade or export than a
reasonable one: a prompt of at most MAX_PROMPT characters, every answer, option, item or side
of a pair at most MAX_TEXT (an ordering item can be a whole sentence of the document), at most
MAX_CHOICES options in a choice question (and accepted forms of a typed answer), at most
MAX_ITEMS pairs or items (and options) in a matching or ordering question. Beyond a limit the
question is refused before anything else is checked.

`problems()` returns stable codes (with parameters) that the web layer translates.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

BLANK = "____"
TYPES = (
    "cloze",
    "single_choice",
    "multiple_choice",
    "true_false",
    "matching",
    "ordering",
    "translation",
)


MAX_PROMPT = 2000
MAX_TEXT = 1000
MAX_CHOICES = 20  # Moodle's own examples hold 13 options (11 right ones)
MAX_ITEMS = 20


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict = field(default_factory=dict)


def _texts(values) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)


def _duplicates(values: list[str]) -> list[str]:
    seen, repeated = set(), []
    for value in values:
        key = " ".join(value.split()).casefold()
        if key in seen and value not in repeated:
            repeated.append(value)
        seen.add(key)
    return repeated


def _typed(answer) -> list[Problem]:
    forms = [answer] if isinstance(answer, str) else answer
    if not _texts(forms) or not forms or not all(f.strip() for f in forms):
        return [Problem("empty_answer")]
    return []


def _choices(answer, choices) -> list[Problem]:
    out = []
    if not _texts(choices) or len([c for c in choices if c.strip()]) < 2:
        return [Problem("too_few_choices")]
    if not all(c.strip() for c in choices):
        out.append(Problem("empty_choice"))
    for value in _duplicates(choices):
        out.append(Problem("duplicate_choice", {"choice": value}))
    return out


def _strings(value) -> list[str]:
    """Every string inside an answer or choices value (lists and pairs flattened)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _size_problems(question_type: str, prompt, answer, choices) -> list[Problem]:
    out = []
    if isinstance(prompt, str) and len(prompt) > MAX_PROMPT:
        out.append(Problem("prompt_too_long", {"limit": MAX_PROMPT, "length": len(prompt)}))
    answers = answer if isinstance(answer, list) else []
    options = choices if isinstance(choices, list) else []
    if question_type in ("matching", "ordering"):
        if len(answers) > MAX_ITEMS or len(options) > MAX_ITEMS:
            count = max(len(answers), len(options))
            out.append(Problem("too_many_items", {"limit": MAX_ITEMS, "count": count}))
    elif question_type in ("single_choice", "multiple_choice"):
        if len(options) > MAX_CHOICES or len(answers) > MAX_CHOICES:
            count = max(len(answers), len(options))
            out.append(Problem("too_many_choices", {"limit": MAX_CHOICES, "count": count}))
    elif len(answers) > MAX_CHOICES:
        out.append(Problem("too_many_answers", {"limit": MAX_CHOICES, "count": len(answers)}))
    if out:
        return out  # do not walk thousands of items to find the long ones
    for text in _strings(answer) + _strings(choices):
        if len(text) > MAX_TEXT:
            out.append(Problem("text_too_long", {"limit": MAX_TEXT, "text": _short(text)}))
            break
    return out


def problems(question_type: str, prompt: str, answer, choices) -> list[Problem]:
    """Everything wrong with a question of `question_type`; [] when it may be saved."""
    if question_type not in TYPES:
        return [Problem("unknown_type", {"type": question_type})]
    out: list[Problem] = _size_problems(question_type, prompt, answer, choices)
    if out:
        return out
    if not isinstance(prompt, str) or not prompt.strip():
        out.append(Problem("empty_prompt"))
    if question_type == "cloze":
        if isinstance(prompt, str) and prompt.strip() and BLANK not in prompt:
            out.append(Problem("no_blank", {"blank": BLANK}))
        return out + _typed(answer)
    if question_type == "translation":
        return out + _typed(answer)
    if question_type == "true_false":
        return out if isinstance(answer, bool) else [*out, Problem("bad_answer")]
    if question_type == "single_choice":
        out += _choices(answer, choices)
        if not isinstance(answer, str) or not answer.strip():
            out.append(Problem("empty_answer"))
        elif _texts(choices) and answer not in choices:
            out.append(Problem("answer_not_a_choice", {"answer": answer}))
        return out
    if question_type == "multiple_choice":
        out += _choices(answer, choices)
        if not _texts(answer) or not [a for a in answer if a.strip()]:
            return [*out, Problem("no_right_choice")]
        for value in answer:
            if _texts(choices) and value not in choices:
                out.append(Problem("answer_not_a_choice", {"answer": value}))
        if _texts(choices) and set(choices) <= set(answer):
            out.append(Problem("no_wrong_choice"))
        return out
    if question_type == "matching":
        return out + _matching(answer, choices)
    return out + _ordering(answer, choices)


def _matching(answer, choices) -> list[Problem]:
    pairs_ok = isinstance(answer, list) and all(
        isinstance(p, list | tuple) and len(p) == 2 and _texts(list(p)) for p in answer
    )
    if not pairs_ok:
        return [Problem("bad_answer")]
    out = []
    if len(answer) < 2:
        out.append(Problem("too_few_pairs"))
    if not all(left.strip() and right.strip() for left, right in answer):
        out.append(Problem("empty_pair"))
    for value in _duplicates([left for left, _ in answer]):
        out.append(Problem("duplicate_left", {"item": value}))
    if not _texts(choices):
        return [*out, Problem("bad_choices")]
    for _, right in answer:
        if right not in choices:
            out.append(Problem("answer_not_a_choice", {"answer": right}))
    return out


def _ordering(answer, choices) -> list[Problem]:
    if not _texts(answer):
        return [Problem("bad_answer")]
    out = []
    if len([a for a in answer if a.strip()]) < 2:
        out.append(Problem("too_few_items"))
    if not all(a.strip() for a in answer):
        out.append(Problem("empty_item"))
    for value in _duplicates(answer):
        out.append(Problem("duplicate_item", {"item": value}))
    if not _texts(choices) or sorted(choices) != sorted(answer):
        out.append(Problem("bad_choices"))
    return out


def display_order(items: list, seed: str) -> list:
    """The items in an order that is not the answer's (when there are two or more), the same for
    the same seed: how an ordering question without a stored display order is shown."""
    shown = list(items)
    random.Random(seed).shuffle(shown)
    if len(shown) > 1 and shown == list(items):
        shown = shown[1:] + shown[:1]
    return shown
