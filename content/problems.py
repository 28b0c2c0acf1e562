"""Alignment warnings in the user's language.

The pipeline's Problem carries a stable code, an English message and params (counts, 1-based
paragraph numbers, a language, a term or number); a document stores them as dicts in
Document.problems. Here each known code gets a translated sentence filled from its params. A
warning stored before params existed, or one of a code this module does not know, gets a generic
sentence that needs no params, never the English message.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext


def language_name(lang: str | None) -> str:
    """A language's name as a heading or column title: "Chinese", "Tiếng Trung"."""
    return {"zh": _("Chinese"), "vi": _("Vietnamese")}.get(lang or "", "")


def _in_sentence(lang: str | None) -> str:
    """A language's name inside a sentence ("tiếng Trung", lower case in Vietnamese)."""
    names = {
        "zh": pgettext("in a sentence", "Chinese"),
        "vi": pgettext("in a sentence", "Vietnamese"),
    }
    return names.get(lang or "", "")


def _other(lang: str | None) -> str:
    return _in_sentence({"zh": "vi", "vi": "zh"}.get(lang or ""))


_WITH_PARAMS = {
    "paragraph_count": (
        ("zh", "vi"),
        gettext_lazy("The Chinese part has %(zh)s paragraphs, the Vietnamese part %(vi)s."),
    ),
    "merged_paragraphs": (
        ("zh", "vi"),
        gettext_lazy(
            "Chinese paragraph(s) %(zh)s match Vietnamese paragraph(s) %(vi)s: they were read "
            "as one."
        ),
    ),
    "sentence_count": (
        ("paragraph", "zh", "vi"),
        gettext_lazy("Paragraph %(paragraph)s has %(zh)s Chinese and %(vi)s Vietnamese sentences."),
    ),
    "merged_sentences": (
        ("paragraph", "zh", "vi"),
        gettext_lazy(
            "In paragraph %(paragraph)s, %(zh)s Chinese sentence(s) match %(vi)s Vietnamese "
            "sentence(s)."
        ),
    ),
    "weak_alignment": (
        ("paragraph",),
        gettext_lazy("A sentence pair in paragraph %(paragraph)s may not be a translation."),
    ),
}

_GENERIC = {
    "paragraph_count": gettext_lazy("The two languages have different numbers of paragraphs."),
    "unaligned_paragraph": gettext_lazy("A paragraph has no counterpart in the other language."),
    "merged_paragraphs": gettext_lazy(
        "Some paragraphs of one language match several of the other."
    ),
    "sentence_count": gettext_lazy("A paragraph has different numbers of sentences."),
    "unaligned_sentence": gettext_lazy("A sentence has no counterpart in the other language."),
    "merged_sentences": gettext_lazy("Some sentences of one language match several of the other."),
    "weak_alignment": gettext_lazy("A sentence pair may not be a translation."),
    "unpaired_term": gettext_lazy("A name or number has no counterpart in the other language."),
    "unpaired_number": gettext_lazy("A number has no counterpart in the other language."),
    "enumeration_items": gettext_lazy("A list has a different number of items in each language."),
}


def problem_text(problem: Mapping) -> str:
    """The translated sentence for one stored problem ({"code", "params", …})."""
    code = problem.get("code", "")
    params = problem.get("params") or {}
    if code in _WITH_PARAMS:
        needed, text = _WITH_PARAMS[code]
        if all(name in params for name in needed):
            return str(text) % {name: params[name] for name in needed}
    if code == "unaligned_paragraph" and {"lang", "number"} <= params.keys():
        return _("%(lang)s paragraph %(number)s has no %(other)s counterpart.") % {
            "lang": _in_sentence(params["lang"]),
            "number": params["number"],
            "other": _other(params["lang"]),
        }
    if code == "unaligned_sentence" and {"lang", "paragraph"} <= params.keys():
        return _("A %(lang)s sentence in paragraph %(paragraph)s has no %(other)s counterpart.") % {
            "lang": _in_sentence(params["lang"]),
            "paragraph": params["paragraph"],
            "other": _other(params["lang"]),
        }
    if code == "unpaired_term" and {"term", "lang"} <= params.keys():
        return _("“%(term)s” has no counterpart in the %(other)s sentence.") % {
            "term": params["term"],
            "other": _other(params["lang"]),
        }
    if code == "unpaired_number" and {"number", "lang"} <= params.keys():
        return _("The number %(number)s has no counterpart in the %(other)s sentence.") % {
            "number": params["number"],
            "other": _other(params["lang"]),
        }
    if code in _GENERIC:
        return str(_GENERIC[code])
    return _("Part of the two languages does not line up.")


def problem_texts(problems: list[Mapping]) -> list[str]:
    return [problem_text(p) for p in problems]
