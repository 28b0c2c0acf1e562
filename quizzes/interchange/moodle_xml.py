"""Moodle XML export of our questions (Moodle's "Moodle XML format" question import). Pure Python.

| ours            | Moodle question type                                            |
| --------------- | --------------------------------------------------------------- |
| single_choice   | multichoice, single: the right answer 100 %, the others 0 %     |
| multiple_choice | multichoice, not single: each right 100/k %, each wrong −100/k % |
| true_false      | truefalse                                                       |
| matching        | matching: one subquestion a pair, extra options as empty ones   |
| cloze           | shortanswer (the prompt keeps its blank), every form 100 %      |
| translation     | shortanswer, every accepted form 100 %                          |
| ordering        | ordering (core since Moodle 4.4): items in the right order,     |
|                 | graded by the longest ordered subset as our grading does        |

Text is written as plain text, without control characters (XML 1.0 cannot carry them: one in a
prompt would make the whole file malformed; content.lang.hygiene); every question is worth one
mark. A category question precedes
each run of questions of one category (our export uses "dongxi/<document>/<language>").
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from content.lang.hygiene import strip_controls
from quizzes.interchange.model import Item, Skipped

FORMAT = "plain_text"


def _text(parent: ET.Element, tag: str | None, value: str, *, fmt: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag) if tag else parent
    if fmt and tag:
        element.set("format", FORMAT)
    ET.SubElement(element, "text").text = strip_controls(value)
    return element


def _fraction(value: float) -> str:
    return f"{value:.7f}".rstrip("0").rstrip(".") or "0"


def _answer(question: ET.Element, fraction: float, text: str) -> None:
    answer = ET.SubElement(question, "answer", fraction=_fraction(fraction), format=FORMAT)
    ET.SubElement(answer, "text").text = strip_controls(text)
    _text(answer, "feedback", "")


def _header(quiz: ET.Element, qtype: str, item: Item) -> ET.Element:
    question = ET.SubElement(quiz, "question", type=qtype)
    _text(question, "name", item.title or item.prompt[:80], fmt=False)
    _text(question, "questiontext", item.prompt)
    _text(question, "generalfeedback", "")
    ET.SubElement(question, "defaultgrade").text = "1"
    ET.SubElement(question, "penalty").text = "0.3333333"
    ET.SubElement(question, "hidden").text = "0"
    return question


def _choices(quiz: ET.Element, item: Item) -> None:
    question = _header(quiz, "multichoice", item)
    single = item.type == "single_choice"
    ET.SubElement(question, "single").text = "true" if single else "false"
    ET.SubElement(question, "shuffleanswers").text = "true"
    ET.SubElement(question, "answernumbering").text = "abc"
    if single:
        for choice in item.choices:
            _answer(question, 100 if choice == item.answer else 0, choice)
        return
    share = 100 / len(item.answer)
    for choice in item.choices:
        _answer(question, share if choice in item.answer else -share, choice)


def _question(quiz: ET.Element, item: Item) -> None:
    if item.type in ("single_choice", "multiple_choice"):
        _choices(quiz, item)
    elif item.type == "true_false":
        question = _header(quiz, "truefalse", item)
        _answer(question, 100 if item.answer else 0, "true")
        _answer(question, 0 if item.answer else 100, "false")
    elif item.type in ("cloze", "translation"):
        question = _header(quiz, "shortanswer", item)
        ET.SubElement(question, "usecase").text = "0"
        for form in [item.answer] if isinstance(item.answer, str) else item.answer:
            _answer(question, 100, form)
    elif item.type == "matching":
        question = _header(quiz, "matching", item)
        ET.SubElement(question, "shuffleanswers").text = "true"
        rights = {right for _, right in item.answer}
        pairs = [*item.answer, *(["", c] for c in item.choices if c not in rights)]
        for left, right in pairs:
            sub = _text(question, "subquestion", left)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = strip_controls(right)
    elif item.type == "ordering":
        question = _header(quiz, "ordering", item)
        ET.SubElement(question, "layouttype").text = "VERTICAL"
        ET.SubElement(question, "selecttype").text = "ALL"
        ET.SubElement(question, "selectcount").text = str(len(item.answer))
        ET.SubElement(question, "gradingtype").text = "LONGEST_ORDERED_SUBSET"
        ET.SubElement(question, "showgrading").text = "SHOW"
        for position, text in enumerate(item.answer, start=1):
            _answer(question, position, text)
    else:
        raise ValueError(item.type)


def dumps(items: list[Item]) -> tuple[str, list[Skipped]]:
    """A Moodle XML document for `items`. Every one of our types has a Moodle counterpart, so
    nothing is skipped; the list is returned for symmetry with the GIFT writer."""
    quiz = ET.Element("quiz")
    category = None
    for item in items:
        if item.category and item.category != category:
            holder = ET.SubElement(quiz, "question", type="category")
            _text(holder, "category", f"$course$/top/{item.category}", fmt=False)
            category = item.category
        _question(quiz, item)
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n", []
