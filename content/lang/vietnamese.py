"""Vietnamese text: syllable structure, repair of glued words, sentences, numbers, name runs.

Vietnamese is written one syllable per word and every syllable follows a small grammar
(initial consonant, rhyme from a closed inventory, at most one tone mark, stop finals only with
the sắc or nặng tone). That grammar is what lets us find where words were glued together
("cáctỉnh") without any list of words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import numbers as _numbers
from .text import is_vietnamese_letter

INITIALS = [
    *("ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu"),
    *("b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"),
    "",
]

_RHYME_TEXT = """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
    o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oen oeo
    oet oi om on ong ooc oong op ot
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uân uâng uât uây uc uê uêch uênh uêt ui um un ung uơ uôc uôi uôm uôn uông uôt up ut
    uy uya uych uyên uyêt uyn uynh uyt uyu
    ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu
    y yêm yên yêt yêu
    """
# The closed inventory of Vietnamese rhymes (vowel nucleus + final), without tone marks.
RHYMES = frozenset(_RHYME_TEXT.split())
STOP_FINALS = ("ch", "c", "p", "t")
FRONT_VOWELS = set("eêiy")

TONE_ACUTE = "\u0301"
TONE_DOT = "\u0323"
ALL_TONES = {"\u0300", TONE_ACUTE, "\u0303", "\u0309", TONE_DOT}

WORD_RE = re.compile(r"[^\W\d_]+")


def _split_tone(syllable: str) -> tuple[str, list[str]]:
    """The syllable without tone marks (vowel qualities kept) and the tone marks it had."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tones = [c for c in decomposed if c in ALL_TONES]
    base = "".join(c for c in decomposed if c not in ALL_TONES)
    return unicodedata.normalize("NFC", base), tones


@lru_cache(maxsize=50_000)
def is_syllable(word: str) -> bool:
    """Whether a word is one well-formed Vietnamese syllable (case and tone insensitive)."""
    base, tones = _split_tone(word)
    if len(tones) > 1 or not base or not base.isalpha():
        return False
    for initial in INITIALS:
        if not base.startswith(initial):
            continue
        rhyme = base[len(initial) :]
        if rhyme not in RHYMES:
            continue
        # Spelling rules: k/gh/ngh only before front vowels, c/q/g/ng never before them.
        first = rhyme[0]
        if initial in ("k", "gh", "ngh") and first not in FRONT_VOWELS:
            continue
        if initial in ("c", "ng") and first in FRONT_VOWELS:
            continue
        if initial == "qu" and rhyme.startswith("u"):
            continue
        if rhyme.endswith(STOP_FINALS) and (not tones or tones[0] not in (TONE_ACUTE, TONE_DOT)):
            # A syllable closed by p, t, c or ch only takes the sắc or nặng tone.
            continue
        return True
    return False


def _looks_vietnamese(word: str) -> bool:
    return any(is_vietnamese_letter(c) for c in word)


@lru_cache(maxsize=20_000)
def split_glued(word: str) -> tuple[str, ...]:
    """A glued run of syllables ("vàcácvùng") split into syllables, or (word,) if it is fine.

    Only words carrying Vietnamese marks are touched: an unmarked Latin word is as likely a
    foreign name (Ulanqab, China) as a glued Vietnamese one, and splitting names is worse than
    leaving a rare glued word alone.
    """
    if len(word) < 4 or is_syllable(word) or not _looks_vietnamese(word):
        return (word,)
    n = len(word)
    # best[i]: fewest syllables covering word[:i]; fewer pieces means longer, likelier syllables.
    best: list[tuple[int, int] | None] = [None] * (n + 1)
    best[0] = (0, 0)
    for end in range(1, n + 1):
        for start in range(max(0, end - 7), end):
            if best[start] is None:
                continue
            if is_syllable(word[start:end]):
                cand = (best[start][0] + 1, start)
                if best[end] is None or cand[0] < best[end][0]:
                    best[end] = cand
    if best[n] is None or best[n][0] < 2:
        return (word,)
    pieces = []
    end = n
    while end > 0:
        start = best[end][1]
        pieces.append(word[start:end])
        end = start
    return tuple(reversed(pieces))


_MISSING_SPACE_RE = re.compile(r"([,;:])(?=[^\W\d_])")


def repair(text: str) -> str:
    """Glued syllables separated, and a space put back after a comma/semicolon/colon."""
    text = _MISSING_SPACE_RE.sub(r"\1 ", text)

    def fix(match: re.Match[str]) -> str:
        return " ".join(split_glued(match.group(0)))

    return WORD_RE.sub(fix, text)


# Abbreviations after which a full stop does not end a sentence, even before a capital.
ABBREVIATIONS = {
    "tp",
    "tt",
    "ts",
    "ths",
    "gs",
    "pgs",
    "bs",
    "ks",
    "ông",
    "bà",
    "st",
    "mr",
    "mrs",
    "dr",
    "no",
    "tr",
    "sđd",
    "q",
    "p",
}
_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences at . ! ? followed by a space and a capital, digit or opening quote."""
    sentences = []
    start = 0
    for match in _END_RE.finditer(paragraph):
        end = match.end()
        rest = paragraph[end:]
        if rest and not rest[0].isspace():
            continue  # decimals, "China.org.cn", "v.v.," and the like
        following = rest.lstrip()
        if following:
            nxt = following[0]
            if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'(["):
                continue  # "v.v. hai bên": the sentence goes on in lower case
            word = re.search(r"([^\W\d_]+)\.?$", paragraph[start : match.start() + 1])
            token = word.group(1).lower() if word else ""
            after_number = bool(
                re.search(r"\d\s*[^\W\d_]+\.?$", paragraph[start : match.start() + 1])
            )
            if (
                match.group(0).startswith(".")
                and not after_number  # "dài 30 m." ends on a unit, not an initial
                and (token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()))
            ):
                continue  # "TP. Hồ Chí Minh", an initial
        piece = paragraph[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


NUMBER_WORDS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
ORDINAL_WORDS = {**NUMBER_WORDS, "nhất": 1, "nhì": 2}

# Thứ nhất / Thứ hai … at the start of a sentence: numbered items across paragraphs.
THU_RE = re.compile(r"^(Thứ\s+(nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười))\b", re.IGNORECASE)
# Một là / hai là … after the start or a colon/semicolon: numbered items within a sentence.
LA_RE = re.compile(
    r"(?:^|(?<=[:;.,])\s*|(?<=[:;.,]\s))((một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là)\b",
    re.IGNORECASE,
)


def numbers(sentence: str) -> list[tuple[int, int, float, bool]]:
    """(start, end, value, is_year) of the numbers written in digits ("1.000" is a thousand,
    "6,86 triệu" 6860000), for callers that want no dates or number words; see
    content.lang.numbers.vi_quantities for everything."""
    return [
        (q.start, q.end, q.value, q.kind == "year")
        for q in _numbers.vi_quantities(sentence)
        if q.kind in ("number", "year", "percent") and not q.spelled
    ]


NAME_TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*")


def capitalised_runs(sentence: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Runs of capitalised words separated by single spaces: (start, end, word spans)."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for m in NAME_TOKEN_RE.finditer(sentence):
        word = m.group(0)
        if word[0].isupper():
            if current and sentence[current[-1][1] : m.start()] == " ":
                current.append((m.start(), m.end()))
            else:
                if current:
                    runs.append(current)
                current = [(m.start(), m.end())]
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [(r[0][0], r[-1][1], r) for r in runs]


def is_foreign_word(word: str) -> bool:
    """A Latin word that is not a Vietnamese syllable (Ulanqab, Hohhot): a transliteration."""
    return not is_syllable(word)


# Words that, just before a name, tell what kind of place it is.
PLACE_WORDS = [
    ("khu tự trị dân tộc", "province"),
    ("khu tự trị", "province"),
    ("thành phố trực thuộc trung ương", "province"),
    ("thành phố cấp địa khu", "prefecture"),
    ("châu tự trị", "prefecture"),
    ("thị xã", "county"),
    ("tỉnh", "province"),
    ("thành phố", None),
    ("huyện", "county"),
    ("quận", "county"),
    ("minh", "prefecture"),
    ("kỳ", "county"),
    ("xã", None),
    ("thôn", None),
    ("làng", None),
    ("thị trấn", None),
    ("vùng", None),
]
