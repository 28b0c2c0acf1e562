"""Accent-insensitive search for the question bank: "Tay Tang" finds "Tây Tạng", and "tây tạng"
does too. The query is folded to its bare letters, then each letter is matched by any of its
Vietnamese forms (tones and marks, either case) through a regular expression, which the database
runs (SQLite through Python's re, PostgreSQL natively): no extension, no extra column."""

from __future__ import annotations

import re
import unicodedata

_FORMS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}
MAX_QUERY = 100


def fold(text: str) -> str:
    """Lower case, without tones or marks (đ → d)."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def pattern(query: str) -> str:
    """A regular expression matching `query` whatever its accents and case."""
    parts = []
    for char in " ".join(fold(query[:MAX_QUERY]).split()):
        forms = _FORMS.get(char)
        if forms:
            parts.append("[" + forms + forms.upper() + "]")
        elif char.isalpha():
            parts.append("[" + re.escape(char) + re.escape(char.upper()) + "]")
        elif char.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)
