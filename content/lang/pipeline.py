"""analyse(): the whole language pipeline from document text to an Analysis.

Order: split the document into language parts and headers, align paragraphs, split and align
sentences inside each aligned paragraph pair, then find terms and mentions, then facts. Every
place where the languages do not line up becomes a Problem; nothing is dropped silently.
"""

from __future__ import annotations

from . import chinese, vietnamese
from .align import WEAK_COST, align, length_ratio
from .document import split_document
from .model import VI, ZH, Analysis, DocumentError, Pair, Paragraph, Problem, Sentence
from .text import nfc


def analyse(text: str) -> Analysis:
    """Analyse a document's text. Raises DocumentError("empty" | "no_language")."""
    text = nfc(text or "").replace("\ufeff", "")
    if not any(c.isalnum() for c in text):
        raise DocumentError("empty", "The document has no text.")
    layout = split_document(text)
    parts = layout.parts
    if not parts:
        raise DocumentError(
            "no_language",
            "No Chinese or Vietnamese text was recognised in the document.",
        )
    if not any(p.paragraphs for p in parts.values()):
        raise DocumentError("empty", "The document has a title but no body paragraphs.")
    languages = tuple(lang for lang in (ZH, VI) if lang in parts and parts[lang].paragraphs)
    zh, vi = parts.get(ZH), parts.get(VI)
    header = [p for p in (vi, zh) if p]
    analysis = Analysis(
        title=Pair(zh.title if zh else None, vi.title if vi else None),
        series=Pair(zh.series if zh else None, vi.series if vi else None),
        published=layout.published or next((p.published for p in header if p.published), None),
        source=layout.source or next((p.source for p in header if p.source), None),
        languages=languages,
        clutter=layout.clutter,
    )
    _align_body(analysis, zh.paragraphs if zh else [], vi.paragraphs if vi else [])

    from .facts import find_facts
    from .terms import find_terms

    find_terms(analysis)
    find_facts(analysis)
    return analysis


def _join(lang: str, texts: list[str]) -> str | None:
    if not texts:
        return None
    return ("" if lang == ZH else " ").join(texts)


def _align_body(analysis: Analysis, zh_paras: list[str], vi_paras: list[str]) -> None:
    problems = analysis.problems
    if not zh_paras or not vi_paras:
        for i, para in enumerate(zh_paras or vi_paras):
            lang = ZH if zh_paras else VI
            analysis.paragraphs.append(
                Paragraph(i, para if lang == ZH else None, para if lang == VI else None)
            )
            for sent in _split(lang, para):
                analysis.sentences.append(
                    Sentence(
                        len(analysis.sentences),
                        i,
                        sent if lang == ZH else None,
                        sent if lang == VI else None,
                    )
                )
        return
    if len(zh_paras) != len(vi_paras):
        problems.append(
            Problem(
                "paragraph_count",
                f"The Chinese part has {len(zh_paras)} paragraphs, "
                f"the Vietnamese part {len(vi_paras)}.",
                params={"zh": len(zh_paras), "vi": len(vi_paras)},
            )
        )
    ratio = length_ratio(zh_paras, vi_paras)
    for step in align(zh_paras, vi_paras, ratio):
        index = len(analysis.paragraphs)
        zh_text = _join(ZH, [zh_paras[i] for i in step.zh])
        vi_text = _join(VI, [vi_paras[j] for j in step.vi])
        analysis.paragraphs.append(Paragraph(index, zh_text, vi_text))
        if step.kind in ("1:0", "0:1"):
            lang, other = ("Chinese", "Vietnamese") if step.zh else ("Vietnamese", "Chinese")
            number = (step.zh or step.vi)[0] + 1
            problems.append(
                Problem(
                    "unaligned_paragraph",
                    f"{lang} paragraph {number} has no {other} counterpart.",
                    paragraph=index,
                    params={"lang": ZH if step.zh else VI, "number": number},
                )
            )
        elif step.kind != "1:1":
            problems.append(
                Problem(
                    "merged_paragraphs",
                    f"Chinese paragraph(s) {', '.join(str(i + 1) for i in step.zh)} match "
                    f"Vietnamese paragraph(s) {', '.join(str(j + 1) for j in step.vi)}.",
                    paragraph=index,
                    params={
                        "zh": ", ".join(str(i + 1) for i in step.zh),
                        "vi": ", ".join(str(j + 1) for j in step.vi),
                    },
                )
            )
        _align_sentences(analysis, index, zh_text, vi_text, ratio)


def _split(lang: str, paragraph: str | None) -> list[str]:
    if not paragraph:
        return []
    if lang == ZH:
        return chinese.split_sentences(paragraph)
    return vietnamese.split_sentences(paragraph)


def _align_sentences(
    analysis: Analysis, paragraph: int, zh_text: str | None, vi_text: str | None, ratio: float
) -> None:
    zh_sents, vi_sents = _split(ZH, zh_text), _split(VI, vi_text)
    problems = analysis.problems

    def add(zh: str | None, vi: str | None) -> int:
        index = len(analysis.sentences)
        analysis.sentences.append(Sentence(index, paragraph, zh, vi))
        return index

    if not zh_sents or not vi_sents:
        for s in zh_sents:
            add(s, None)
        for s in vi_sents:
            add(None, s)
        return
    if len(zh_sents) != len(vi_sents):
        problems.append(
            Problem(
                "sentence_count",
                f"Paragraph {paragraph + 1} has {len(zh_sents)} Chinese and "
                f"{len(vi_sents)} Vietnamese sentences.",
                paragraph=paragraph,
                params={"paragraph": paragraph + 1, "zh": len(zh_sents), "vi": len(vi_sents)},
            )
        )
    for step in align(zh_sents, vi_sents, ratio):
        index = add(
            _join(ZH, [zh_sents[i] for i in step.zh]), _join(VI, [vi_sents[j] for j in step.vi])
        )
        if step.kind in ("1:0", "0:1"):
            lang = "Chinese" if step.zh else "Vietnamese"
            problems.append(
                Problem(
                    "unaligned_sentence",
                    f"A {lang} sentence in paragraph {paragraph + 1} has no counterpart.",
                    paragraph=paragraph,
                    sentence=index,
                    params={"lang": ZH if step.zh else VI, "paragraph": paragraph + 1},
                )
            )
        elif step.kind != "1:1":
            problems.append(
                Problem(
                    "merged_sentences",
                    f"{len(step.zh)} Chinese sentence(s) match {len(step.vi)} Vietnamese "
                    f"sentence(s) in paragraph {paragraph + 1}.",
                    paragraph=paragraph,
                    sentence=index,
                    params={"zh": len(step.zh), "vi": len(step.vi), "paragraph": paragraph + 1},
                )
            )
        elif step.cost > WEAK_COST:
            problems.append(
                Problem(
                    "weak_alignment",
                    f"A sentence pair in paragraph {paragraph + 1} may not be a translation.",
                    paragraph=paragraph,
                    sentence=index,
                    params={"paragraph": paragraph + 1},
                )
            )
