"""Moodle's GIFT format: read a file into our questions, with per-question errors and line
numbers, and write our questions as GIFT. Pure Python, no Django.

The GIFT packages on PyPI are unmaintained or one-way (pygiftparser, last released in 2017;
pygiftparserrgmf, a 0.0.x release of 2022; gift-wrapper only writes), so this follows Moodle's
own reader (question/format/gift):

- Questions are separated by blank lines; a line starting with // is a comment.
- `$CATEGORY: path` sets the category of the questions that follow.
- `::title::` names a question (stored as its title; the category as its tag); `[html]`,
  `[moodle]`, `[plain]` or `[markdown]` may follow, and may start each answer and feedback.
  Plain text is taken as it is; HTML and Markdown with markup are kept as sanitised HTML
  beside their plain text (quizzes.interchange.markup), text without markup is taken as plain.
- One answer block `{…}`; text after it makes it a "missing word" question, whose blank is
  where the block stood. `\\~ \\= \\# \\{ \\} \\: \\\\` escape those characters, `\\n` is a new
  line. `#feedback` after an answer (true/false: `#when wrong#when right`) and
  `####general feedback` are stored and shown to the learner after answering.

How our seven types map to GIFT:

| ours            | GIFT                                                              |
| --------------- | ----------------------------------------------------------------- |
| single_choice   | multiple choice with one right answer: `{=right ~wrong ~wrong}`   |
| multiple_choice | several right answers by weight: `{~%50%a ~%50%b ~%-50%c}`; each  |
|                 | wrong one costs 100/k %, as our grading does (right − wrong) / k; |
|                 | other weights read from a file are kept and graded as Moodle does |
| true_false      | `{TRUE}` / `{FALSE}`                                              |
| matching        | `{=left -> right …}`; extra right-hand options as `= -> extra`    |
| cloze           | short answer in place of the blank: `text {=answer =other form} text` |
| translation     | short answer after the prompt: `prompt {=answer}`                 |
| ordering        | not in core GIFT: Moodle's ordering question type (core since 4.4) |
|                 | extends it with `{>count ALL VERTICAL <grading> SHOW none`, then  |
|                 | one item a line, in the right order, then `}`; `{>2 RANDOM …`     |
|                 | (or `{>2 none`) shows 2 items drawn at random (Question.subset)   |

On reading, a short answer is a cloze when its text has a blank, a translation when the answer
is written in the other language than the prompt, and otherwise a cloze whose blank ends the
prompt. The language is the last part of the category when it is "zh" or "vi" (our export
writes it so), else the language the question is written in; English and other languages are
refused. Numerical, essay and description questions, partial credit in single-answer and
short-answer questions and Moodle's * wildcard have no counterpart here and are reported as
errors.

Errors are stable codes with parameters (`GiftError`); the web layer translates them.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field

from content.lang.hygiene import strip_controls
from quizzes.interchange import markup
from quizzes.interchange.model import (
    Item,
    Skipped,
    detect_language,
    guess_language,
    multiple_choice_grades,
    nearest_grade,
)
from quizzes.validation import BLANK, display_order, problems

SPECIALS = "~=#{}:"
# Escaped characters become private-use placeholders while the structure is read, as Moodle
# does, so that "\{" never opens a block; they turn back into the characters afterwards.
_PLACEHOLDER = {c: chr(0xE000 + i) for i, c in enumerate("\\" + SPECIALS)}
_NEWLINE = chr(0xE010)
_RESTORE = {v: k for k, v in _PLACEHOLDER.items()} | {_NEWLINE: "\n"}
_RESTORE_RE = re.compile("[" + "".join(_RESTORE) + "]")

_FORMATS = ("[html]", "[moodle]", "[plain]", "[markdown]")
# Moodle compares the answer with T, TRUE, F, FALSE as written: {true} is a short answer.
_TRUE_FALSE_RE = re.compile(r"^(T|F|TRUE|FALSE)\s*(#.*)?$", re.DOTALL)
_WEIGHT_RE = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")
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
    fmt = "moodle"  # Moodle's default format for a question without a marker
    marker, body = _format_marker(body)
    if marker:
        fmt = marker
        offset += len(marker) + 2

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
        item = _item(inner, prompt, category, fmt)
    except _Invalid as invalid:
        parsed.errors.append(GiftError(block_line, invalid.code, invalid.params))
        return parsed
    item.title, item.line = parsed.title, first
    for problem in problems(item.type, item.prompt, item.answer, item.choices):
        parsed.errors.append(GiftError(first, problem.code, problem.params))
    if not parsed.errors and not item.language:
        # English, French…: not one of ours, and never to be taken for Vietnamese.
        parsed.errors.append(GiftError(first, "language_unsupported"))
    if not parsed.errors:
        parsed.item = item
    return parsed


def _format_marker(text: str) -> tuple[str, str]:
    """(format name, rest) when `text` starts with one of Moodle's four format markers, as
    Moodle's parse_text_with_format reads them (case matters), else ("", text)."""
    for marker in _FORMATS:
        if text.startswith(marker):
            return marker[1:-1], text[len(marker) :]
    return "", text


_TAG_RE = re.compile(r"<[A-Za-z/!]|&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def _markup(text: str, fmt: str) -> bool:
    """Whether `text` means something else in `fmt` than as plain text: HTML tags or entities
    (html and moodle formats), or anything Markdown would render."""
    if fmt == "plain":
        return False
    if fmt == "markdown":
        return not markup.markdown_is_plain(text)
    return bool(_TAG_RE.search(text))


class _Invalid(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


@dataclass
class _Answer:
    right: bool  # "=" rather than "~"
    weight: float | None  # the %n% weight, if any
    text: str
    format: str  # the answer's own format marker, else the question's
    feedback: str = ""


def _text_in(raw: str, fmt: str) -> str:
    """A piece of text as Moodle's parse_text_with_format reads it: a leading format marker
    taken off (its format then applies), escapes undone; markup kept as sanitised HTML."""
    own, rest = _format_marker(raw.strip())
    return plain_text(_restore(rest).strip(), own or fmt)


def _general_feedback(inner: str, fmt: str) -> tuple[str, str]:
    """(answers, general feedback): Moodle takes what follows the last "####"."""
    if "####" not in inner:
        return inner, ""
    answers, general = inner.rsplit("####", 1)
    return answers, _text_in(general, fmt)


def _answers(inner: str, fmt: str, *, weights_on_right: bool) -> list[_Answer]:
    """The answers of a block, as Moodle's readquestion reads them: a %n% weight after "~" (and
    after "=" in short answers, not in multiple choice), feedback after "#", a leading format
    marker taken off each answer and each feedback."""
    parts = re.split(r"(?=[=~])", inner)
    if parts and parts[0].strip():
        raise _Invalid("text_before_answers", text=_restore(parts[0]).strip())
    answers = []
    for part in parts[1:]:
        marker, rest = part[0], part[1:].strip()
        weight = None
        match = _WEIGHT_RE.match(rest)
        if match and (marker == "~" or weights_on_right):
            weight = float(match.group(1))
            rest = rest[match.end() :]
        text, _hash, comment = rest.partition("#")
        own, text = _format_marker(text.strip())
        feedback = _text_in(comment, fmt) if comment.strip() else ""
        answers.append(_Answer(marker == "=", weight, _restore(text).strip(), own or fmt, feedback))
    return answers


def _feedback(general: str, answers: dict[str, str]) -> dict:
    answers = {text: comment for text, comment in answers.items() if comment}
    if not general and not answers:
        return {}
    return {"general": general, "answers": answers}


def _language(category: str, texts: list[str]) -> str:
    """The category's last part when it names our languages (our exports write it so), else the
    language the question is written in; "" for another language (the question is refused)."""
    last = category.rstrip("/").rsplit("/", 1)[-1].strip().lower()
    if last in LANGUAGES:
        return last
    return detect_language(" ".join(texts)) or ""


def plain_text(text: str, fmt: str) -> str:
    """`text` as the plain text it shows in Moodle's format `fmt` (see rich_text); the HTML of
    a text with markup is recorded for the question being read."""
    plain, clean = rich_text(text, fmt)
    markup.record(plain, clean)
    return plain


def rich_text(text: str, fmt: str) -> tuple[str, str]:
    """(plain text, sanitised HTML) of `text` in Moodle's format `fmt`; the HTML is "" when the
    text has no markup. HTML made only of paragraphs, line breaks and character entities (what
    Moodle's editor writes around plain text) is that plain text alone; Markdown is rendered
    (CommonMark, raw HTML disabled); any HTML is sanitised to markup.TAGS."""
    if fmt == "plain" or not _markup(text, fmt):
        return text, ""
    if fmt == "markdown":
        clean = markup.markdown_html(text)
    else:
        clean = markup.sanitise(re.sub(r"\s*\n\s*", " ", text) if fmt == "html" else text)
    plain = markup.to_plain(clean)
    return plain, (clean if markup.has_markup(clean) else "")


def _item(inner: str, prompt: str, category: str, fmt: str) -> Item:
    with markup.collecting() as texts:
        prompt, prompt_html = rich_text(prompt, fmt)
        item = _item_of(inner, prompt, category, fmt)
    item.html = markup.item_html(prompt, prompt_html, item.prompt, texts)
    return item


def _item_of(inner: str, prompt: str, category: str, fmt: str) -> Item:
    stripped = inner.strip()
    if stripped.startswith("#"):
        raise _Invalid("numerical_unsupported")
    inner, general = _general_feedback(inner, fmt)
    stripped = inner.strip()
    if stripped.startswith(">"):
        item = _ordering(stripped[1:], prompt)
    elif not stripped:
        raise _Invalid("essay_unsupported")
    elif _TRUE_FALSE_RE.match(stripped):
        item = _true_false(stripped, prompt, fmt)
    elif "~" in inner:
        item = _choice(_answers(inner, fmt, weights_on_right=False), prompt)
    elif "=" in inner and "->" in inner:
        item = _matching(_answers(inner, fmt, weights_on_right=False), prompt, fmt)
    else:
        answers = _answers(inner, fmt, weights_on_right=True)
        if not answers:
            raise _Invalid("unknown_answer_block")
        item = _short_answer(answers, prompt)
    if general:
        item.feedback = {"general": general, "answers": item.feedback.get("answers", {})}
    item.category = category
    item.tags = [category] if category else []
    item.language = _language(category, [prompt, *_texts(item)])
    if item.type == "translation" and item.language == guess_language(_forms(item)[0]):
        item.type, item.prompt = "cloze", f"{prompt} {BLANK}"
    return item


def _texts(item: Item) -> list[str]:
    if item.type == "true_false":
        return []
    if item.type == "matching":
        return [t for pair in item.answer for t in pair] + list(item.choices)
    if item.type in ("cloze", "translation"):
        return []  # a translation's answer is in the other language
    return list(item.choices)


def _true_false(block: str, prompt: str, fmt: str) -> Item:
    """{TRUE#feedback when wrong#feedback when right}, as Moodle's split_truefalse_comment."""
    bits = block.split("#", 2)
    value = bits[0].strip() in ("T", "TRUE")
    wrong = _text_in(bits[1], fmt) if len(bits) > 1 else ""
    right = _text_in(bits[2], fmt) if len(bits) > 2 else ""
    comments = {str(value).lower(): right, str(not value).lower(): wrong}
    return Item("true_false", "", prompt, value, [], feedback=_feedback("", comments))


def _as_plain(answers: list[_Answer]) -> None:
    for answer in answers:
        answer.text, answer.format = plain_text(answer.text, answer.format), "plain"


def _choice(answers: list[_Answer], prompt: str) -> Item:
    _as_plain(answers)
    choices = [a.text for a in answers]
    if any(a.right for a in answers):
        rights = [a for a in answers if a.right]
        if len(rights) > 1:
            raise _Invalid("several_right_answers")
        if any(a.weight and a.weight > 0 for a in answers if not a.right):
            raise _Invalid("partial_credit_unsupported")
        feedback = _feedback("", {a.text: a.feedback for a in answers})
        return Item("single_choice", "", prompt, rights[0].text, choices, feedback=feedback)
    # No "=": Moodle's multiple-answer question; an answer is right when its weight is positive.
    rights = [a for a in answers if a.weight is not None and a.weight > 0]
    if not rights:
        raise _Invalid("no_right_answer")
    weights = choice_weights([(a.text, a.weight or 0) for a in answers])
    feedback = _feedback("", {a.text: a.feedback for a in answers})
    return Item(
        "multiple_choice",
        "",
        prompt,
        [a.text for a in rights],
        choices,
        weights=weights,
        feedback=feedback,
    )


def choice_weights(weights: list[tuple[str, float]]) -> dict[str, float]:
    """The weights (in %) of a multiple-answer question's options as we store them: {} when
    they are our own grading (each right 1/k, each wrong −1/k, or the grades our export writes
    where Moodle's list has no 1/k), else option → fraction, which the grader then sums as
    Moodle does. The right weights must add up to 100 %, as Moodle requires."""
    rights = [w for _, w in weights if w > 0]
    wrongs = [w for _, w in weights if w <= 0]
    grades, wrong, _ = multiple_choice_grades(len(rights))
    expected = sorted(100 * g for g in grades)
    same = all(abs(a - b) < 0.01 for a, b in zip(sorted(rights), expected, strict=True))
    if same and all(abs(w - 100 * wrong) < 0.01 for w in wrongs):
        return {}
    if round(sum(rights), 2) != 100 or any(w < -100 for w in wrongs):
        raise _Invalid("weights_unsupported", total=_weight(sum(rights)))
    return {text: round(w / 100, 7) for text, w in weights}


def _matching(answers: list[_Answer], prompt: str, fmt: str) -> Item:
    pairs, extras = [], []
    for answer in answers:
        if "->" not in answer.text:
            raise _Invalid("matching_needs_arrow", text=answer.text)
        left, right = (s.strip() for s in answer.text.split("->", 1))
        # Moodle reads a format marker before the item; its match is always plain text.
        left = plain_text(left, answer.format)
        if left:
            pairs.append([left, right])
        else:
            extras.append(right)
    choices = list(dict.fromkeys([right for _, right in pairs] + extras))
    return Item("matching", "", prompt, pairs, choices)


def _short_answer(answers: list[_Answer], prompt: str) -> Item:
    _as_plain(answers)
    if any(a.weight is not None and a.weight < 100 for a in answers):
        raise _Invalid("partial_credit_unsupported")
    forms, comments = [], {}
    for answer in answers:
        # "*" is Moodle's wildcard in a short answer, "\*" a star (qtype_shortanswer).
        if re.search(r"(?<!\\)\*", answer.text):
            raise _Invalid("wildcard_unsupported", text=answer.text)
        forms.append(answer.text.replace("\\*", "*"))
        comments[forms[-1]] = answer.feedback
    answer: str | list[str] = forms[0] if len(forms) == 1 else forms
    feedback = _feedback("", comments)
    if BLANK in prompt:
        return Item("cloze", "", prompt, answer, [], feedback=feedback)
    if forms[0] and guess_language(forms[0]) != guess_language(prompt):
        return Item("translation", "", prompt, answer, [], feedback=feedback)
    prompt = f"{prompt} {BLANK}" if prompt else ""
    return Item("cloze", "", prompt, answer, [], feedback=feedback)


# Moodle's ordering header (question/type/ordering/questiontype.php, import_from_gift): a count,
# then optional words in this order. LONGEST_ORDERED_SUBSET is also read (Moodle's own pattern
# misses it, but earlier Dongxi files wrote it).
_ORDERING_HEADER_RE = re.compile(
    r"^\s*(\d+)\s*(ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?\s*"
    r"(HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?\s*"
    r"(ALL_OR_NOTHING|ABSOLUTE_POSITION|ABSOLUTE|ABS|RELATIVE_NEXT_EXCLUDE_LAST|"
    r"RELATIVE_NEXT_INCLUDE_LAST|RELATIVE_ONE_PREVIOUS_AND_NEXT|RELATIVE_ALL_PREVIOUS_AND_NEXT|"
    r"RELATIVE_TO_CORRECT|RELATIVE|REL|LONGEST_ORDERED_SUBSET|LONGEST_CONTIGUOUS_SUBSET)?\s*"
    r"(SHOW|TRUE|YES|1|HIDE|FALSE|NO|0)?\s*(none|123|abc|ABCD|iii|IIII)?\s*(.*?)\s*$",
    re.DOTALL,
)


def _ordering(inner: str, prompt: str) -> Item:
    match = _ORDERING_HEADER_RE.match(inner)
    if not match:
        raise _Invalid("ordering_needs_count")
    count, select = int(match.group(1)), (match.group(2) or "RANDOM").upper()
    # Blank items and "0" are dropped, as Moodle's array_filter does.
    items = [_restore(line).strip() for line in match.group(7).split("\n")]
    items = [i for i in items if i and i != "0"]
    item = Item("ordering", "", prompt, items, display_order(items, prompt))
    if select not in ("ALL", "EXACT") and 2 <= count < len(items):
        item.subset = count  # Moodle's RANDOM (and CONTIGUOUS) select types: count of them
    return item


# --- writing -----------------------------------------------------------------------------------
#
# What Moodle's reader does with the text we write (question/format/gift/format.php, readquestion
# and parse_text_with_format; question/type/ordering/questiontype.php, import_from_gift):
# - a text (question, answer, matching item) starting with "[" loses a leading [html], [plain],
#   [markdown] or [moodle] as its format: we mark every question [plain] (our texts are plain) and
#   put [plain] before any answer that starts with "[";
# - an answer starting with %n% gets n % as its weight: a wrong option or a short answer that
#   starts so is written with its real weight first (~%0%…, =%100%…);
# - a short-answer block holding "->" is read as matching: such a question cannot travel;
# - "*" in a short answer is Moodle's wildcard: written as \* (Moodle's literal star);
# - ordering items are never un-escaped, are split on new lines, blank ones and "0" are dropped
#   (PHP's array_filter), "}" ends the block and "####" starts the general feedback: an item that
#   needs any of that cannot travel. Moodle's ordering header pattern joins "REL" and
#   "LONGEST_ORDERED_SUBSET" into one word, so that grading type cannot be named in GIFT: we write
#   LONGEST_CONTIGUOUS_SUBSET and say so in a comment (Moodle XML keeps LONGEST_ORDERED_SUBSET);
# - fractions must be in Moodle's grade list (quizzes.interchange.model.MOODLE_GRADES).

# Moodle's own pattern for an answer weight ($giftanswerweightregex).
_MOODLE_WEIGHT_RE = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_ORDERING_HEADER = "ALL VERTICAL LONGEST_CONTIGUOUS_SUBSET SHOW none"
_ORDERING_NOTE = (
    "// Graded in Dongxi by the longest ordered subset; Moodle's GIFT reader cannot read that "
    "grading type, so LONGEST_CONTIGUOUS_SUBSET stands here (Moodle XML keeps it)."
)
_CANNOT = {
    "arrow_in_short_answer": 'a short answer holds "->", which Moodle reads as a matching question',
    "arrow_in_matching_item": 'a matching item holds "->", which GIFT cannot escape',
    "ordering_item": (
        'an ordering item is empty, "0", spans lines, starts with "//" or holds "}", "####" or a '
        "backslash escape, which Moodle's ordering reader cannot read back"
    ),
}


def _weight(value: float) -> str:
    return f"{value:.7f}".rstrip("0").rstrip(".") or "0"


# The HTML of the item being written (Item.html), read by _answer_text.
_WRITING: ContextVar[dict | None] = ContextVar("writing_html", default=None)


def _answer_text(text: str) -> str:
    """An answer as Moodle reads it back: escaped, and a leading "[" kept as text; an answer
    that came with markup is written as [html], and under an [html] question a plain one is
    marked [plain]."""
    current = _WRITING.get() or {}
    rich = current.get("texts", {}).get(text)
    if rich:
        return "[html]" + escape(rich)
    escaped = escape(text)
    plain = escaped.startswith("[") or current.get("prompt")
    return "[plain]" + escaped if plain else escaped


def _weighted(marker: str, text: str, default: str) -> str:
    """`marker` + text, with the default weight written out when the text itself starts with
    something Moodle would take for one."""
    body = _answer_text(text)
    if _MOODLE_WEIGHT_RE.match(body):
        return f"{marker}%{default}%{body}"
    return marker + body


def ordering_item_travels(text: str) -> bool:
    """Whether Moodle's ordering reader gives this item back as written."""
    stripped = text.strip()
    return not (
        not stripped
        or stripped == "0"
        or "\n" in text
        or "\r" in text
        or "}" in text
        or "####" in text
        or stripped.startswith("//")
        or re.search(r"\\[\\:#={}~n]", text)
        or strip_controls(text) != text
    )


def _forms(item: Item) -> list[str]:
    return [item.answer] if isinstance(item.answer, str) else list(item.answer)


def _comment(item: Item, key) -> str:
    """ "#feedback" for one answer, when the item has any."""
    text = (item.feedback or {}).get("answers", {}).get(key, "")
    return "#" + _answer_text(text) if text else ""


def _general(item: Item) -> str:
    text = (item.feedback or {}).get("general", "")
    return "####" + _answer_text(text) if text else ""


def _grades(item: Item) -> tuple[dict, float, list[str]]:
    """Each option's grade (fraction) in Moodle's list, the grade of an option not listed, and
    a note when that is not exactly our grading."""
    if item.weights:
        grades = {c: nearest_grade(float(item.weights.get(c, 0))) for c in item.choices}
        if any(abs(grades[c] - float(item.weights.get(c, 0))) > 1e-5 for c in item.choices):
            return grades, 0.0, ["// Weights rounded to the nearest grades Moodle allows."]
        return grades, 0.0, []
    rights, wrong, exact = multiple_choice_grades(len(item.answer))
    notes = []
    if not exact:
        shares = ", ".join(f"{_weight(100 * g)}% x{rights.count(g)}" for g in dict.fromkeys(rights))
        notes.append(
            f"// Moodle's grade list has no 1/{len(item.answer)}: the right answers are "
            f"worth {shares} here (100% together), each wrong one {_weight(100 * wrong)}%."
        )
    return dict(zip(item.answer, rights, strict=True)), wrong, notes


def _block(item: Item) -> tuple[str | None, list[str], str]:
    """(block, comment lines, reason code when the item cannot be written)."""
    notes: list[str] = []
    if item.type in ("cloze", "translation"):
        forms = _forms(item)
        if any("->" in f for f in forms):
            return None, [], "arrow_in_short_answer"
        parts = [_weighted("=", f.replace("*", "\\*"), "100") + _comment(item, f) for f in forms]
        body = " ".join(parts)
    elif item.type == "true_false":
        key, other = str(bool(item.answer)).lower(), str(not item.answer).lower()
        body = "TRUE" if item.answer else "FALSE"
        right, wrong = _comment(item, key), _comment(item, other)
        if right or wrong:
            body += (wrong or "#") + right
    elif item.type == "single_choice":
        body = " ".join(
            ("=" + _answer_text(c) if c == item.answer else _weighted("~", c, "0"))
            + _comment(item, c)
            for c in item.choices
        )
    elif item.type == "multiple_choice":
        grade, other, notes = _grades(item)
        body = " ".join(
            f"~%{_weight(100 * grade.get(c, other))}%{_answer_text(c)}{_comment(item, c)}"
            for c in item.choices
        )
    elif item.type == "matching":
        if any("->" in left for left, _ in item.answer):
            return None, [], "arrow_in_matching_item"
        rights = {right for _, right in item.answer}
        parts = [f"={_answer_text(left)} -> {escape(right)}" for left, right in item.answer]
        parts += [f"= -> {escape(c)}" for c in item.choices if c not in rights]
        body = "\n" + "\n".join(parts) + "\n"
    elif item.type == "ordering":
        if not all(ordering_item_travels(i) for i in item.answer):
            return None, [], "ordering_item"
        items = "\n".join(i.strip() for i in item.answer)
        if item.subset and 2 <= item.subset < len(item.answer):
            header = _ORDERING_HEADER.replace("ALL", "RANDOM", 1)
            body = f">{item.subset} {header}\n{items}\n"
        else:
            body = f">{len(item.answer)} {_ORDERING_HEADER}\n{items}\n"
        notes = [_ORDERING_NOTE]
    else:
        return None, [], "not_expressible"
    return "{" + body + _general(item) + "}", notes, ""


def _text_with_block(prompt: str, block: str, rich: str = "") -> str:
    """The block stands in the prompt's blank when there is exactly one, inside the text. The
    question is marked [plain]: our texts are plain text, and a prompt starting with "[html]"
    keeps it; a prompt that came with markup is written as its sanitised HTML, marked [html]."""
    marker, text = ("[html]", rich) if rich else ("[plain]", prompt)
    if prompt.count(BLANK) == 1 and text.count(BLANK) == 1:
        before, after = text.split(BLANK)
        plain_before, plain_after = prompt.split(BLANK)
        if plain_after.strip() and plain_before.strip():
            return f"{marker}{escape(before)}{block}{escape(after)}"
    return f"{marker}{escape(text)} {block}"


def dumps(items: list[Item]) -> tuple[str, list[Skipped]]:
    """GIFT text for `items`, and the items it cannot express: they are left out, with a
    comment in their place that says why."""
    out: list[str] = []
    skipped: list[Skipped] = []
    category = None
    for item in items:
        token = _WRITING.set(item.html or {})
        try:
            block, notes, reason = _block(item)
        finally:
            _WRITING.reset(token)
        if block is None:
            skipped.append(Skipped(item.title, reason))
            out.append(
                f"// Left out: {strip_controls(item.title)}: {_CANNOT.get(reason, reason)}.\n"
            )
            continue
        if item.category and item.category != category:
            out.append(f"$CATEGORY: {item.category}\n")
            category = item.category
        title = f"::{escape(item.title)}::" if item.title else ""
        text = _text_with_block(item.prompt, block, (item.html or {}).get("prompt", ""))
        lines = [*notes, f"{title}{text}"]
        out.append("\n".join(lines) + "\n")
    return "\n".join(out), skipped
