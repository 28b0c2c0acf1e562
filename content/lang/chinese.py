"""Chinese text: sentences, numbers (digits and numerals), ordinals, place-name candidates.

jieba is loaded lazily and once, quietly: loading its dictionary takes most of a second and
the Django process should not pay it before the first document is analysed.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

from .text import HAN_RE

_jieba_lock = threading.Lock()
_posseg = None


def posseg():
    """jieba.posseg, initialised on first use (thread-safe, logging silenced)."""
    global _posseg
    if _posseg is None:
        with _jieba_lock:
            if _posseg is None:
                import jieba
                import jieba.posseg

                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _posseg = jieba.posseg
    return _posseg


def load_jieba() -> None:
    posseg()


@lru_cache(maxsize=4096)
def tag(sentence: str) -> tuple[tuple[str, str, int], ...]:
    """(word, POS flag, start offset) for each jieba token of a sentence."""
    out = []
    pos = 0
    for pair in posseg().cut(sentence):
        out.append((pair.word, pair.flag, pos))
        pos += len(pair.word)
    return tuple(out)


_END_RE = re.compile(r"(?:……|[。！？!?])+[”’」』）)\]]*")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences ending in 。！？, the closing punctuation (and any closing quote) kept."""
    sentences = []
    start = 0
    for match in _END_RE.finditer(paragraph):
        piece = paragraph[start : match.end()].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"


def numeral_value(text: str) -> int | None:
    """The value of a Chinese numeral: 十四 → 14, 两 → 2, 一百零五 → 105, 三万 → 30000."""
    if not text or any(c not in NUMERAL_CHARS for c in text):
        return None
    total = section = digit = 0
    seen = False
    for char in text:
        if char in DIGITS:
            digit = DIGITS[char]
            seen = True
        elif char in UNITS:
            section += (digit or 1) * UNITS[char]
            digit = 0
            seen = True
        else:
            total += (section + digit) * BIG_UNITS[char]
            section = digit = 0
    return total + section + digit if seen else None


_DIGIT_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]*\d)")
# A numeral counts as a number only before a measure word; elsewhere 一 is usually part of a
# word (统一, 一些, 一定) and its reading in Vietnamese is no number either.
CLASSIFIERS = set("个项次名位家座条种批所地省市县区届轮倍类件台辆支组级期天年月周岁人户")
_NUMERAL_RE = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_NOT_BEFORE = set("第其统唯之同单初万")


def numbers(sentence: str) -> list[tuple[int, int, float, bool]]:
    """(start, end, value, is_year) of digit numbers and counted Chinese numerals."""
    out = []
    for m in _DIGIT_RE.finditer(sentence):
        value = float(m.group(0))
        after = sentence[m.end() : m.end() + 1]
        is_year = after == "年" and value.is_integer() and value >= 100
        out.append((m.start(), m.end(), value, is_year))
    for m in _NUMERAL_RE.finditer(sentence):
        after = sentence[m.end() : m.end() + 1]
        before = sentence[m.start() - 1 : m.start()] if m.start() else ""
        if after not in CLASSIFIERS or before in _NOT_BEFORE:
            continue
        value = numeral_value(m.group(0))
        if value is not None:
            out.append((m.start(), m.end(), float(value), False))
    return sorted(out)


# 其一 / 其二 at the start of a sentence, 第一, and 一是 / 二是 inside one.
QI_RE = re.compile(r"^(其([一二三四五六七八九十]+))")
SHI_RE = re.compile(r"(?:^|(?<=[：:；;，,。]))\s*(([一二三四五六七八九十]+)是)")
DI_RE = re.compile(r"^(第([一二三四五六七八九十]+))[，,、]")


# One-character abbreviations of the 34 provincial-level divisions, with the full name and
# its usual Vietnamese name. Generic reference data: it lets 闽宁 be read as 福建 + 宁夏.
PROVINCES = {
    "北京": ("京", "Bắc Kinh"),
    "天津": ("津", "Thiên Tân"),
    "上海": ("沪", "Thượng Hải"),
    "重庆": ("渝", "Trùng Khánh"),
    "河北": ("冀", "Hà Bắc"),
    "山西": ("晋", "Sơn Tây"),
    "辽宁": ("辽", "Liêu Ninh"),
    "吉林": ("吉", "Cát Lâm"),
    "黑龙江": ("黑", "Hắc Long Giang"),
    "江苏": ("苏", "Giang Tô"),
    "浙江": ("浙", "Chiết Giang"),
    "安徽": ("皖", "An Huy"),
    "福建": ("闽", "Phúc Kiến"),
    "江西": ("赣", "Giang Tây"),
    "山东": ("鲁", "Sơn Đông"),
    "河南": ("豫", "Hà Nam"),
    "湖北": ("鄂", "Hồ Bắc"),
    "湖南": ("湘", "Hồ Nam"),
    "广东": ("粤", "Quảng Đông"),
    "海南": ("琼", "Hải Nam"),
    "四川": ("川蜀", "Tứ Xuyên"),
    "贵州": ("贵黔", "Quý Châu"),
    "云南": ("云滇", "Vân Nam"),
    "陕西": ("陕秦", "Thiểm Tây"),
    "甘肃": ("甘陇", "Cam Túc"),
    "青海": ("青", "Thanh Hải"),
    "台湾": ("台", "Đài Loan"),
    "内蒙古": ("蒙", "Nội Mông Cổ"),
    "广西": ("桂", "Quảng Tây"),
    "西藏": ("藏", "Tây Tạng"),
    "宁夏": ("宁", "Ninh Hạ"),
    "新疆": ("新", "Tân Cương"),
    "香港": ("港", "Hồng Kông"),
    "澳门": ("澳", "Ma Cao"),
}
ABBREVIATION = {a: full for full, (abbrs, _vi) in PROVINCES.items() for a in abbrs}

# Suffixes of administrative names, longest first, with the level they state.
SUFFIXES = [
    ("特别行政区", "province"),
    ("维吾尔自治区", "province"),
    ("壮族自治区", "province"),
    ("回族自治区", "province"),
    ("自治区", "province"),
    ("直辖市", "province"),
    ("自治州", "prefecture"),
    ("自治县", "county"),
    ("地级市", "prefecture"),
    ("县级市", "county"),
    ("地区", "prefecture"),
    ("省", "province"),
    ("盟", "prefecture"),
    ("州", None),
    ("市", None),
    ("县", "county"),
    ("旗", "county"),
    ("区", None),
    ("镇", None),
    ("乡", None),
    ("村", None),
]
# Place-like words jieba tags ns that are common nouns, not names ("big cities", "backward
# areas"): their stem is an adjective or generic, so they are never taken as names alone.
GENERIC_PLACE_ENDINGS = ("地区", "城市", "省份", "地方", "区域", "农村", "城镇", "边疆")


def strip_suffix(word: str) -> tuple[str, str, str | None]:
    """(stem, suffix, level stated by the suffix) of an administrative name."""
    for suffix, level in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)], suffix, level
    return word, "", None


def place_candidates(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) of words jieba tags as place names, suffix attached."""
    tokens = tag(sentence)
    out = []
    i = 0
    while i < len(tokens):
        word, flag, start = tokens[i]
        if flag == "ns" and len(word) >= 2 and HAN_RE.match(word):
            end = start + len(word)
            surface = word
            # jieba often leaves the suffix as its own token: 乌兰察布 / 市.
            if i + 1 < len(tokens):
                nxt = tokens[i + 1][0]
                if any(nxt == s for s, _ in SUFFIXES):
                    surface += nxt
                    end += len(nxt)
                    i += 1
            if not surface.endswith(GENERIC_PLACE_ENDINGS) and not surface.startswith("大"):
                out.append((start, end, surface))
        i += 1
    return out


def abbreviation_runs(sentence: str) -> list[tuple[int, str]]:
    """(offset, full province name) for each character of a run of 2+ province abbreviations.

    A lone character is too ambiguous (京, 新, 云 are everyday words); two or more in a row
    (闽宁, 京津冀) are the usual way of naming a pairing or region.
    """
    out = []
    masked = sentence
    for full in PROVINCES:
        masked = masked.replace(full, "\0" * len(full))
    for m in re.finditer("[" + "".join(ABBREVIATION) + "]{2,}", masked):
        for k, char in enumerate(m.group(0)):
            out.append((m.start() + k, ABBREVIATION[char]))
    return out


QUOTE_RE = re.compile(r"“([^”]{1,30})”|「([^」]{1,30})」|《([^》]{1,30})》|\"([^\"]{1,30})\"")
