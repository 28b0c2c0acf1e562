"""Grading a student's response to a generated question: pure Python, no Django, no HTTP.

`grade()` takes the stored answer (shapes as in quizzes.generation.model.GeneratedQuestion) and
the student's response and returns a `Grade`: a score in 0..1, whether it is fully correct and
an optional stable note code ("accents", "typo", "pinyin", "other_name", …) that the web layer
translates (content.lang.grading.explain). Choice questions are graded exactly (with partial
credit for multiple choice, matching and ordering); typed answers (cloze, translation) by the
rules of the answer's language, in content.lang.grading (which the flashcards use too).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from content.lang.grading import EMPTY, INVALID, Grade, Name, grade_typed, result

CHOICE_TYPES = ("single_choice", "multiple_choice", "true_false", "matching", "ordering")
TYPED_TYPES = ("cloze", "translation")


def grade(
    question_type: str,
    language: str,
    answer,
    response,
    *,
    choices=None,
    other_names: Iterable[str | Name] = (),
    aliases: Iterable[str] = (),
    weights: dict | None = None,
) -> Grade:
    """Grade `response` against the stored `answer` of a question of `question_type` asked in
    `language` ("zh" or "vi").

    other_names: the document's other names and terms (both languages); a typed response that
    is one of them, or one typo away from one, is wrong even when it is close to the answer;
    each may be given as a `Name`, normalised once (quizzes.term_index keeps a document's).
    aliases: other accepted surface forms of a typed answer (Term.aliases of a translation
    target); `answer` may also be a list whose first item is the main form.
    weights: a multiple-choice question's grade per option (−1..1), as Moodle's %n% weights;
    when given, the score is the sum of the picked options' weights, as in Moodle.
    """
    if question_type == "single_choice":
        return _single_choice(answer, response)
    if question_type == "true_false":
        return _true_false(answer, response)
    if question_type == "multiple_choice":
        if weights:
            return _weighted_choice(weights, response)
        return _multiple_choice(answer, response)
    if question_type == "matching":
        return _matching(answer, response)
    if question_type == "ordering":
        return _ordering(answer, response)
    if question_type in TYPED_TYPES:
        # A translation question is answered in the other language; a cloze in its own.
        target = language
        if question_type == "translation":
            target = "vi" if language == "zh" else "zh"
        forms = [answer] if isinstance(answer, str) else list(answer)
        forms += list(aliases)
        others = list(other_names) + [c for c in choices or () if isinstance(c, str)]
        return grade_typed(target, forms, response, others=others)
    raise ValueError(f"unknown question type: {question_type!r}")


# --- choice questions --------------------------------------------------------------------------


def _light(value) -> str:
    """Options are picked, not typed: only invisible differences are ignored."""
    return " ".join(unicodedata.normalize("NFKC", str(value)).split())


def _single_choice(answer, response) -> Grade:
    if not isinstance(response, str) or not response.strip():
        return result(0, EMPTY)
    return result(1 if _light(response) == _light(answer) else 0)


_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


def _as_bool(value) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    return None


def _true_false(answer, response) -> Grade:
    picked = _as_bool(response)
    if picked is None:
        return result(0, INVALID)
    return result(1 if picked == _as_bool(answer) else 0)


def _multiple_choice(answer, response) -> Grade:
    """All-or-nothing for `correct`, but partial credit: (right picks − wrong picks) / number
    of right answers, never below 0, so ticking every box earns nothing."""
    if isinstance(response, str) or not isinstance(response, Iterable):
        return result(0, INVALID)
    expected = {_light(a) for a in answer}
    picked = {_light(r) for r in response}
    if not picked:
        return result(0, EMPTY)
    right = len(picked & expected)
    wrong = len(picked - expected)
    return result(max(0.0, (right - wrong) / len(expected)) if expected else 0)


def _weighted_choice(weights: dict, response) -> Grade:
    """Moodle's multiple-answer grading: the sum of the picked options' weights, within 0..1
    (question/type/multichoice/question.php, qtype_multichoice_multi_question::grade_response)."""
    if isinstance(response, str) or not isinstance(response, Iterable):
        return result(0, INVALID)
    by_option = {_light(option): float(weight) for option, weight in weights.items()}
    picked = {_light(r) for r in response}
    if not picked:
        return result(0, EMPTY)
    score = sum(by_option.get(option, 0.0) for option in picked)
    return result(1.0 if abs(score - 1) < 1e-6 else score)


def _matching(answer, response) -> Grade:
    """The fraction of the expected pairs the response has; a left item matched twice counts
    its last match."""
    if isinstance(response, dict):
        given = {_light(k): _light(v) for k, v in response.items()}
    elif isinstance(response, Iterable) and not isinstance(response, str):
        try:
            given = {_light(left): _light(right) for left, right in response}
        except (TypeError, ValueError):
            return result(0, INVALID)
    else:
        return result(0, INVALID)
    expected = {_light(left): _light(right) for left, right in answer}
    if not expected:
        return result(0)
    right = sum(1 for left, value in expected.items() if given.get(left) == value)
    return result(right / len(expected))


def _lcs(a: list[str], b: list[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0  # row[j - 1] of the previous row
        for j, y in enumerate(b, start=1):
            current = row[j]
            row[j] = previous + 1 if x == y else max(row[j], row[j - 1])
            previous = current
    return row[-1]


def _ordering(answer, response) -> Grade:
    """Partial credit: the longest common subsequence of the response and the correct order,
    over the longer of the two, i.e. the share of items already in the right relative order
    (one item moved out of place costs one item, not every item it shifted)."""
    if isinstance(response, str) or not isinstance(response, Iterable):
        return result(0, INVALID)
    expected = [_light(a) for a in answer]
    given = [_light(r) for r in response]
    if not given:
        return result(0, EMPTY)
    return result(_lcs(expected, given) / max(len(expected), len(given)))
