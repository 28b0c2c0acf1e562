"""Checks every generated question must pass; generation drops what fails, tests assert none do.

The leak checker is generic: it knows the question's targets (Term.key) and answer and looks
for any form of them in the prompt — both languages, aliases, mentions, Hán-Việt and pinyin,
diacritics ignored — and for a province abbreviation inside a compound (闽 in 闽宁 gives away
福建).
"""

from __future__ import annotations

from content.lang.model import Analysis

from .model import GeneratedQuestion, answer_strings
from .text import (
    NUMERIC_KINDS,
    abbreviation_compounds,
    analysis_index,
    division_of,
    find_form,
    find_forms,
    has_cjk,
    ordinal_marker_present,
    other,
    squash,
    term_forms,
)

_LANGS = ("zh", "vi")

# "One" written as a word is nearly always the article in both languages (一项重要政策, một chính
# sách): blanking it asks the learner nothing about the text. "1" in digits is a real number.
ARTICLE_ONES = {"一", "một"}


def _term_leaks(question: GeneratedQuestion, analysis: Analysis, langs) -> list[str]:
    leaks = []
    terms = analysis_index(analysis).terms
    for key in question.targets:
        term = terms.get(key)
        if term is None:
            continue
        forms = []
        for lang in langs:
            forms += term_forms(term, lang, analysis)
        # Hán-Việt and pinyin spell the Chinese name in Latin letters: they give away a blanked
        # place, and the Vietnamese side of a translation, never its Chinese side.
        if term.kind not in NUMERIC_KINDS and "vi" in langs:
            for reading in (term.hanviet, term.pinyin):
                if reading:
                    forms += [reading, reading.replace(" ", "")]
        for form in forms:
            if find_form(question.prompt, form):
                leaks.append(f"{key}: {form}")
        division = division_of(term)
        if division and division.abbreviations and "zh" in langs:
            for start, end, provinces in abbreviation_compounds(question.prompt):
                if any(p.zh == division.zh for p in provinces):
                    leaks.append(f"{key}: abbreviation in {question.prompt[start:end]}")
    return leaks


def find_leaks(question: GeneratedQuestion, analysis: Analysis) -> list[str]:
    """What in the prompt (or the order of the options) gives the answer away; [] when nothing."""
    leaks: list[str] = []
    prompt = question.prompt
    if question.type in ("cloze", "single_choice", "multiple_choice"):
        leaks += _term_leaks(question, analysis, _LANGS)
        for text in answer_strings(question.answer):
            if find_forms(prompt, [text]) or (has_cjk(text) and len(text) > 1 and text in prompt):
                leaks.append(f"answer: {text}")
    elif question.type == "translation":
        answer_lang = other(question.language)
        leaks += _term_leaks(question, analysis, (answer_lang,))
        if find_forms(prompt, answer_strings(question.answer)):
            leaks.append(f"answer: {question.answer}")
    elif question.type == "matching":
        for _, right in question.answer:
            if squash(right) and squash(right) in squash(prompt):
                leaks.append(f"pair shown: {right}")
        if [r for _, r in question.answer] == list(question.choices):
            leaks.append("right-hand options in answer order")
    elif question.type == "ordering":
        if list(question.answer) == list(question.choices):
            leaks.append("items shown in the correct order")
        leaks += [f"position marker: {i}" for i in question.answer if ordinal_marker_present(i)]
        for item in question.answer:
            for key in question.targets:
                term = next((t for t in analysis.terms if t.key == key), None)
                if term and term.kind == "year" and find_forms(item, term_forms(term, "zh")):
                    leaks.append(f"year shown in item: {item}")
    return leaks


def find_problems(question: GeneratedQuestion, analysis: Analysis) -> list[str]:
    """Every rule a question breaks: leaks, answers missing from the options, repeated options,
    options in the other script, a blank that only hides the article "one", a missing source or
    translation."""
    problems = [f"leak: {leak}" for leak in find_leaks(question, analysis)]
    choices = [str(c) for c in question.choices]
    if len({squash(c) for c in choices}) != len(choices):
        problems.append("choices not distinct")
    if question.type == "single_choice" and question.answer not in question.choices:
        problems.append("answer not among choices")
    if question.type in ("multiple_choice", "ordering") and not set(question.answer) <= set(
        question.choices
    ):
        problems.append("answer not among choices")
    if question.type == "matching" and sorted(r for _, r in question.answer) != sorted(choices):
        problems.append("matching options are not the right-hand sides")
    if question.type in ("single_choice", "multiple_choice"):
        scripts = {has_cjk(c) for c in choices if not c.isdigit()}
        if len(scripts) > 1:
            problems.append("options mix scripts")
    if question.type in ("cloze", "single_choice", "multiple_choice") and any(
        a.strip().casefold() in ARTICLE_ONES for a in answer_strings(question.answer)
    ):
        problems.append("asks for the article 'one' (一, một)")
    if question.type == "cloze" and "____" not in question.prompt:
        problems.append("cloze without a blank")
    if not question.source:
        problems.append("no source sentence")
    if question.source_translation is None and len(analysis.languages) > 1:
        problems.append("no aligned sentence in the other language")
    if question.type == "true_false" and question.answer is False:
        statement = squash(question.prompt.split("：", 1)[-1].split(": ", 1)[-1])
        made = (
            sum(
                1
                for sentence in analysis.sentences
                for text in (sentence.zh, sentence.vi)
                if text and squash(text) == statement
            )
            if statement in analysis_index(analysis).squashed_sentences
            else 0
        )
        problems += ["false statement is made by the document"] * made
    return problems
