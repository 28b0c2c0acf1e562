"""One number reader for the whole project: numbers in Chinese and Vietnamese text, by value.

`zh_quantities(sentence)` and `vi_quantities(sentence)` return every quantity of a sentence
with its span: digits with their magnitude word (686万, 6,86 triệu, 24.931 nghìn tỷ), years,
dates (4月16日, ngày 16/4, 16 tháng 4), percentages, ordinals (第三, thứ ba) and counts written
in words (两位数, hai con số, 近十年). `same_quantity(a, b)` says whether two quantities, one
from each language, state the same thing: same value up to the rounding the less precise one
shows, compatible units, dates equal field by field. `read_number(text)` reads a whole typed
answer ("686万", "6,86 triệu", "6.86 triệu", "十四", "14个") for grading.

What a span covers, in both languages: the number and its magnitude word (万/亿, nghìn/triệu/
tỷ), and the percent sign of a percentage; never the measure unit (公里, km, người) nor an
approximation word (约, 多, khoảng, hơn), which are reported in `unit` and `approx`. A year is
its digits (1996 in 1996年 and năm 1996); a date is the whole date without a leading "ngày"
(4月16日, 16/4, 16 tháng 4, 15 tháng 3 năm 2024); an ordinal includes 第 / thứ.

Chinese numerals are read by cn2an; digits are read here, because the two languages disagree
on what "." and "," mean: Vietnamese writes 6,86 for a decimal and 128.000 for a thousands
group, Chinese (and English) the reverse. A Vietnamese decimal comma or thousands dot is one
number, never two. Full-width digits and signs (１２００, ％) read as their ASCII forms.

Pure Python, no Django.
"""

from __future__ import annotations

import math
import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache

NUMBER = "number"
YEAR = "year"
DATE = "date"
PERCENT = "percent"
ORDINAL = "ordinal"
COUNT = "count"
KINDS = (NUMBER, YEAR, DATE, PERCENT, ORDINAL, COUNT)

# Units that measure something (a length, an area, a mass, money): two numbers with different
# ones of these are different facts. Counting units (person, year-count…) are looser: a
# translation often drops them ("686万" ↔ "6,86 triệu người").
MEASURE_UNITS = frozenset({"km", "km2", "m", "m2", "ha", "mu", "t", "kg", "yuan", "usd", "vnd"})


@dataclass(frozen=True)
class Quantity:
    """A number found in a sentence; text == sentence[start:end]."""

    start: int
    end: int
    text: str
    value: float  # 686万 → 6860000.0; a date's value is yyyymmdd with 0 for a missing part
    unit: str | None = None  # km, km2, m, m2, ha, t, kg, yuan, usd, vnd, percent, person, …
    kind: str = NUMBER  # number | year | date | percent | ordinal | count
    approx: bool = False  # 约 近 多 余 左右 以上 / khoảng gần hơn trên …
    date: tuple[int | None, int | None, int | None] | None = None  # (year, month, day)
    step: float = 1.0  # place value of the last digit written: 6,86 triệu → 10000
    spelled: bool = False  # written in words (两, mười, hai), not digits
    magnitude: bool = False  # written with a magnitude word (万, 亿, nghìn, triệu, tỷ)
    # The value under the other reading of an ambiguous mark: "24.931 nghìn tỷ" is 24931
    # thousand billion by Vietnamese rule, but writers copying English figures mean 24.931.
    alternative: float | None = None


# --- shared helpers ------------------------------------------------------------------------

_FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {
    "％": "%",
    "．": ".",
    "／": "/",
    "－": "-",
    "﹪": "%",
}


_ASCII_TABLE = str.maketrans(_FULL_WIDTH)


def _ascii_digits(text: str) -> str:
    """Full-width digits and signs as ASCII, one character for one, so offsets stay valid."""
    return text.translate(_ASCII_TABLE)


def _step_of(digits: str, decimal_mark: str) -> float:
    """The place value of the last written digit of a plain number string."""
    if decimal_mark in digits:
        return 10.0 ** -len(digits.split(decimal_mark)[1])
    return 1.0


def _clean(value: float) -> float:
    """A product without binary noise: 1.15 × 10⁶ is 1150000, not 1149999.9999999998."""
    return float(f"{value:.12g}")


def _is_integer(value: float) -> bool:
    return float(value).is_integer()


def fmt(value: float) -> str:
    """A value as a key: 14.0 → "14", 71.4 → "71.4", never scientific notation."""
    if _is_integer(value):
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")


def _date_value(date: tuple[int | None, int | None, int | None]) -> float:
    y, m, d = date
    return float((y or 0) * 10000 + (m or 0) * 100 + (d or 0))


def _valid_date(y: int | None, m: int | None, d: int | None) -> bool:
    return (
        (m is None or 1 <= m <= 12)
        and (d is None or 1 <= d <= 31)
        and (y is None or 1 <= y <= 2999)
    )


def _date(
    sentence: str,
    start: int,
    end: int,
    date: tuple[int | None, int | None, int | None],
    approx: bool = False,
) -> Quantity:
    """The date sentence[start:end] reads as (year, month, day)."""
    return Quantity(
        start, end, sentence[start:end], _date_value(date), kind=DATE, date=date, approx=approx
    )


def _suffix(text: str, at: int, table: list[tuple[str, str]], space: bool) -> tuple[str, int]:
    """(unit class, end) of the longest unit word of `table` at text[at:], or (None-ish, at)."""
    pos = at
    if space:
        while pos < len(text) and text[pos] == " ":
            pos += 1
    low = text[pos:].lower()
    for word, unit in table:
        if low.startswith(word):
            end = pos + len(word)
            if space and end < len(text) and (text[end].isalnum() or text[end] in "²"):
                if not word[-1].isalnum():
                    return unit, end
                continue  # "km" is not the start of "kmh", "m" not of "mà"
            return unit, end
    return "", at


# --- Chinese -------------------------------------------------------------------------------

ZH_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_ZH_MAG = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
# A numeral counts as a number only before a measure word; elsewhere 一 is usually part of a
# word (统一, 一些, 一定) and its reading in Vietnamese is no number either.
ZH_CLASSIFIERS = set("个项次名位家座条种批所地省市县区届轮倍类件台辆支组级期天年月周岁人户")
_ZH_NOT_BEFORE = set("第其统唯之同单初万千")
ZH_UNITS = sorted(
    [
        ("平方公里", "km2"),
        ("平方千米", "km2"),
        ("平方米", "m2"),
        ("公里", "km"),
        ("千米", "km"),
        ("米", "m"),
        ("公顷", "ha"),
        ("亩", "mu"),
        ("吨", "t"),
        ("千克", "kg"),
        ("公斤", "kg"),
        ("元人民币", "yuan"),
        ("人民币", "yuan"),
        ("元", "yuan"),
        ("美元", "usd"),
        ("越南盾", "vnd"),
        ("越盾", "vnd"),
        ("人次", "person"),
        ("人", "person"),
        ("名", "person"),
        ("岁", "age"),
        ("年", "year-count"),
        ("个月", "month-count"),
        ("天", "day-count"),
        ("%", "percent"),
    ],
    key=lambda p: -len(p[0]),
)
_ZH_APPROX_BEFORE = ("大约", "将近", "接近", "超过", "约", "近", "逾", "超", "上")
_ZH_APPROX_AFTER = ("左右", "以上", "上下", "之多", "多", "余")

_ZH_DATE_RE = re.compile(
    r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?"
    r"|(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?![\d])"
)
_ZH_NUM = r"\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_ZH_DIGIT_RE = re.compile(
    rf"(?<![\dA-Za-z])(?<!\d\.)(?P<n>{_ZH_NUM})(?![A-Za-z])"
    # 100多万, 20余亿: an approximation word between the digits and their magnitude; the
    # span keeps it (a blank on "100" alone would leave "多万" behind) and approx is set.
    r"(?P<more>[多余](?=[十百千]?[万亿]))?"
    r"(?P<mag>(?:[十百千](?=[万亿]))?[万亿]{0,2})"
)
_ZH_NUMERAL_RE = re.compile(
    r"[零〇一二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿点]*"
)
_ZH_ORDINAL_RE = re.compile(r"第(\d+|[零〇一二两三四五六七八九十百千]+)")
_ZH_PERCENT_WORDS_RE = re.compile(r"百分之([零〇一二两三四五六七八九十百千点]+)")


@lru_cache(maxsize=4096)
def zh_numeral(text: str) -> float | None:
    """The value of a Chinese numeral by cn2an: 十四 → 14, 两 → 2, 一百零五 → 105, 三万 → 30000,
    二零一零 → 2010 (digit by digit, as years are), 一点五 → 1.5; None if it is not one."""
    if not text or any(c not in ZH_NUMERALS + "点" for c in text):
        return None
    import cn2an

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = cn2an.cn2an(text, "normal")
        except (ValueError, KeyError, IndexError, TypeError):
            return None
    return float(value)


def _zh_after(text: str, end: int) -> tuple[str | None, bool, int]:
    """(unit, approx after, end of unit) for the words after a number at `end`."""
    approx = False
    pos = end
    if text[pos : pos + 1] in ("多", "余"):
        approx = True
        pos += 1
    unit, unit_end = _suffix(text, pos, ZH_UNITS, space=False)
    if unit:
        pos = unit_end
    if text.startswith(("左右", "以上", "上下", "之多"), pos) or (
        not approx and text[end : end + 1] in ("多", "余")
    ):
        approx = True
    return unit or None, approx, pos


def _zh_before_approx(text: str, start: int) -> bool:
    before = text[max(0, start - 2) : start]
    return before.endswith(_ZH_APPROX_BEFORE)


class _Found:
    """The quantities read so far in a sentence: the first reading of a span wins, and a later
    one overlapping it is dropped (a date before the numbers inside it)."""

    def __init__(self) -> None:
        self.quantities: list[Quantity] = []
        self.taken: set[int] = set()

    def add(self, q: Quantity) -> None:
        span = set(range(q.start, q.end))
        if span & self.taken:
            return
        self.taken.update(span)
        self.quantities.append(q)

    def in_order(self) -> tuple[Quantity, ...]:
        return tuple(sorted(self.quantities, key=lambda q: q.start))


def zh_quantities(sentence: str) -> list[Quantity]:
    """Every quantity of a Chinese sentence, in order, spans not overlapping."""
    return list(_zh_quantities(sentence))


@lru_cache(maxsize=8192)
def _zh_quantities(sentence: str) -> tuple[Quantity, ...]:
    text = _ascii_digits(sentence)
    found = _Found()
    add = found.add

    for m in _ZH_DATE_RE.finditer(text):
        if m.group("iy"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        else:
            y = int(m.group("y")) if m.group("y") else None
            mo = int(m.group("m"))
            d = int(m.group("d")) if m.group("d") else None
            if m.start() and text[m.start() - 1].isdigit():
                continue
        if not _valid_date(y, mo, d):
            continue
        date = (y, mo, d)
        add(_date(sentence, m.start(), m.end(), date, approx=_zh_before_approx(text, m.start())))
        tail = _ZH_RANGE_RE.match(text, m.end()) if d is not None else None
        if tail and _valid_date(y, mo, int(tail.group("d"))):
            # 5月12日至23日: the second day keeps the month written once.
            last = (y, mo, int(tail.group("d")))
            start = tail.start("d")
            add(_date(sentence, start, tail.end(), last))
    for m in _ZH_ORDINAL_RE.finditer(text):
        raw = m.group(1)
        value = float(raw) if raw.isdigit() else zh_numeral(raw)
        if value is not None:
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    sentence[m.start() : m.end()],
                    value,
                    kind=ORDINAL,
                    spelled=not raw.isdigit(),
                )
            )
    for m in _ZH_PERCENT_WORDS_RE.finditer(text):
        value = zh_numeral(m.group(1))
        if value is not None:
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    sentence[m.start() : m.end()],
                    value,
                    "percent",
                    PERCENT,
                    _zh_before_approx(text, m.start()),
                    spelled=True,
                )
            )
    for m in _ZH_DIGIT_RE.finditer(text):
        raw, mag = m.group("n"), m.group("mag")
        digits = raw.replace(",", "").replace("，", "")
        base = float(digits)
        factor = math.prod(_ZH_MAG[c] for c in mag) if mag else 1
        value = _clean(base * factor)
        step = _step_of(digits, ".") * factor
        start, end = m.start(), m.end()
        unit, approx, _unit_end = _zh_after(text, end)
        approx = approx or bool(m.group("more")) or _zh_before_approx(text, start)
        kind = NUMBER
        if unit == "percent":
            end += 1  # the sign belongs to the number
            kind = PERCENT
        elif (
            not mag
            and text[end : end + 1] == "年"
            and _is_integer(value)
            and value >= 100
            and "." not in raw
        ):
            kind, unit = YEAR, None
        add(
            Quantity(
                start,
                end,
                sentence[start:end],
                value,
                unit,
                kind,
                approx,
                step=step,
                magnitude=bool(mag),
            )
        )
    for m in _ZH_NUMERAL_RE.finditer(text):
        raw = m.group(0).rstrip("点")
        start, end = m.start(), m.start() + len(raw)
        before = text[start - 1 : start] if start else ""
        if before in _ZH_NOT_BEFORE or (before and before.isdigit()):
            continue
        after_pos = end + 1 if text[end : end + 1] in ("多", "余") else end
        after = text[after_pos : after_pos + 1]
        unit, approx, _e = _zh_after(text, end)
        if after not in ZH_CLASSIFIERS and not unit:
            continue
        if len(raw) > 1 and all(c in "零〇一二两三四五六七八九" for c in raw):
            if text[end : end + 1] != "年" or len(raw) != 4:
                continue  # 一一 or 三四 (three or four) is no number; 二零一零年 is a year
            value = zh_numeral(raw)
            if value is not None:
                add(Quantity(start, end, sentence[start:end], value, None, YEAR, spelled=True))
            continue
        value = zh_numeral(raw)
        if value is None:
            continue
        approx = approx or _zh_before_approx(text, start)
        kind = COUNT
        add(
            Quantity(
                start,
                end,
                sentence[start:end],
                value,
                unit,
                kind,
                approx,
                step=_numeral_step(raw),
                spelled=True,
                magnitude=raw[-1] in "万亿",
            )
        )
    return found.in_order()


def zh_numerals(sentence: str) -> list[Quantity]:
    """Every run of Chinese numerals, measure word or not (四星级, 五代), as counts: for
    pairing with a number the other language writes in digits, never on their own (一 in
    统一 or 一些 is no number)."""
    out = []
    for m in _ZH_NUMERAL_RE.finditer(sentence):
        raw = m.group(0).rstrip("点")
        before = sentence[m.start() - 1 : m.start()] if m.start() else ""
        if before in ("第", "其") or raw in ("万", "亿"):
            continue
        value = zh_numeral(raw)
        if value is not None:
            end = m.start() + len(raw)
            out.append(Quantity(m.start(), end, raw, value, kind=COUNT, spelled=True))
    return out


def _numeral_step(raw: str) -> float:
    """十 → 10? No: a numeral states its value exactly unless it ends in a magnitude."""
    return float(_ZH_MAG.get(raw[-1], 1)) if len(raw) > 1 and raw[-1] in "万亿" else 1.0


# --- Vietnamese ----------------------------------------------------------------------------

VI_NUMBER_WORDS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
VI_ORDINAL_WORDS = {
    "nhất": 1,
    "nhì": 2,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_VI_MAGNITUDES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "vạn": 1e4}
# Words that are numbers and common words at once (năm "year", ba "father", tư "private",
# một "a"): alone, they count only before a word that is counted.
_VI_AMBIGUOUS = {"năm", "ba", "tư", "một", "mốt", "lăm", "không", "tám", "bảy"}
_COUNTER_TEXT = """
    con người năm tháng ngày tuần giờ phút lần tỉnh huyện xã nước quốc gia điểm bước loại cấp
    phần mặt vòng đợt kỳ nhóm khu vùng tầng chiếc cái trường thành phố dân tộc vị trí hạng mục
    khâu chữ số mô hình nhiệm vụ thức đối tuổi km mét tấn
"""
# Nouns (or first syllables of nouns) that are counted: "năm người", "ba tỉnh", "hai con số".
VI_COUNTERS = frozenset(_COUNTER_TEXT.split())
VI_UNITS = sorted(
    [
        ("km²", "km2"),
        ("km2", "km2"),
        ("km vuông", "km2"),
        ("ki-lô-mét vuông", "km2"),
        ("kilômét vuông", "km2"),
        ("ki-lô-mét", "km"),
        ("kilômét", "km"),
        ("cây số", "km"),
        ("km", "km"),
        ("m²", "m2"),
        ("m2", "m2"),
        ("mét vuông", "m2"),
        ("mét", "m"),
        ("m", "m"),
        ("héc-ta", "ha"),
        ("hécta", "ha"),
        ("ha", "ha"),
        ("mẫu", "mu"),
        ("tấn", "t"),
        ("kg", "kg"),
        ("ki-lô-gam", "kg"),
        ("nhân dân tệ", "yuan"),
        ("ndt", "yuan"),
        ("tệ", "yuan"),
        ("đô la mỹ", "usd"),
        ("đô-la mỹ", "usd"),
        ("đô la", "usd"),
        ("usd", "usd"),
        ("đồng", "vnd"),
        ("vnđ", "vnd"),
        ("vnd", "vnd"),
        ("lượt người", "person"),
        ("người", "person"),
        ("tuổi", "age"),
        ("năm", "year-count"),
        ("tháng", "month-count"),
        ("ngày", "day-count"),
        ("phần trăm", "percent"),
        ("%", "percent"),
    ],
    key=lambda p: -len(p[0]),
)
_VI_APPROX_BEFORE = re.compile(
    r"(?:khoảng|gần|hơn|trên|chừng|xấp xỉ|ước tính|ước|độ|tới gần|ngót|non|quá|khoảng chừng)\s*$",
    re.IGNORECASE,
)
_VI_APPROX_AFTER = re.compile(r"\s*(?:hơn|có lẻ|trở lên|đổ lại|dư)\b", re.IGNORECASE)

# Numbers in digits: "24.931" and "128.000" are thousands groups, "6,86" a decimal comma;
# "1,200,000" (several comma groups) and "6.86" (not a group of three) follow English usage.
_VI_NUM = (
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"
    r"|\d+,\d+"
    r"|\d+\.\d+"
    r"|\d+"
)
_VI_DIGIT_RE = re.compile(
    rf"(?<![\w/])(?<!\d[.,])(?P<n>{_VI_NUM})(?![\w]|[.,/]\d)"
    r"(?P<mag>(?:\s+(?:nghìn|ngàn|triệu|tỷ|tỉ|vạn)){0,2})(?![\w])"
)
_VI_DATE_RE = re.compile(
    r"(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})(?:\s*/\s*(?P<y1>\d{4}))?(?![\d/])"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y2>\d{4}))?(?!\d)"
    r"|tháng\s+(?P<m3>\d{1,2})(?:\s*(?:năm\s+|/)(?P<y3>\d{4}))?(?![\d/])"
    r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?!\d)",
    re.IGNORECASE,
)
_VI_WORD_RE = re.compile(r"[^\W\d_]+")
_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+)")
_VI_DAY_WORDS = ("ngày", "sáng", "trưa", "chiều", "tối", "đêm", "hôm", "rạng sáng", "đến", "tới")
# The first day of a range whose month is written once: "ngày 12 đến 23/5", "12-23/5".
_VI_RANGE_RE = re.compile(
    r"(?P<a>\d{1,2})\s*(?:đến|tới|-|–)\s*(?P<b>\d{1,2})\s*(?:/\s*|\s+tháng\s+)(?P<m>\d{1,2})"
    r"(?:\s*(?:/|năm)\s*(?P<y>\d{4}))?(?![\d/])",
    re.IGNORECASE,
)
_ZH_RANGE_RE = re.compile(r"(?:至|到|-|—|~|～)(?P<d>\d{1,2})[日号]")
_VI_ORDINAL_RE = re.compile(
    r"(?<!\w)thứ\s+(nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|\d+)(?!\w)",
    re.IGNORECASE,
)
_YEAR_BEFORE_TEXT = "mỗi hằng hàng cùng các những từ đến vào trong cuối đầu giữa sang qua"
_VI_YEAR_BEFORE = frozenset(_YEAR_BEFORE_TEXT.split())
_VI_SPELLED_WORDS = {*VI_NUMBER_WORDS, "mười", "mươi", "trăm", "linh", "lẻ", *_VI_MAGNITUDES}
# After these the number word is not a count: "hai là" (secondly), "một số" (some), "một cách".
_VI_NOT_COUNT_AFTER = re.compile(r"\s+(?:là|số|cách|lần nữa|vài|chút|khi)\b", re.IGNORECASE)


def vi_spelled(words: list[str]) -> float | None:
    """The value of Vietnamese number words: mười bốn → 14, hai mươi mốt → 21, một trăm linh
    năm → 105, hai nghìn → 2000, ba triệu → 3000000; None if they are not a number."""
    if not words:
        return None
    total = section = 0.0
    digit: float | None = None
    previous = ""
    for word in (w.lower() for w in words):
        if word == "năm" and previous in ("mười", "mươi"):
            return None  # 15 and 25 end in "lăm": "mười năm" is ten years
        previous = word
        if word in VI_NUMBER_WORDS:
            if digit is not None:
                return None  # "hai ba" (two or three) is not one number
            digit = VI_NUMBER_WORDS[word]
        elif word == "mười":
            if digit is not None:
                return None
            section += 10
        elif word == "mươi":
            if digit is None:
                return None
            section += digit * 10
            digit = None
        elif word == "trăm":
            section += (1 if digit is None else digit) * 100
            digit = None
        elif word in _VI_MAGNITUDES:
            amount = section + (digit or 0)
            total += (amount or 1) * _VI_MAGNITUDES[word]
            section, digit = 0.0, None
        elif word in ("linh", "lẻ"):
            continue
        else:
            return None
    return total + section + (digit or 0)


def _vi_number(raw: str) -> tuple[float, float]:
    """(value, step) of a Vietnamese digit string (see _VI_NUM)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
        whole, _, dec = raw.partition(",")
        value = float(whole.replace(".", "") + ("." + dec if dec else ""))
        return value, 10.0 ** -len(dec) if dec else 1.0
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", raw):
        digits = raw.replace(",", "")
        return float(digits), _step_of(digits, ".")
    if "," in raw:
        return float(raw.replace(",", ".")), _step_of(raw, ",")
    return float(raw), _step_of(raw, ".")


def _vi_after(text: str, end: int) -> tuple[str | None, bool]:
    unit, unit_end = _suffix(text, end, VI_UNITS, space=True)
    if unit in ("year-count", "month-count", "day-count") and re.match(r"\s*\d", text[unit_end:]):
        unit = ""  # "SEA Games 22 năm 2003": năm begins the next date, it counts nothing
    approx = bool(_VI_APPROX_AFTER.match(text, end))
    return unit or None, approx


def _vi_before_approx(text: str, start: int) -> bool:
    return bool(_VI_APPROX_BEFORE.search(text[max(0, start - 16) : start]))


def vi_quantities(sentence: str) -> list[Quantity]:
    """Every quantity of a Vietnamese sentence, in order, spans not overlapping.

    Numbers written in words are included (spelled=True) where they count something: "hai"
    always, an ambiguous word (năm, ba, tư, một) only before a counted noun ("năm người").
    """
    return list(_vi_quantities(sentence))


@lru_cache(maxsize=8192)
def _vi_quantities(sentence: str) -> tuple[Quantity, ...]:
    text = _ascii_digits(sentence)
    found = _Found()
    add = found.add

    for m in _VI_RANGE_RE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "./,"):
            continue
        y = int(m.group("y")) if m.group("y") else None
        mo = int(m.group("m"))
        first, last = (y, mo, int(m.group("a"))), (y, mo, int(m.group("b")))
        if not (_valid_date(*first) and _valid_date(*last)):
            continue
        a_end = m.start("a") + len(m.group("a"))
        add(_date(sentence, m.start(), a_end, first))
        add(_date(sentence, m.start("b"), m.end(), last))
    for m in _VI_DATE_RE.finditer(text):
        if m.group("d1"):
            d, mo = int(m.group("d1")), int(m.group("m1"))
            y = int(m.group("y1")) if m.group("y1") else None
            lead = text[: m.start()].rstrip().lower()
            if y is None and not lead.endswith(_VI_DAY_WORDS):
                continue  # 1/3 alone may be a fraction; "ngày 8/8", "sáng 8/8" are dates
        elif m.group("d2"):
            d, mo = int(m.group("d2")), int(m.group("m2"))
            y = int(m.group("y2")) if m.group("y2") else None
        elif m.group("m3"):
            d, mo = None, int(m.group("m3"))
            y = int(m.group("y3")) if m.group("y3") else None
        else:
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "./,"):
            continue
        if not _valid_date(y, mo, d):
            continue
        date = (y, mo, d)
        add(_date(sentence, m.start(), m.end(), date, approx=_vi_before_approx(text, m.start())))
    for m in _VI_ORDINAL_RE.finditer(text):
        raw = m.group(1).lower()
        value = float(raw) if raw.isdigit() else float(VI_ORDINAL_WORDS[raw])
        end = m.end()
        if not raw.isdigit() and raw not in ("nhất", "nhì", "tư"):
            # "thứ mười tám": the longest run of number words that reads as one number
            ends, words, pos = [], [], end
            while len(words) < 4 and (word := _NEXT_WORD_RE.match(text, pos)):
                words.append(word.group(1))
                pos = word.end()
                ends.append(pos)
            while words:
                longer = vi_spelled([raw, *words])
                if longer is not None:
                    value, end = longer, ends[len(words) - 1]
                    break
                words.pop()
        add(
            Quantity(
                m.start(),
                end,
                sentence[m.start() : end],
                value,
                kind=ORDINAL,
                spelled=not raw.isdigit(),
            )
        )
    for m in _VI_DIGIT_RE.finditer(text):
        raw = m.group("n")
        base, step = _vi_number(raw)
        mags = m.group("mag").split()
        factor = math.prod(_VI_MAGNITUDES[w.lower()] for w in mags) if mags else 1
        value, step = _clean(base * factor), step * factor
        alternative = None
        if mags and re.fullmatch(r"\d{1,3}\.\d{3}", raw):
            alternative = _clean(float(raw) * factor)
        start, end = m.start(), m.end()
        unit, approx = _vi_after(text, end)
        approx = approx or _vi_before_approx(text, start)
        kind = NUMBER
        if unit == "percent":
            kind = PERCENT
            if text[end : end + 1] == "%":
                end += 1
            elif text[end : end + 2] == " %":
                end += 2
        elif (
            not mags
            and re.search(r"năm\s*$", text[max(0, start - 8) : start], re.IGNORECASE)
            and _is_integer(value)
            and value >= 100
        ):
            kind, unit = YEAR, None
        add(
            Quantity(
                start,
                end,
                sentence[start:end],
                value,
                unit,
                kind,
                approx,
                step=step,
                magnitude=bool(mags),
                alternative=alternative,
            )
        )
    words = list(_VI_WORD_RE.finditer(text))
    i = 0
    while i < len(words):
        if words[i].group(0).lower() not in _VI_SPELLED_WORDS or words[i].start() in found.taken:
            i += 1
            continue
        j = i
        while (
            j + 1 < len(words)
            and words[j + 1].group(0).lower() in _VI_SPELLED_WORDS
            and text[words[j].end() : words[j + 1].start()] == " "
        ):
            j += 1
        # The longest run of words from i that reads as one number.
        while j >= i and vi_spelled([w.group(0) for w in words[i : j + 1]]) is None:
            j -= 1
        if j < i:
            i += 1
            continue
        run = [w.group(0).lower() for w in words[i : j + 1]]
        start, end = words[i].start(), words[j].end()
        value = vi_spelled(run)
        nxt = words[j + 1].group(0).lower() if j + 1 < len(words) else ""
        nxt2 = " ".join(w.group(0).lower() for w in words[j + 1 : j + 3])
        counted = nxt in VI_COUNTERS or nxt2 in VI_COUNTERS
        prev = words[i - 1].group(0).lower() if i else ""
        if run[0] == "năm" and prev in _VI_YEAR_BEFORE:
            i = j + 1
            continue  # "mỗi năm", "trong năm": the noun year
        if (
            value is None
            or _VI_NOT_COUNT_AFTER.match(text, end)
            or (len(run) == 1 and run[0] in _VI_AMBIGUOUS and not counted)
            or (len(run) == 1 and run[0] in _VI_MAGNITUDES)
            or run[0] in ("mươi", "linh", "lẻ", "trăm") | _VI_MAGNITUDES.keys()
        ):
            i = j + 1
            continue
        unit, approx = _vi_after(text, end)
        approx = approx or _vi_before_approx(text, start)
        add(
            Quantity(
                start,
                end,
                sentence[start:end],
                value,
                unit,
                COUNT,
                approx,
                spelled=True,
                magnitude=any(w in _VI_MAGNITUDES for w in run),
            )
        )
        i = j + 1
    return found.in_order()


# --- comparison and typed answers ---------------------------------------------------------


def _units_compatible(a: str | None, b: str | None) -> bool:
    """Equal units, or one missing (translations drop "người", "元")."""
    return a == b or a is None or b is None


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities state the same thing: dates field by field (a missing year
    matches any), years exactly, ordinals with ordinals, percentages with percentages, and
    other numbers by value up to the rounding of the less precise one (6,86 triệu = 686万,
    2,5 triệu = 250万), with compatible units (a unit missing on one side is compatible)."""
    if (a.kind == DATE) != (b.kind == DATE):
        return False
    if a.kind == DATE:
        ya, ma, da = a.date or (None, None, None)
        yb, mb, db = b.date or (None, None, None)
        return ma == mb and da == db and (ya is None or yb is None or ya == yb)
    if (a.kind == ORDINAL) != (b.kind == ORDINAL):
        ordinal, other = (a, b) if a.kind == ORDINAL else (b, a)
        # 第31届 ↔ SEA Games 31: a numbering in digits often loses its 第 / thứ in translation.
        return (
            not ordinal.spelled
            and not other.spelled
            and other.kind == NUMBER
            and other.unit is None
            and other.value == ordinal.value
        )
    if (a.kind == PERCENT) != (b.kind == PERCENT):
        return False
    if not _units_compatible(a.unit, b.unit):
        return False
    if a.kind == YEAR or b.kind == YEAR:
        return a.value == b.value
    for x, step_x in _readings(a):
        for y, step_y in _readings(b):
            tolerance = max(step_x, step_y) / 2 + 1e-9 * max(abs(x), abs(y), 1.0)
            if abs(x - y) <= tolerance:
                return True
    return False


def _readings(q: Quantity) -> list[tuple[float, float]]:
    out = [(q.value, q.step)]
    if q.alternative is not None:
        out.append((q.alternative, q.step / 1000))
    return out


def equal_value(a: float, b: float) -> bool:
    """Exact equality of two values as read (float noise aside): for grading, where 6,9 triệu
    is a wrong answer for 686万 although it rounds to it."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


_TYPED_TAIL = re.compile(r"[\s.。,，;；!！?？]+$")


def read_number(text: str, lang: str | None = None) -> Quantity | None:
    """A whole typed answer read as one number, in either language's writing: "686万",
    "6,86 triệu", "6.86 triệu", "6860000", "１４", "十四", "两", "二零一零", "14个", "mười
    bốn", "1.000". A trailing measure word or unit may follow; anything else gives None.

    `lang` ("zh" or "vi") says whose rule reads an ambiguous mark first: "1,200" is 1200 for a
    Chinese answer and 1,2 for a Vietnamese one. Without it, text with Han characters is read
    the Chinese way first.
    """
    text = unicodedata.normalize("NFKC", text or "").strip()
    text = _TYPED_TAIL.sub("", text)
    if not text:
        return None
    if lang is None:
        lang = "zh" if re.search(r"[\u4e00-\u9fff]", text) else "vi"
    readers = (_read_zh, _read_vi) if lang == "zh" else (_read_vi, _read_zh)
    for reader in readers:
        quantity = reader(text)
        if quantity is not None:
            return quantity
    return None


def _read_zh(text: str) -> Quantity | None:
    bare = text
    if len(bare) > 1 and (bare[-1] in ZH_CLASSIFIERS or bare[-1] == "年"):
        bare = bare[:-1]
    value = zh_numeral(bare)
    if value is not None:
        return Quantity(0, len(bare), bare, value, spelled=True)
    return _whole(text, zh_quantities(text))


def _read_vi(text: str) -> Quantity | None:
    spelled = vi_spelled(text.split())
    if spelled is not None:
        return Quantity(0, len(text), text, spelled, spelled=True)
    return _whole(text, [q for q in vi_quantities(text) if q.kind != DATE])


def _whole(text: str, candidates: list[Quantity]) -> Quantity | None:
    """The one quantity of `text` if nothing but a unit or measure word stands beside it."""
    if len(candidates) != 1:
        return None
    q = candidates[0]
    rest = (text[: q.start] + text[q.end :]).strip()
    if rest and not _only_unit(rest):
        return None
    return q


def _only_unit(rest: str) -> bool:
    """Whether what is left beside a typed number is only a measure word or unit."""
    low = rest.lower()
    if len(low) == 1 and (low in ZH_CLASSIFIERS or low == "年"):
        return True
    return any(low == word for word, _u in ZH_UNITS) or any(low == word for word, _u in VI_UNITS)
