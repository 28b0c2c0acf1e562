"""Chinese text: sentences, numbers (digits and numerals), ordinals, place-name candidates.

jieba is loaded lazily and once, quietly: loading its dictionary takes most of a second and
the Django process should not pay it before the first document is analysed.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

from . import numbers as _numbers
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


NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
CLASSIFIERS = _numbers.ZH_CLASSIFIERS


def numeral_value(text: str) -> int | None:
    """The whole value of a Chinese numeral (十四 → 14, 两 → 2), read by content.lang.numbers."""
    value = _numbers.zh_numeral(text)
    return int(value) if value is not None and value.is_integer() else None


def numbers(sentence: str) -> list[tuple[int, int, float, bool]]:
    """(start, end, value, is_year) of the plain numbers of a sentence (digits with their
    magnitude, counted numerals), for callers that want no units, dates or percentages; see
    content.lang.numbers.zh_quantities for everything."""
    return [
        (q.start, q.end, q.value, q.kind == "year")
        for q in _numbers.zh_quantities(sentence)
        if q.kind in ("number", "year", "count")
    ]


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
