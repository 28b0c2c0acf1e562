"""Prepare a stored document for side-by-side reading: sentences cut into plain and name parts."""

from dataclasses import dataclass

from content.models import Document, Term


@dataclass
class Segment:
    text: str
    term: Term | None = None
    tip: str = ""  # what hover and keyboard focus show: the other language and the readings


def tip(term: Term, lang: str) -> str:
    """Pinyin and Hán-Việt for a name; the other language's form first when reading Vietnamese."""
    if term.kind in {"number", "year"}:
        return ""
    parts = (
        [term.pinyin, term.hanviet, term.vi]
        if lang == "zh"
        else [term.zh, term.pinyin, term.hanviet]
    )
    return " · ".join(dict.fromkeys(p for p in parts if p))


def segments(text: str, mentions: list[dict], lang: str, terms: dict[str, Term]) -> list[Segment]:
    """Cut `text` at the mentions of `lang`; overlapping mentions keep the longest."""
    spans = sorted(
        (m for m in mentions if m["lang"] == lang and m["term"] in terms),
        key=lambda m: (m["start"], -(m["end"] - m["start"])),
    )
    out: list[Segment] = []
    pos = 0
    for m in spans:
        if m["start"] < pos:
            continue
        if m["start"] > pos:
            out.append(Segment(text[pos : m["start"]]))
        term = terms[m["term"]]
        out.append(Segment(text[m["start"] : m["end"]], term, tip(term, lang)))
        pos = m["end"]
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def reading_rows(document: Document) -> list[dict]:
    """One row per passage: its sentences in both languages, segmented for highlighting, each
    with its index (the page's anchors #s<index>-<lang> link a question to its source)."""
    terms = {t.key: t for t in document.terms.filter(is_active=True)}
    rows: dict[int, dict] = {}
    for sentence in document.sentences.select_related("passage"):
        row = rows.setdefault(
            sentence.passage_id, {"passage": sentence.passage, "zh": [], "vi": []}
        )
        for lang in ("zh", "vi"):
            text = getattr(sentence, lang)
            if text:
                parts = segments(text, sentence.mentions, lang, terms)
                row[lang].append({"index": sentence.index, "segments": parts})
    return list(rows.values())
