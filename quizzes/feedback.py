"""What a learner is shown after answering: the right answer and their own in words, and the
source sentence in both languages with the answer marked. Plain data for templates; no HTTP."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from content.lang.grading import explain
from quizzes import grading
from quizzes.generation.model import answer_strings
from quizzes.models import AttemptItem, Question
from quizzes.taking import shown_answer


@dataclass(frozen=True)
class Segment:
    text: str
    mark: bool = False


@dataclass(frozen=True)
class Source:
    language: str  # "zh" or "vi"
    segments: list[Segment]


def highlight(text: str, needles: Iterable[str]) -> list[Segment]:
    """`text` cut into segments, those matching a needle (case-insensitive, longest first)
    marked. Marking is done on the text as given: nothing is inserted as HTML."""
    needles = sorted({n.strip() for n in needles if n and n.strip()}, key=len, reverse=True)
    if not text or not needles:
        return [Segment(text)] if text else []
    pattern = re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)
    out, at = [], 0
    for match in pattern.finditer(text):
        if match.start() > at:
            out.append(Segment(text[at : match.start()]))
        out.append(Segment(match.group(), mark=True))
        at = match.end()
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


def _other(language: str) -> str:
    return "vi" if language == "zh" else "zh"


def translate_forms(forms: Iterable[str], terms) -> list[str]:
    """The other language's names for `forms`, through the document's terms: a term counts when
    its name is the form or part of it (江苏 in 江苏省, "Giang Tô" in "tỉnh Giang Tô"). Numbers
    are the same in both languages. terms: (zh, vi, aliases) rows or a TermIndex."""
    wanted = [unicodedata.normalize("NFC", f).casefold() for f in forms]
    out = [f for f in forms if f.isdigit()]
    translations = getattr(terms, "translations", None)
    if translations is not None:  # a quizzes.term_index.TermIndex: names folded once
        out += [there for name, there in translations if any(name in f for f in wanted)]
        return out
    for zh, vi, _aliases in terms:
        for here, there in ((zh, vi), (vi, zh)):
            name = unicodedata.normalize("NFC", here or "").casefold()
            if len(name) >= 2 and there and any(name in form for form in wanted):
                out.append(there)
    return out


def answer_forms(question: Question) -> list[str]:
    """The strings of the answer worth marking in a sentence (not a true/false verdict)."""
    if question.type == Question.Type.TRUE_FALSE:
        return []
    if question.type == Question.Type.MATCHING:
        return [left for left, _right in question.answer]
    return answer_strings(question.answer)


def sources(item: AttemptItem, terms) -> list[Source]:
    """The question's source sentence and its translation, zh first, answer marked in both.
    With a quizzes.term_index.TermIndex, marked once per question version and document
    version (kept in the index's memo), not on every feedback."""
    memo = getattr(terms, "memo", None)
    if memo is None:
        return _sources(item, terms)
    prompt = item.prompt_question if item.prompt_question_id else None
    key = (
        "sources",
        item.question_id,
        item.question.updated_at,
        item.prompt_question_id,
        prompt.updated_at if prompt is not None else None,
    )
    found = memo.get(key)
    if found is None:
        found = memo[key] = _sources(item, terms)
    return found


def _sources(item: AttemptItem, terms) -> list[Source]:
    question = item.question
    here = question.language
    forms = answer_forms(question)
    if question.type == Question.Type.TRANSLATION:
        # A translation question's answer is in the other language; its prompt names the source.
        there_forms, here_forms = forms, translate_forms(forms, terms)
    else:
        here_forms = forms
        there_forms = translate_forms(forms, terms)
        if item.prompt_question_id and item.prompt_question.language != here:
            there_forms += answer_forms(item.prompt_question)
    by_language = {
        here: highlight(question.source, here_forms),
        _other(here): highlight(question.source_translation, there_forms),
    }
    return [Source(lang, by_language[lang]) for lang in ("zh", "vi") if by_language[lang]]


def describe(question: Question, value) -> list[str]:
    """An answer or a response in words, one line per part."""
    if value is None:
        return []
    if question.type == Question.Type.TRUE_FALSE:
        return [_("True") if value else _("False")]
    if question.type == Question.Type.MATCHING:
        return [f"{left} → {right}" for left, right in value]
    if question.type == Question.Type.ORDERING:
        return [f"{i}. {text}" for i, text in enumerate(value, start=1)]
    if question.type in (Question.Type.CLOZE, Question.Type.TRANSLATION) and isinstance(
        value, list
    ):
        return [value[0]] if value else []
    return answer_strings(value)


def note_text(code: str | None) -> str:
    """What grading note `code` says to the learner, in their language."""
    return explain(code, _)


@dataclass(frozen=True)
class Feedback:
    correct: bool
    partial: bool
    score: float
    note: str
    answer: list[str]
    response: list[str]
    sources: list[Source]
    comments: list[str] = ()  # an imported question's feedback on this response, then general


def comments(question: Question, response) -> list[str]:
    """The feedback an imported question (Moodle's #feedback and ####general feedback) gives
    on `response`: the comment of each option picked (or of the true/false answer, or of the
    accepted form typed), then the general feedback."""
    stored = question.feedback or {}
    by_answer = stored.get("answers") or {}
    picked: list[str] = []
    if response is None:
        picked = []
    elif question.type == Question.Type.TRUE_FALSE:
        value = grading._as_bool(response)
        picked = [] if value is None else [str(value).lower()]
    elif question.type == Question.Type.SINGLE_CHOICE and isinstance(response, str):
        picked = [response]
    elif question.type == Question.Type.MULTIPLE_CHOICE and isinstance(response, list):
        picked = [option for option in question.choices if option in response]
    elif question.type in (Question.Type.CLOZE, Question.Type.TRANSLATION):
        typed = " ".join(str(response).split()).casefold()
        picked = [form for form in by_answer if " ".join(form.split()).casefold() == typed]
    out = [by_answer[key] for key in picked if by_answer.get(key)]
    if stored.get("general"):
        out.append(stored["general"])
    return out


def feedback(item: AttemptItem, terms) -> Feedback:
    question = item.question
    score = item.score or 0.0
    return Feedback(
        correct=item.correct,
        partial=0 < score < 1,
        score=score,
        note=note_text(item.note),
        answer=describe(question, shown_answer(question, item.choices)),
        response=describe(question, item.response),
        sources=sources(item, terms),
        comments=comments(question, item.response),
    )
