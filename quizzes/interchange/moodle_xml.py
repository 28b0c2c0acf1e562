"""Moodle XML export and import of our questions (Moodle's "Moodle XML format"). Pure Python.

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
mark. A text holding < > or & is written as CDATA, as Moodle's own writer does
(question/format/xml/format.php, writetext): Moodle's reader (lib/xmlize.php) drops text pieces
that are only white space, so "<b>Đậm</b> & <i>" written with entities would come back as
"<b>Đậm</b>&<i>". "*" in a short answer is Moodle's wildcard: written as \\* (a star).
A category question precedes each run of questions of one category (our export uses
"dongxi/<document>/<language>").
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from xml.parsers import expat

from content.lang.hygiene import strip_controls
from quizzes.interchange import gift, markup
from quizzes.interchange.model import Item, Skipped, multiple_choice_grades, nearest_grade

FORMAT = "plain_text"


_TEXT_RE = re.compile(r"<text>([^<]*)</text>")


def _cdata(match: re.Match) -> str:
    """A <text> element whose text holds < > or &, written as CDATA (ElementTree cannot)."""
    escaped = match.group(1)
    if "&" not in escaped:
        return match.group(0)
    value = html.unescape(escaped)  # ElementTree escapes only & < > in text
    return "<text><![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]></text>"


def _text(
    parent: ET.Element, tag: str | None, value: str, *, fmt: bool = True, rich: str = ""
) -> ET.Element:
    """A text element; one that came with markup is written as its sanitised HTML, format html."""
    element = ET.SubElement(parent, tag) if tag else parent
    if fmt and tag:
        element.set("format", "html" if rich else FORMAT)
    ET.SubElement(element, "text").text = strip_controls(rich or value)
    return element


def _rich(item: Item, text: str) -> str:
    return (item.html or {}).get("texts", {}).get(text, "")


def _fraction(value: float) -> str:
    return f"{value:.7f}".rstrip("0").rstrip(".") or "0"


def _answer(
    question: ET.Element, fraction: float, text: str, feedback: str = "", item: Item | None = None
) -> None:
    rich = _rich(item, text) if item else ""
    answer = ET.SubElement(
        question, "answer", fraction=_fraction(fraction), format="html" if rich else FORMAT
    )
    ET.SubElement(answer, "text").text = strip_controls(rich or text)
    _text(answer, "feedback", feedback, rich=_rich(item, feedback) if item else "")


def _comment(item: Item, key) -> str:
    return (item.feedback or {}).get("answers", {}).get(key, "")


def _header(quiz: ET.Element, qtype: str, item: Item) -> ET.Element:
    question = ET.SubElement(quiz, "question", type=qtype)
    _text(question, "name", item.title or item.prompt[:80], fmt=False)
    _text(question, "questiontext", item.prompt, rich=(item.html or {}).get("prompt", ""))
    general = (item.feedback or {}).get("general", "")
    _text(question, "generalfeedback", general, rich=_rich(item, general))
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
            _answer(
                question, 100 if choice == item.answer else 0, choice, _comment(item, choice), item
            )
        return
    if item.weights:
        grade = {c: nearest_grade(float(item.weights.get(c, 0))) for c in item.choices}
        wrong = 0.0
    else:
        rights, wrong, _ = multiple_choice_grades(len(item.answer))
        grade = dict(zip(item.answer, rights, strict=True))
    for choice in item.choices:
        _answer(question, 100 * grade.get(choice, wrong), choice, _comment(item, choice), item)


def _question(quiz: ET.Element, item: Item) -> None:
    if item.type in ("single_choice", "multiple_choice"):
        _choices(quiz, item)
    elif item.type == "true_false":
        question = _header(quiz, "truefalse", item)
        _answer(question, 100 if item.answer else 0, "true", _comment(item, "true"), item)
        _answer(question, 0 if item.answer else 100, "false", _comment(item, "false"), item)
    elif item.type in ("cloze", "translation"):
        question = _header(quiz, "shortanswer", item)
        ET.SubElement(question, "usecase").text = "0"
        for form in [item.answer] if isinstance(item.answer, str) else item.answer:
            _answer(question, 100, form.replace("*", "\\*"), _comment(item, form), item)
    elif item.type == "matching":
        question = _header(quiz, "matching", item)
        ET.SubElement(question, "shuffleanswers").text = "true"
        rights = {right for _, right in item.answer}
        pairs = [*item.answer, *(["", c] for c in item.choices if c not in rights)]
        for left, right in pairs:
            sub = _text(question, "subquestion", left, rich=_rich(item, left))
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = strip_controls(right)
    elif item.type == "ordering":
        question = _header(quiz, "ordering", item)
        ET.SubElement(question, "layouttype").text = "VERTICAL"
        subset = item.subset if item.subset and 2 <= item.subset < len(item.answer) else None
        ET.SubElement(question, "selecttype").text = "RANDOM" if subset else "ALL"
        ET.SubElement(question, "selectcount").text = str(subset or len(item.answer))
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
    body = _TEXT_RE.sub(_cdata, ET.tostring(quiz, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n", []


# --- reading -----------------------------------------------------------------------------------
#
# Moodle's reader (question/format/xml/format.php) takes a question's text from questiontext/text
# with its format attribute, answers with their fraction in percent, a category question's path
# as "$course$/top/…". We read the same elements for our seven types, with the checks and the
# error codes of the GIFT reader (quizzes.interchange.gift), so both imports report alike.

_FORMATS = {
    "plain_text": "plain",
    "html": "html",
    "moodle_auto_format": "moodle",
    "markdown": "markdown",
}
_CATEGORY_PREFIX = re.compile(r"^\$(course|module|system|cat\d*)\$/(top/)?")


def _lines(text: str) -> list[int]:
    """The line each <question> of the <quiz> starts on (ElementTree keeps no line numbers)."""
    lines: list[int] = []
    depth = 0
    parser = expat.ParserCreate()

    def start(name, attrs):
        nonlocal depth
        depth += 1
        if depth == 2 and name == "question":
            lines.append(parser.CurrentLineNumber)

    def end(name):
        nonlocal depth
        depth -= 1

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.Parse(text.encode("utf-8"), True)
    return lines


def _read_text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return strip_controls(element.findtext("text") or "").strip()


def _format(element: ET.Element | None) -> str:
    if element is None:
        return "moodle"
    return _FORMATS.get(element.get("format", "moodle_auto_format"), "html")


def _fraction_of(answer: ET.Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError as error:
        raise gift._Invalid("bad_fraction", fraction=answer.get("fraction", "")) from error


def parse(text: str) -> gift.ParseResult:
    """Read a Moodle XML file: every question comes back, valid (with its item) or with its
    errors and the line it starts on. A file that is not well-formed XML, or that declares a
    DOCTYPE (entities are never expanded here), is one error on line 1."""
    text = text.lstrip("\ufeff")
    if "<!DOCTYPE" in text.upper():
        return gift.ParseResult([gift.Parsed(1, "", None, [gift.GiftError(1, "xml_doctype")])])
    try:
        lines = _lines(text)
        root = ET.fromstring(text)
    except (ET.ParseError, expat.ExpatError) as error:
        line = getattr(error, "lineno", None) or getattr(error, "position", (1,))[0]
        return gift.ParseResult(
            [gift.Parsed(line, "", None, [gift.GiftError(line, "xml_malformed")])]
        )
    category = ""
    questions: list[gift.Parsed] = []
    for element, line in zip(root.findall("question"), lines, strict=False):
        kind = element.get("type", "")
        if kind == "category":
            category = _CATEGORY_PREFIX.sub("", _read_text(element.find("category"))).strip("/")
            continue
        questions.append(_read_question(element, kind, line, category))
    return gift.ParseResult(questions)


def _read_question(element: ET.Element, kind: str, line: int, category: str) -> gift.Parsed:
    parsed = gift.Parsed(line, _read_text(element.find("name")), None)
    fmt = _format(element.find("questiontext"))
    prompt = _read_text(element.find("questiontext"))
    with markup.collecting() as texts:
        try:
            prompt, prompt_html = gift.rich_text(prompt, fmt)
            item = _item(element, kind, prompt, fmt)
            general = _read_text(element.find("generalfeedback"))
            if general:
                general = gift.plain_text(general, _format(element.find("generalfeedback")))
        except gift._Invalid as invalid:
            parsed.errors.append(gift.GiftError(line, invalid.code, invalid.params))
            return parsed
    item.category, item.title, item.line = category, parsed.title, line
    # The category path and Moodle's own tags (<tags><tag><text>) become the bank's tags.
    own = [strip_controls(t.findtext("text") or "").strip() for t in element.iterfind("tags/tag")]
    item.tags = list(dict.fromkeys(([category] if category else []) + [t for t in own if t]))
    if general:
        item.feedback = {"general": general, "answers": item.feedback.get("answers", {})}
    item.language = gift._language(category, [prompt, *gift._texts(item)])
    if item.type == "translation" and item.language == gift.guess_language(gift._forms(item)[0]):
        item.type, item.prompt = "cloze", f"{prompt} {gift.BLANK}"
    item.html = markup.item_html(prompt, prompt_html, item.prompt, texts)
    for problem in gift.problems(item.type, item.prompt, item.answer, item.choices):
        parsed.errors.append(gift.GiftError(line, problem.code, problem.params))
    if not parsed.errors and not item.language:
        parsed.errors.append(gift.GiftError(line, "language_unsupported"))
    if not parsed.errors:
        parsed.item = item
    return parsed


def _answers(element: ET.Element, fmt: str) -> list[tuple[float, str, str]]:
    """(fraction in %, text, feedback) of each answer."""
    out = []
    for answer in element.findall("answer"):
        text = gift.plain_text(_read_text(answer), _FORMATS.get(answer.get("format", ""), fmt))
        feedback = gift.plain_text(
            _read_text(answer.find("feedback")), _format(answer.find("feedback"))
        )
        out.append((_fraction_of(answer), text, feedback))
    return out


def _item(element: ET.Element, kind: str, prompt: str, fmt: str) -> Item:
    if kind == "multichoice":
        answers = _answers(element, fmt)
        choices = [text for _, text, _ in answers]
        feedback = gift._feedback("", {t: c for _, t, c in answers})
        if (element.findtext("single") or "true").strip().lower() in ("true", "1"):
            rights = [text for fraction, text, _ in answers if fraction >= 99.99]
            if len(rights) != 1:
                raise gift._Invalid("several_right_answers" if rights else "no_right_answer")
            if any(0.01 < f < 99.99 for f, _, _ in answers):
                raise gift._Invalid("partial_credit_unsupported")
            return Item("single_choice", "", prompt, rights[0], choices, feedback=feedback)
        rights = [t for f, t, _ in answers if f > 0]
        if not rights:
            raise gift._Invalid("no_right_answer")
        weights = gift.choice_weights([(t, f) for f, t, _ in answers])
        return Item(
            "multiple_choice", "", prompt, rights, choices, weights=weights, feedback=feedback
        )
    if kind == "truefalse":
        answers = _answers(element, fmt)
        right = [text.lower() for fraction, text, _ in answers if fraction >= 99.99]
        if len(right) != 1 or right[0] not in ("true", "false"):
            raise gift._Invalid("bad_true_false")
        feedback = gift._feedback("", {t.lower(): c for _, t, c in answers})
        return Item("true_false", "", prompt, right[0] == "true", [], feedback=feedback)
    if kind == "shortanswer":
        answers = [gift._Answer(True, f, t, fmt, c) for f, t, c in _answers(element, fmt)]
        if not answers:
            raise gift._Invalid("unknown_answer_block")
        return gift._short_answer(answers, prompt)
    if kind == "matching":
        pairs, extras = [], []
        for sub in element.findall("subquestion"):
            left = gift.plain_text(_read_text(sub), _FORMATS.get(sub.get("format", ""), fmt))
            # The match is plain text in Moodle (qtype_match stores it so).
            right = strip_controls(sub.findtext("answer/text") or "").strip()
            if left:
                pairs.append([left, right])
            elif right:
                extras.append(right)
        choices = list(dict.fromkeys([right for _, right in pairs] + extras))
        return Item("matching", "", prompt, pairs, choices)
    if kind == "ordering":
        items = [text for _, text, _ in _answers(element, fmt)]
        select = (element.findtext("selecttype") or "RANDOM").strip().upper()
        try:
            count = int((element.findtext("selectcount") or "0").strip())
        except ValueError:
            count = 0
        item = Item("ordering", "", prompt, items, gift.display_order(items, prompt))
        if select not in ("ALL", "EXACT") and 2 <= count < len(items):
            item.subset = count
        return item
    raise gift._Invalid("type_unsupported", type=kind)
