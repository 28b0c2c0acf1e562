"""The teacher's "what happened" report on a document, in the user's language.

The figures come from the pure quizzes.generation.report.document_report(). They are recomputed
from the document's stored text (Document.source_text), never stored in the database: the report
always matches the text and the generator of the day. The result is cached by the document's
content hash, and primed when the document is loaded (teaching.receivers), so the page a teacher
is sent to after adding a document needs no second analysis. Here every code becomes a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content import lang
from content.lang.model import Analysis, DocumentError
from content.models import Document
from content.problems import language_name, problem_texts
from quizzes.generation import generate_report
from quizzes.generation import report as pure
from quizzes.generation.model import GenerationReport
from quizzes.models import Question

CACHE_SECONDS = 24 * 3600

STATUS_TEXT = {
    pure.UNPAIRED: gettext_lazy("It has no counterpart in the other language."),
    pure.DROPPED: gettext_lazy("Every question made from it was left out:"),
    pure.NO_ANCHOR: gettext_lazy(
        "The two languages share no name, number, date or key term in it: nothing to check."
    ),
    pure.NO_FACT: gettext_lazy("No fact could be read from it."),
    pure.NO_QUESTION: gettext_lazy("A fact was found, but no question passed the checks."),
}

# The codes of GenerationReport.dropped (quizzes.generation.plan); any other code is shown as
# itself by reason_text().
REASON_TEXT = {
    "trivial_target": gettext_lazy(
        "the answer would be too obvious (what the whole text is about, a title or honorific)"
    ),
    "per_sentence_cap": gettext_lazy("this sentence already has enough questions"),
    "long_typed": gettext_lazy("the answer is too long to type; a choice question asks it"),
    "count_in_prompt": gettext_lazy("the question itself would give the answer away"),
    "select_all_blanks": gettext_lazy(
        "a “select all” over different blanks is asked as one choice per blank"
    ),
    "unsequenced_order": gettext_lazy("the items are not numbered or in an order the text gives"),
    "list_blanks": gettext_lazy("a list gives at most two blanks; the rest are asked as a whole"),
    "no_distractors": gettext_lazy("no plausible wrong answers could be found"),
    "duplicate": gettext_lazy("the same question is already asked"),
    "quality": gettext_lazy("it failed a quality check"),
}

ADVICE_TEXT = {
    pure.ONE_LANGUAGE: gettext_lazy(
        "The text needs both languages, sentence by sentence: add the Chinese or Vietnamese "
        "translation, paragraph by paragraph or as a second block after the first."
    ),
    pure.MOSTLY_UNPAIRED: gettext_lazy(
        "Most sentences have no counterpart: give both languages the same paragraphs in the "
        "same order, one sentence for one sentence."
    ),
    pure.FEW_ANCHORS: gettext_lazy(
        "Add facts a learner can be asked about: names of places, people and organisations, "
        "numbers with their units, years and dates, written in both languages."
    ),
    pure.PLAIN_STATEMENTS: gettext_lazy(
        "Some sentences share names or numbers but state no fact Dongxi could read: write each "
        "fact as one plain statement in both languages (what or who, and its name, number or "
        "date), one sentence for one sentence."
    ),
    pure.ALL_DROPPED: gettext_lazy(
        "Questions were made but all were left out; the reasons are given sentence by sentence "
        "below."
    ),
}

CLUTTER_TEXT = {
    "title": gettext_lazy("Title"),
    "series": gettext_lazy("Series or column"),
    "dateline": gettext_lazy("Date line"),
    "source": gettext_lazy("Source"),
    "byline": gettext_lazy("Byline"),
    "caption": gettext_lazy("Photo caption"),
    "headline": gettext_lazy("Headline in both languages"),
    "heading": gettext_lazy("Heading or caption"),
}


def reason_text(code: str) -> str:
    if code in REASON_TEXT:
        return str(REASON_TEXT[code])
    return _("left out by a rule of the generator (%(code)s)") % {"code": code}


@dataclass
class Silent:
    """A sentence that gave no question, worded."""

    number: int  # 1-based sentence number
    paragraph: int  # 1-based paragraph number
    zh: str | None
    vi: str | None
    why: str
    reasons: list[str]


def _cache_key(document: Document) -> str:
    return f"dongxi:document-report:{document.pk}:{document.content_hash}"


def remember(document: Document, analysis: Analysis, report: GenerationReport) -> None:
    """Cache the report of the document as just loaded (called where it was generated)."""
    cache.set(_cache_key(document), pure.document_report(analysis, report), CACHE_SECONDS)


def summary_for(document: Document) -> tuple[pure.DocumentReport, list[str]]:
    """The document's report and its alignment warnings in the user's language."""
    summary = cache.get(_cache_key(document))
    if summary is None:
        try:
            analysis = lang.analyse(document.source_text)
        except DocumentError:  # a stored text that no longer reads (made before a check)
            summary = pure.empty_report()
        else:
            summary = pure.document_report(analysis, generate_report(analysis))
        cache.set(_cache_key(document), summary, CACHE_SECONDS)
    return summary, problem_texts(document.problems)


def context(document: Document) -> dict:
    """The template context of teaching/document_report.html."""
    summary, warnings = summary_for(document)
    types = dict(Question.Type.choices)
    silent = [
        Silent(
            o.sentence + 1,
            o.paragraph + 1,
            o.zh,
            o.vi,
            str(STATUS_TEXT.get(o.status, o.status)),
            [reason_text(code) for code in o.reasons],
        )
        for o in summary.silent
    ]
    return {
        "document": document,
        "summary": summary,
        "report_languages": [(code, language_name(code)) for code in summary.languages],
        "by_type": [
            (types.get(t, t), [counts.get(code, 0) for code in summary.languages])
            for t, counts in summary.by_type
        ],
        "silent": silent,
        "asked": len(summary.sentences) - len(silent),
        "clutter": [
            (str(CLUTTER_TEXT.get(c.kind, _("Other layout line"))), c.text) for c in summary.clutter
        ],
        "advice": [str(ADVICE_TEXT[code]) for code in summary.advice if code in ADVICE_TEXT],
        "warnings": warnings,
    }
