"""Script detection and text normalisation shared by the Chinese and Vietnamese code.

Nothing here knows about documents; these are the character-level helpers every other module
of the pipeline leans on (which script a block is in, diacritic-insensitive comparison, hashing
keys that survive cosmetic edits).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HAN_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# Letters only Vietnamese uses among Latin scripts (vowel qualities and đ), before tone marks.
VI_SPECIFIC = set("ăâđêôơưĂÂĐÊÔƠƯ")
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean_line(line: str) -> str:
    """One line with its odd spaces (no-break, ideographic, zero-width) made plain."""
    return SPACE_RE.sub(" ", line).strip()


def fold(text: str) -> str:
    """Lower case without any diacritics (đ → d), spaces collapsed: for fuzzy comparison."""
    out = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(char):
            continue
        out.append("d" if char == "đ" else char)
    return " ".join("".join(out).split())


def fold_keep_length(text: str) -> str:
    """Like fold() but one output character per input character, so offsets stay valid."""
    out = []
    for char in text:
        if char in "đĐ":
            out.append("d")
            continue
        out.append(unicodedata.normalize("NFD", char.lower())[0])
    return "".join(out)


def is_vietnamese_letter(char: str) -> bool:
    """A Latin letter carrying a Vietnamese vowel quality or tone mark."""
    if char in VI_SPECIFIC:
        return True
    decomposed = unicodedata.normalize("NFD", char)
    return (
        len(decomposed) > 1
        and decomposed[0].isascii()
        and any(c in TONE_MARKS or c in "\u0302\u0306\u031b" for c in decomposed[1:])
    )


def script_of(text: str) -> str | None:
    """'zh' for mostly-Han text, 'vi' for Latin text with Vietnamese diacritics, else None."""
    han = len(HAN_RE.findall(text))
    latin = len(LATIN_LETTER_RE.findall(text))
    if han and han * 3 >= latin:
        # A Han character carries about as much as a Vietnamese syllable (3-4 letters), so a
        # Chinese paragraph with a few Latin names still counts as Chinese.
        return "zh"
    if latin:
        vi_letters = sum(1 for c in text if is_vietnamese_letter(c))
        words = max(1, len(text.split()))
        # Vietnamese marks most syllables; a handful of marked letters per many words is a
        # French or pinyin line, not Vietnamese.
        if vi_letters and vi_letters / words >= 0.15:
            return "vi"
    return None


def norm_for_key(text: str | None) -> str:
    """What a fact key hashes: letters and digits only, case and width folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if c.isalnum())


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
