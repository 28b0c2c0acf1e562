"""underthesea, loaded once and asked once per sentence: Vietnamese POS tags and names.

underthesea runs offline with its bundled models. Its first call loads them (about 0.2-0.3 s
on this machine, measured), later calls take 1-10 ms per sentence, so the results are cached per
sentence and the pipeline asks only for sentences where a name is in question. Without the
package (or if it fails) every function answers "no opinion" and the pipeline falls back to
its capitalised-run rules.
"""

from __future__ import annotations

import threading
from functools import lru_cache

_lock = threading.Lock()
_module = None
_failed = False


def _underthesea():
    global _module, _failed
    if _module is None and not _failed:
        with _lock:
            if _module is None and not _failed:
                try:
                    import underthesea

                    _module = underthesea
                except Exception:  # not installed or broken: the rules still work
                    _failed = True
    return _module


def load() -> None:
    """Import underthesea and load its tagger now (about 1 s cold), not on the first name."""
    pos_tag("Hà Nội")


@lru_cache(maxsize=4096)
def pos_tag(sentence: str) -> tuple[tuple[str, str], ...]:
    """(word, tag) per underthesea word: Np proper noun, N noun, M numeral, Nu unit…"""
    module = _underthesea()
    if module is None or not sentence.strip():
        return ()
    try:
        return tuple((w, t) for w, t in module.pos_tag(sentence))
    except Exception:
        return ()


@lru_cache(maxsize=1024)
def entities(sentence: str) -> tuple[tuple[str, str], ...]:
    """(text, LOC | PER | ORG | MISC) of each named entity underthesea finds."""
    module = _underthesea()
    if module is None or not sentence.strip():
        return ()
    try:
        rows = module.ner(sentence)
    except Exception:
        return ()
    out: list[list[str]] = []
    for row in rows:
        word, label = row[0], row[-1]
        if label.startswith("B-"):
            out.append([word, label[2:]])
        elif label.startswith("I-") and out and out[-1][1] == label[2:]:
            out[-1][0] += " " + word
    return tuple((text, label) for text, label in out)


def window(sentence: str, start: int, end: int, context: int = 4) -> tuple[str, str]:
    """The text around sentence[start:end], `context` words each side, and the span itself.

    underthesea's cost grows with the sentence (about 1 ms a word here), and whether a run is
    a name shows in its neighbours, so the taggers read a window, not the whole sentence.
    """
    before = sentence[:start].split()[-context:]
    after = sentence[end:].split()[:context]
    return " ".join([*before, sentence[start:end], *after]), sentence[start:end]


def is_word(sentence: str, start: int, end: int) -> bool:
    """Whether underthesea segments sentence[start:end] as a word of its own ("cầu" in "cầu
    Thê Húc", not in "yêu cầu"). False without underthesea."""
    text, span = window(sentence, start, end, context=3)
    return any(w.lower() == span.lower() for w, _t in pos_tag(text))


def is_common_word(sentence: str, start: int, end: int) -> bool:
    """Whether underthesea reads the word at sentence[start:end] as a word of its own that is
    no proper noun ("Từ" in "Từ Luông Pha Băng…"). False without underthesea."""
    text, span = window(sentence, start, end, context=3)
    return any(w == span and t != "Np" for w, t in pos_tag(text))


def proper_nouns(sentence: str) -> list[str]:
    """The words underthesea tags Np (proper noun) in a sentence (or a window of one)."""
    return [w for w, t in pos_tag(sentence) if t == "Np"]


def available() -> bool:
    return _underthesea() is not None


def is_proper(sentence: str, start: int, end: int, default: bool = False) -> bool:
    """Whether underthesea reads sentence[start:end] (a capitalised run) as a proper noun;
    `default` without underthesea."""
    if not available():
        return default
    text, run = window(sentence, start, end)
    return any(word in run or run in word for word in proper_nouns(text))


def entity_kind(sentence: str, start: int, end: int) -> str | None:
    """place, person or organisation for the name at sentence[start:end], by underthesea's
    NER, or None."""
    text, run = window(sentence, start, end)
    for name, label in entities(text):
        if run in name or name in run:
            return {"LOC": "place", "PER": "person", "ORG": "organisation"}.get(label)
    return None
