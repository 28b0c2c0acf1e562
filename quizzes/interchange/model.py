"""A question as the interchange formats see it: our seven types and answer shapes, no storage."""

from __future__ import annotations

from dataclasses import dataclass, field

from content.lang.text import HAN_RE, LATIN_LETTER_RE


@dataclass
class Item:
    type: str
    language: str  # "zh" or "vi"
    prompt: str
    answer: str | bool | list
    choices: list = field(default_factory=list)
    title: str = ""
    category: str = ""  # Moodle's question category path, e.g. "dongxi/some-document/zh"
    line: int = 0  # where the question starts in the file it was read from (1-based)


@dataclass(frozen=True)
class Skipped:
    """A question a format cannot express, said instead of silently dropped."""

    title: str
    code: str


def guess_language(text: str) -> str:
    """The language most of the letters of `text` are written in: "zh" or "vi"."""
    han = len(HAN_RE.findall(text))
    latin = len(LATIN_LETTER_RE.findall(text))
    # A Chinese character carries a syllable; a Vietnamese syllable has about four letters.
    return "zh" if han * 4 >= latin and han else "vi"
