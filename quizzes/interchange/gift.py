"""Moodle's GIFT format: read a file into our questions, with per-question errors and line
numbers, and write our questions as GIFT. Pure Python, no Django.

The GIFT packages on PyPI are unmaintained or one-way (pygiftparser, last released in 2017;
pygiftparserrgmf, a 0.0.x release of 2022; gift-wrapper only writes), so this follows Moodle's
own reader (question/format/gift):

- Questions are separated by blank lines; a line starting with // is a comment.
- `$CATEGORY: path` sets the category of the questions that follow.
- `::title::` names a question; `[html]`, `[moodle]`, `[plain]` or `[markdown]` may follow.
- One answer block `{…}`; text after it makes it a "missing word" question, whose blank is
  where the block stood. `\\~ \\= \\# \\{ \\} \\: \\\\` escape those characters, `\\n` is a new
  line. `#feedback` after an answer and `####general feedback` are read and dropped (we keep
  no feedback).

How our seven types map to GIFT:

| ours            | GIFT                                                              |
| --------------- | ----------------------------------------------------------------- |
| single_choice   | multiple choice with one right answer: `{=right ~wrong ~wrong}`   |
| multiple_choice | several right answers by weight: `{~%50%a ~%50%b ~%-50%c}`; each  |
|                 | wrong one costs 100/k %, as our grading does (right − wrong) / k  |
| true_false      | `{TRUE}` / `{FALSE}`                                              |
| matching        | `{=left -> right …}`; extra right-hand options as `= -> extra`    |
| cloze           | short answer in place of the blank: `text {=answer =other form} text` |
| translation     | short answer after the prompt: `prompt {=answer}`                 |
| ordering        | not in core GIFT: Moodle's ordering question type (core since 4.4) |
|                 | extends it with `{>count ALL VERTICAL LONGEST_ORDERED_SUBSET SHOW` |
|                 | then one item a line, in the right order, then `}`                |

On reading, a short answer is a cloze when its text has a blank, a translation when the answer
is written in the other language than the prompt, and otherwise a cloze whose blank ends the
prompt. The language is the last part of the category when it is "zh" or "vi" (our export
writes it so), else the language most of the prompt is written in. Numerical, essay and
description questions have no counterpart here and are reported as errors.

Errors are stable codes with parameters (`GiftError`); the web layer translates them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from content.lang.hygiene import strip_controls
from quizzes.interchange.model import Item, Skipped, guess_language
from quizzes.validation import BLANK, display_order, problems

SPECIALS = "~=#{}:"
# Escaped characters become private-use placeholders while the structure is read, as Moodle
# does, so that "\{" never opens a block; they turn back into the characters afterwards.
_PLACEHOLDER = {c: chr(0xE000 + i) for i, c in enumerate("\\" + SPECIALS)}
_NEWLINE = chr(0xE010)
_RESTORE = {v: k for k, v in _PLACEHOLDER.items()} | {_NEWLINE: "\n"}
_RESTORE_RE = re.compile("[" + "".join(_RESTORE) + "]")

_FORMATS = ("[html]", "[moodle]", "[plain]", "[markdown]")
_TRUE_FALSE_RE = re.compile(r"^(T|F|TRUE|FALSE)\s*(#.*)?$", re.IGNORECASE | re.DOTALL)
_WEIGHT_RE = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")
_ORDERING_KEYWORDS = {
    "ALL", "EXACT", "RANDOM", "REL", "CONTIGUOUS", "CONTIG",
    "HORIZONTAL", "HORI", "H", "VERTICAL", "VERT", "V",
    "ALL_OR_NOTHING", "ABSOLUTE_POSITION", "ABSOLUTE", "ABS", "RELATIVE_NEXT_EXCLUDE_LAST",
    "RELATIVE_NEXT_INCLUDE_LAST", "RELATIVE_ONE_PREVIOUS_AND_NEXT",
    "RELATIVE_ALL_PREVIOUS_AND_NEXT", "RELATIVE_TO_CORRECT", "RELATIVE",
    "LONGEST_ORDERED_SUBSET", "LONGEST_CONTIGUOUS_SUBSET",
    "SHOW", "HIDE", "TRUE", "FALSE", "YES", "NO",
    "none", "123", "abc", "ABCD", "iii", "IIII",
}  # fmt: skip
LANGUAGES = ("zh", "vi")


@dataclass(frozen=True)
class GiftError:
    line: int
    code: str
    params: dict = field(default_factory=dict)


@dataclass
class Parsed:
    """One question of the file: an item when it is valid, else its errors."""

    line: int
    title: str
    item: Item | None
    errors: list[GiftError] = field(default_factory=list)


@dataclass
class ParseResult:
    questions: list[Parsed]

    @property
    def items(self) -> list[Item]:
        return [q.item for q in self.questions if q.item is not None]

    @property
    def errors(self) -> list[GiftError]:
        return [e for q in self.questions for e in q.errors]

    @property
    def invalid(self) -> list[Parsed]:
        return [q for q in self.questions if q.errors]


# --- escapes ---------------------------------------------------------------------------------


def _protect(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        char = text[i]
        following = text[i + 1] if i + 1 < len(text) else ""
        if char == "\\" and following in _PLACEHOLDER:
            out.append(_PLACEHOLDER[following])
            i += 2
        elif char == "\\" and following == "n":
            out.append(_NEWLINE)
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _restore(text: str) -> str:
    return _RESTORE_RE.sub(lambda m: _RESTORE[m.group()], text)


def escape(text: str) -> str:
    """Text as GIFT writes it: special characters and new lines escaped, control characters
    dropped (content.lang.hygiene)."""
    text = strip_controls(text)
    text = text.replace("\\", "\\\\")
    for char in SPECIALS:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


# --- reading -----------------------------------------------------------------------------------


def _chunks(text: str):
    """(first line number, [(line number, line)]) for each blank-line separated question,
    comment lines left out."""
    chunk: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if chunk:
                yield chunk
            chunk = []
        elif not line.lstrip().startswith("//"):
            chunk.append((number, line))
    if chunk:
        yield chunk


def parse(text: str) -> ParseResult:
    """Read a GIFT file. Every question comes back, valid (with its item) or with its errors.
    Control characters are dropped first: no question may store them (content.lang.hygiene)."""
    text = strip_controls(text.lstrip("\ufeff"))
    category = ""
    questions: list[Parsed] = []
    for chunk in _chunks(text):
        if chunk[0][1].lstrip().startswith("$CATEGORY:"):
            category = _restore(_protect(chunk[0][1].split(":", 1)[1])).strip()
            chunk = chunk[1:]
            if not chunk:
                continue
        questions.append(_question(chunk, category))
    return ParseResult(questions)


def _question(chunk: list[tuple[int, str]], category: str) -> Parsed:
    first = chunk[0][0]
    raw = _protect("\n".join(line for _, line in chunk))
    # Lines are joined one to one, so a position's line is the first line plus the new lines
    # before it (escaped new lines are placeholders, not "\n").
    numbers = [n for n, _ in chunk]

    def line_at(position: int) -> int:
        return numbers[raw.count("\n", 0, position)]

    parsed = Parsed(first, "", None)
    body = raw.strip()
    offset = raw.index(body[0]) if body else 0
    if body.startswith("::"):
        end = body.find("::", 2)
        if end < 0:
            parsed.errors.append(GiftError(first, "unclosed_title"))
            return parsed
        parsed.title = _restore(body[2:end]).strip()
        offset += end + 2
        body = body[end + 2 :]
    stripped = body.lstrip()
    offset += len(body) - len(stripped)
    body = stripped
    for marker in _FORMATS:
        if body.lower().startswith(marker):
            body = body[len(marker) :]
            offset += len(marker)
            break

    opening = body.find("{")
    closing_before = body.find("}")
    if opening < 0:
        code = "unexpected_close" if closing_before >= 0 else "no_answer_block"
        at = line_at(offset + closing_before) if closing_before >= 0 else first
        parsed.errors.append(GiftError(at, code))
        return parsed
    if 0 <= closing_before < opening:
        parsed.errors.append(GiftError(line_at(offset + closing_before), "unexpected_close"))
        return parsed
    closing = body.find("}", opening + 1)
    if closing < 0:
        parsed.errors.append(GiftError(line_at(offset + opening), "unclosed_block"))
        return parsed
    after = body[closing + 1 :]
    if "{" in after:
        at = line_at(offset + closing + 1 + after.index("{"))
        parsed.errors.append(GiftError(at, "several_blocks"))
        return parsed
    if "}" in after:
        at = line_at(offset + closing + 1 + after.index("}"))
        parsed.errors.append(GiftError(at, "unexpected_close"))
        return parsed

    before = body[:opening]
    prompt = before + BLANK + after if after.strip() else before
    prompt = _restore(prompt).strip()
    inner = body[opening + 1 : closing]
    block_line = line_at(offset + opening)
    try:
        item = _item(inner, prompt, category)
    except _Invalid as invalid:
        parsed.errors.append(GiftError(block_line, invalid.code, invalid.params))
        return parsed
    item.title, item.line = parsed.title, first
    for problem in problems(item.type, item.prompt, item.answer, item.choices):
        parsed.errors.append(GiftError(first, problem.code, problem.params))
    if not parsed.errors:
        parsed.item = item
    return parsed


class _Invalid(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


@dataclass
class _Answer:
    right: bool  # "=" rather than "~"
    weight: float | None  # the %n% weight, if any
    text: str


def _answers(inner: str) -> list[_Answer]:
    inner = inner.split("####", 1)[0]
    parts = re.split(r"(?=[=~])", inner)
    if parts and parts[0].strip():
        raise _Invalid("text_before_answers", text=_restore(parts[0]).strip())
    answers = []
    for part in parts[1:]:
        marker, rest = part[0], part[1:]
        weight = None
        match = _WEIGHT_RE.match(rest)
        if match:
            weight = float(match.group(1))
            rest = rest[match.end() :]
        text = _restore(rest.split("#", 1)[0]).strip()
        answers.append(_Answer(marker == "=", weight, text))
    return answers


def _language(category: str, prompt: str) -> str:
    last = category.rstrip("/").rsplit("/", 1)[-1].strip().lower()
    return last if last in LANGUAGES else guess_language(prompt)


def _item(inner: str, prompt: str, category: str) -> Item:
    language = _language(category, prompt)
    stripped = inner.strip()
    if stripped.startswith(">"):
        return _ordering(stripped[1:], prompt, language, category)
    if stripped.startswith("#"):
        raise _Invalid("numerical_unsupported")
    if not stripped:
        raise _Invalid("essay_unsupported")
    match = _TRUE_FALSE_RE.match(stripped)
    if match:
        value = match.group(1).upper() in ("T", "TRUE")
        return Item("true_false", language, prompt, value, [], category=category)
    answers = _answers(inner)
    if not answers:
        raise _Invalid("unknown_answer_block")
    if any(not a.right for a in answers):
        return _choice(answers, prompt, language, category)
    if any("->" in a.text for a in answers):
        return _matching(answers, prompt, language, category)
    return _short_answer(answers, prompt, language, category)


def _choice(answers: list[_Answer], prompt: str, language: str, category: str) -> Item:
    choices = [a.text for a in answers]
    if any(a.right for a in answers):
        rights = [a for a in answers if a.right]
        if len(rights) > 1:
            raise _Invalid("several_right_answers")
        if any(a.weight and a.weight > 0 for a in answers if not a.right):
            raise _Invalid("partial_credit_unsupported")
        return Item("single_choice", language, prompt, rights[0].text, choices, category=category)
    # No "=": Moodle's multiple-answer question; an answer is right when its weight is positive.
    rights = [a.text for a in answers if a.weight is not None and a.weight > 0]
    if not rights:
        raise _Invalid("no_right_answer")
    return Item("multiple_choice", language, prompt, rights, choices, category=category)


def _matching(answers: list[_Answer], prompt: str, language: str, category: str) -> Item:
    pairs, extras = [], []
    for answer in answers:
        if "->" not in answer.text:
            raise _Invalid("matching_needs_arrow", text=answer.text)
        left, right = (s.strip() for s in answer.text.split("->", 1))
        if left:
            pairs.append([left, right])
        else:
            extras.append(right)
    choices = list(dict.fromkeys([right for _, right in pairs] + extras))
    return Item("matching", language, prompt, pairs, choices, category=category)


def _short_answer(answers: list[_Answer], prompt: str, language: str, category: str) -> Item:
    if any(a.weight is not None and a.weight < 100 for a in answers):
        raise _Invalid("partial_credit_unsupported")
    forms = [a.text for a in answers]
    answer: str | list[str] = forms[0] if len(forms) == 1 else forms
    if BLANK in prompt:
        return Item("cloze", language, prompt, answer, [], category=category)
    if forms[0] and guess_language(forms[0]) != guess_language(prompt):
        return Item("translation", language, prompt, answer, [], category=category)
    prompt = f"{prompt} {BLANK}" if prompt else ""
    return Item("cloze", language, prompt, answer, [], category=category)


def _ordering(inner: str, prompt: str, language: str, category: str) -> Item:
    lines = inner.split("\n")
    header = lines[0].split()
    if header and header[0].isdigit():
        header = header[1:]
    rest: list[str] = []
    for position, token in enumerate(header):
        if token not in _ORDERING_KEYWORDS:
            rest = [" ".join(header[position:])]
            break
    items = [_restore(line).strip() for line in rest + lines[1:]]
    items = [i for i in items if i]
    return Item(
        "ordering", language, prompt, items, display_order(items, prompt), category=category
    )


# --- writing -----------------------------------------------------------------------------------


def _weight(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _block(item: Item) -> str | None:
    if item.type in ("cloze", "translation"):
        forms = [item.answer] if isinstance(item.answer, str) else list(item.answer)
        return "{" + " ".join("=" + escape(f) for f in forms) + "}"
    if item.type == "true_false":
        return "{TRUE}" if item.answer else "{FALSE}"
    if item.type == "single_choice":
        marks = ("=" if c == item.answer else "~" for c in item.choices)
        return "{" + " ".join(m + escape(c) for m, c in zip(marks, item.choices, strict=True)) + "}"
    if item.type == "multiple_choice":
        share = 100 / len(item.answer)
        parts = [
            f"~%{_weight(share if c in item.answer else -share)}%{escape(c)}" for c in item.choices
        ]
        return "{" + " ".join(parts) + "}"
    if item.type == "matching":
        if any("->" in text for pair in item.answer for text in pair):
            return None  # GIFT has no escape for "->"
        rights = {right for _, right in item.answer}
        parts = [f"={escape(left)} -> {escape(right)}" for left, right in item.answer]
        parts += [f"= -> {escape(c)}" for c in item.choices if c not in rights]
        return "{\n" + "\n".join(parts) + "\n}"
    if item.type == "ordering":
        count = len(item.answer)
        lines = [escape(i) for i in item.answer]
        head = f"{{>{count} ALL VERTICAL LONGEST_ORDERED_SUBSET SHOW"
        return head + "\n" + "\n".join(lines) + "\n}"
    return None


def _text_with_block(prompt: str, block: str) -> str:
    """The block stands in the prompt's blank when there is exactly one, inside the text."""
    if prompt.count(BLANK) == 1:
        before, after = prompt.split(BLANK)
        if after.strip() and before.strip():
            return f"{escape(before)}{block}{escape(after)}"
    return f"{escape(prompt)} {block}"


def dumps(items: list[Item]) -> tuple[str, list[Skipped]]:
    """GIFT text for `items`, and the items it cannot express (they are left out)."""
    out: list[str] = []
    skipped: list[Skipped] = []
    category = None
    for item in items:
        block = _block(item)
        if block is None:
            skipped.append(Skipped(item.title, "not_expressible"))
            continue
        if item.category and item.category != category:
            out.append(f"$CATEGORY: {item.category}\n")
            category = item.category
        title = f"::{escape(item.title)}::" if item.title else ""
        out.append(f"{title}{_text_with_block(item.prompt, block)}\n")
    return "\n".join(out), skipped
