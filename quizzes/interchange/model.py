"""A question as the interchange formats see it: our seven types and answer shapes, no storage."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from content.lang.text import HAN_RE, LATIN_LETTER_RE

# Letters only Vietnamese writes among Latin scripts: đ, the breve and horn vowels, and the
# tone marks of Unicode's Latin Extended Additional block (ạ ả ấ … ỹ). á or è alone are French
# or Spanish too.
KANA_RE = re.compile("[\u3040-\u30ff]")
VIETNAMESE_RE = re.compile("[đĐăĂâÂêÊôÔơƠưƯĩĨũŨ\u1ea0-\u1ef9]")


@dataclass
class Item:
    type: str
    language: str  # "zh" or "vi"
    prompt: str
    answer: str | bool | list
    choices: list = field(default_factory=list)
    title: str = ""
    category: str = ""  # Moodle's question category path, e.g. "dongxi/some-document/zh"
    line: int = 0  # where the question starts in the file it was read from (1-based)
    # Kept from a foreign file (quizzes.models.Question has the same fields): the bank's tags,
    # {"general": text, "answers": {option: text}} and a multiple-choice option's grade (−1..1).
    tags: list = field(default_factory=list)
    feedback: dict = field(default_factory=dict)
    weights: dict = field(default_factory=dict)
    subset: int | None = None  # an ordering question showing this many items drawn at random
    # Sanitised HTML of the texts that came with markup (quizzes.interchange.markup.item_html):
    # {"prompt": html, "texts": {plain text: html}}; {} for plain questions.
    html: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """A question a format cannot express, said instead of silently dropped."""

    title: str
    code: str


def guess_language(text: str) -> str:
    """The language most of the letters of `text` are written in: "zh" or "vi"."""
    han = len(HAN_RE.findall(text))
    latin = len(LATIN_LETTER_RE.findall(text))
    # A Chinese character carries a syllable; a Vietnamese syllable has about four letters.
    return "zh" if han * 4 >= latin and han else "vi"


# Moodle's allowed grades (question/engine/bank.php, question_bank::fraction_options_full):
# its import (question/format.php, match_grade_options) refuses any other fraction, GIFT and
# Moodle XML alike, and stops the whole file at the first one.
MOODLE_GRADES = (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
    0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
)  # fmt: skip


def nearest_grade(value: float) -> float:
    """The allowed grade (or its negative) nearest to `value` (a fraction, 1 = 100 %)."""
    grade = min(MOODLE_GRADES, key=lambda g: (abs(abs(value) - g), g))
    return -grade if value < 0 else grade


def multiple_choice_grades(rights: int) -> tuple[list[float], float, bool]:
    """Moodle grades for a multiple-answer question with `rights` right answers: one grade per
    right answer, the grade of each wrong one, and whether that is exactly our grading (each
    right 1/k, each wrong −1/k). Moodle also wants the right grades to add up to 100 %
    (question/type/multichoice/questiontype.php, save_question_options: "fractionsaddwrong"),
    so when 1/k is not allowed the rights get the two nearest grades whose sum is 100 %."""
    share = 1 / rights
    wrong = nearest_grade(-share)
    if any(abs(g - share) < 1e-5 for g in MOODLE_GRADES):
        return [nearest_grade(share)] * rights, wrong, True
    best = None
    for high in MOODLE_GRADES:
        for low in MOODLE_GRADES:
            if low >= high:
                continue
            for highs in range(rights + 1):
                total = highs * high + (rights - highs) * low
                if round(total, 2) != 1:
                    continue
                grades = [high] * highs + [low] * (rights - highs)
                cost = (max(abs(g - share) for g in grades), sum((g - share) ** 2 for g in grades))
                if best is None or cost < best[0]:
                    best = (cost, grades)
    grades = best[1] if best else [nearest_grade(share)] * rights
    return grades, wrong, False


def detect_language(text: str) -> str | None:
    """The language of `text`, "zh" or "vi", or None for another one: Latin letters without any
    of Vietnamese's own letters or tone marks (English, French…), kana (Japanese, whose kanji
    alone would pass for Chinese), or no Han or Latin letter at all (Korean, Russian…)."""
    if KANA_RE.search(text):
        return None
    han = len(HAN_RE.findall(text))
    latin = len(LATIN_LETTER_RE.findall(text))
    if not han and not latin:
        return None
    if guess_language(text) == "zh":
        return "zh"
    return "vi" if VIETNAMESE_RE.search(text) else None
