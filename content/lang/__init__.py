"""The language pipeline: bilingual Chinese/Vietnamese documents in, an Analysis out.

Pure Python, no Django. `decode()` turns uploaded bytes into text, `analyse()` turns text into
paragraphs and sentences aligned across the languages, terms with every mention, and facts.
"""

from .decoding import decode
from .model import (
    VI,
    ZH,
    Analysis,
    Clutter,
    DocumentError,
    Fact,
    Mention,
    Pair,
    Paragraph,
    Problem,
    Sentence,
    Term,
)
from .pipeline import analyse

__all__ = [
    "VI",
    "ZH",
    "Analysis",
    "Clutter",
    "DocumentError",
    "Fact",
    "Mention",
    "Pair",
    "Paragraph",
    "Problem",
    "Sentence",
    "Term",
    "analyse",
    "decode",
]
