"""What happened when a document was turned into questions, sentence by sentence (pure Python).

The teacher who adds a document reads this: how many facts were found, how many questions of each
type in each language, which sentences gave nothing and why, which lines were set aside as layout,
and, when the document gives no question at all, what to change. Everything here is a stable code;
the Django layer (teaching.document_report) words it in the user's language.

A sentence that gave no question has exactly one status, the first that applies:
- "unpaired": the document has both languages but this sentence has no counterpart;
- "dropped": candidates were made and every one was dropped (`reasons` holds their codes, from
  GenerationReport.dropped, most frequent first);
- "no_anchor": the two languages share no name, number, date or key term in it, so nothing
  checkable could be paired (in a one-language document: it names none);
- "no_fact": it shares anchors, but no fact was read from it;
- "no_question": a fact was read from it, but no question passed the quality checks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from content.lang.model import LANGUAGES, Analysis, Clutter
from quizzes.generation.model import QUESTION_TYPES, GenerationReport

ASKED = "asked"
UNPAIRED = "unpaired"
DROPPED = "dropped"
NO_ANCHOR = "no_anchor"
NO_FACT = "no_fact"
NO_QUESTION = "no_question"
STATUSES = (ASKED, UNPAIRED, DROPPED, NO_ANCHOR, NO_FACT, NO_QUESTION)

# Advice for a document that gave no question, most fundamental first.
ONE_LANGUAGE = "one_language"
MOSTLY_UNPAIRED = "mostly_unpaired"
FEW_ANCHORS = "few_anchors"
PLAIN_STATEMENTS = "plain_statements"
ALL_DROPPED = "all_dropped"


@dataclass
class SentenceOutcome:
    sentence: int  # Sentence.index
    paragraph: int  # Paragraph.index
    zh: str | None
    vi: str | None
    status: str  # one of STATUSES
    questions: dict[str, int] = field(default_factory=dict)  # language → questions from it
    reasons: list[str] = field(default_factory=list)  # dropped codes, most frequent first

    @property
    def total(self) -> int:
        return sum(self.questions.values())


@dataclass
class DocumentReport:
    languages: tuple[str, ...]
    facts: int
    questions: int
    # (question type, {language: count}) in QUESTION_TYPES order, types with none left out
    by_type: list[tuple[str, dict[str, int]]]
    sentences: list[SentenceOutcome]
    clutter: list[Clutter]
    advice: list[str]  # codes, only when the document gave no question

    @property
    def silent(self) -> list[SentenceOutcome]:
        """The sentences that gave no question."""
        return [s for s in self.sentences if s.status != ASKED]


def _question_sentences(analysis: Analysis, report: GenerationReport) -> list[tuple[int, str]]:
    """(Sentence.index, language) of every question, through its fact's sentence or else the
    sentence its source text comes from."""
    fact_sentence = {f.key: f.sentence for f in analysis.facts}
    by_text = {}
    for s in analysis.sentences:
        for lang in LANGUAGES:
            if s.get(lang):
                by_text.setdefault((lang, s.get(lang)), s.index)
    found = []
    for q in report.questions:
        index = fact_sentence.get(q.fact)
        if index is None:
            index = by_text.get((q.language, q.source))
        if index is None and q.source:
            index = next(
                (
                    s.index
                    for s in analysis.sentences
                    if (text := s.get(q.language)) and (q.source in text or text in q.source)
                ),
                None,
            )
        if index is not None:
            found.append((index, q.language))
    return found


def _shared_anchor(analysis: Analysis) -> set[int]:
    """Sentences where one term is mentioned in both languages (or, in a one-language
    document, where any term is mentioned)."""
    langs: dict[tuple[int, str], set[str]] = {}
    for m in analysis.mentions:
        langs.setdefault((m.sentence, m.term), set()).add(m.lang)
    need = len(analysis.languages)
    return {sentence for (sentence, _term), seen in langs.items() if len(seen) >= need}


def sentence_outcomes(analysis: Analysis, report: GenerationReport) -> list[SentenceOutcome]:
    """One outcome per body sentence, in document order."""
    asked: dict[int, Counter] = {}
    for index, lang in _question_sentences(analysis, report):
        asked.setdefault(index, Counter())[lang] += 1
    dropped: dict[int, Counter] = {}
    for d in report.dropped:
        if d.sentence is not None:
            dropped.setdefault(d.sentence, Counter())[d.reason] += 1
    with_fact = {f.sentence for f in analysis.facts if f.sentence is not None}
    anchored = _shared_anchor(analysis)
    bilingual = len(analysis.languages) > 1
    outcomes = []
    for s in analysis.sentences:
        counts = asked.get(s.index, Counter())
        reasons = [code for code, _n in dropped.get(s.index, Counter()).most_common()]
        if sum(counts.values()):
            status = ASKED
        elif bilingual and not (s.zh and s.vi):
            status = UNPAIRED
        elif reasons:
            status = DROPPED
        elif s.index not in anchored and s.index not in with_fact:
            status = NO_ANCHOR
        elif s.index not in with_fact:
            status = NO_FACT
        else:
            status = NO_QUESTION
        outcomes.append(
            SentenceOutcome(
                s.index,
                s.paragraph,
                s.zh,
                s.vi,
                status,
                {lang: counts[lang] for lang in analysis.languages},
                reasons if status != ASKED else [],
            )
        )
    return outcomes


def _advice(analysis: Analysis, outcomes: list[SentenceOutcome], questions: int) -> list[str]:
    if questions:
        return []
    if len(analysis.languages) < 2:
        return [ONE_LANGUAGE, FEW_ANCHORS]
    statuses = Counter(o.status for o in outcomes)
    total = max(1, len(outcomes))
    advice = []
    if statuses[UNPAIRED] * 2 >= total:
        advice.append(MOSTLY_UNPAIRED)
    if statuses[NO_ANCHOR] or not outcomes:
        advice.append(FEW_ANCHORS)
    if statuses[NO_FACT]:
        advice.append(PLAIN_STATEMENTS)
    if statuses[DROPPED] or statuses[NO_QUESTION]:
        advice.append(ALL_DROPPED)
    return advice or [FEW_ANCHORS]


def document_report(analysis: Analysis, report: GenerationReport) -> DocumentReport:
    """Everything the teacher's "what happened" page shows, as codes and counts."""
    outcomes = sentence_outcomes(analysis, report)
    counts = Counter((q.type, q.language) for q in report.questions)
    types = [t for t in QUESTION_TYPES if any(counts[t, lang] for lang in LANGUAGES)]
    types += sorted({t for t, _lang in counts} - set(types))
    return DocumentReport(
        languages=analysis.languages,
        facts=len(analysis.facts),
        questions=len(report.questions),
        by_type=[(t, {lang: counts[t, lang] for lang in analysis.languages}) for t in types],
        sentences=outcomes,
        clutter=list(analysis.clutter),
        advice=_advice(analysis, outcomes, len(report.questions)),
    )


def empty_report() -> DocumentReport:
    """The report of a text with nothing to read in it."""
    return DocumentReport((), 0, 0, [], [], [], [FEW_ANCHORS])


__all__ = [
    "empty_report",
    "DocumentReport",
    "SentenceOutcome",
    "document_report",
    "sentence_outcomes",
]
