"""Recognising lines that are layout, not content: date and time lines, source lines, bylines,
photo captions, series lines, end marks and a headline that holds both languages.

Every rule is stated for a kind of line as news sites, textbooks and glossaries print them, in
Chinese, Vietnamese or English: a label ("发布时间：", "Ngày đăng:", "责任编辑：", "Biên tập:",
"Ảnh:"), a line made only of a date, a weekday, a clock time and a time zone, a photo credit in
brackets. A line of prose never qualifies: the rules ask for a short line, a label at its start,
or nothing but date material, so a sentence that merely starts with a date stays a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .model import ZH
from .text import HAN_RE, LATIN_LETTER_RE, is_vietnamese_letter

DATELINE = "dateline"
SOURCE = "source"
BYLINE = "byline"
CAPTION = "caption"
SERIES = "series"
HEADLINE = "headline"
HEADING = "heading"  # a loose short line in the body: a subheading or unlabelled caption
TITLE = "title"
OTHER = "other"

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

# Each pattern yields (year, month, day) through named groups.
_DATE_RES = [
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})(?!\d)"),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
    re.compile(
        r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:năm|,)\s*(?P<y>\d{4})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<mn>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})\b",
        re.IGNORECASE,
    ),
]
# What may stand beside a date on a date line: labels, weekdays, clock times, time zones.
_DATE_LABEL_RE = re.compile(
    r"^[\[(（【]?\s*(?:发布时间|发布日期|发表时间|更新时间|更新日期|时间|日期|发布|"
    r"ngày đăng|ngày cập nhật|ngày xuất bản|cập nhật lúc|cập nhật|đăng lúc|đăng ngày|"
    r"thời gian|ngày|published|updated|posted|date|last updated)\s*[:：]?\s*",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(
    r"星期[一二三四五六日天]|周[一二三四五六日]|礼拜[一二三四五六日天]|"
    r"\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])\b|\bchủ\s+nhật\b|"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b\.?",
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"(?<!\d)\d{1,2}\s*[:：hg]\s*\d{2}(?:\s*[:：]\s*\d{2})?(?:\s*(?:am|pm|sa|ch))?(?!\d)"
    r"|(?<!\d)\d{1,2}\s*(?:时|点)\s*\d{1,2}\s*分",
    re.IGNORECASE,
)
_ZONE_RE = re.compile(
    r"[\[(（]?\s*(?:GMT|UTC)\s*[+-−]?\s*\d{0,2}(?::\d{2})?\s*[\])）]?|北京时间|giờ Hà Nội",
    re.IGNORECASE,
)
_FILLER_RE = re.compile(r"\b(?:ngày|lúc|at|on)\b", re.IGNORECASE)
_SEPARATORS = " \t|｜-–—·•,，、/:：()（）[]【】"

_SOURCE_LABEL_RE = re.compile(
    r"^[\[(（【]?\s*(?:来源|稿源|出处|nguồn tin|nguồn|source)\s*[:：]\s*"
    r"(?P<rest>.+?)\s*[\])）】]?$",
    re.IGNORECASE,
)
# Labels followed by a colon, then names: "责任编辑：张三", "Biên tập: Lan Anh".
_BYLINE_LABEL_RE = re.compile(
    r"^[\[(（【]?\s*(?:责任编辑|责编|编辑|主编|审核|校对|作者|撰稿|撰文|文字|记者|本报记者|"
    r"特约记者|通讯员|翻译|译者|文|"
    r"biên tập viên|biên tập|biên dịch|tác giả|phóng viên|nhóm phóng viên|nhóm pv|"
    r"bài và ảnh|bài|thực hiện|người dịch|dịch giả|ctv|pv|btv|"
    r"editor|edited by|written by|reporter|by|author|translated by)"
    r"\s*[:：/]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# Labels a name follows after a space alone: "记者 王五", "PV Minh Hà", "By Tran Anh".
_BYLINE_SPACED_RE = re.compile(
    r"^[\[(（【]?\s*(?:记者|本报记者|特约记者|通讯员|ctv|pv|btv|by)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_THEO_RE = re.compile(r"^[\[(（]?\s*theo\s+(?P<rest>[^,，.。:;]+?)\s*[\])）]?\.?$", re.IGNORECASE)
_CAPTION_START_RE = re.compile(
    r"^[\[(（【]?\s*(?:图为|上图|下图|图片来源|图片\s*[:：/]|图\s*[:：/]|[图表]\s*\d+|配图|摄影\s*[:：]|"
    r"ảnh\s*[:：]|ảnh minh họa|ảnh minh hoạ|ảnh tư liệu|hình\s*[:：]|hình minh họa|"
    r"(?:ảnh|hình|bảng)\s+\d+(?:\.\d+)*\.?\s|"
    r"photo\s*[:：]|photo by|image\s*[:：]|picture\s*[:：]|(?:figure|fig\.|table)\s*\d+)",
    re.IGNORECASE,
)
# A photo credit closing a line: （新华社记者 王五 摄）, (Ảnh: TTXVN), (Ảnh minh họa).
_CAPTION_END_RE = re.compile(
    r"[(（\[【]\s*(?:[^()（）]{0,30}\s摄|[^()（）]{0,30}摄影|图片来源[^()（）]*|图/[^()（）]*|"
    r"ảnh\s*[:：][^()]*|ảnh minh họa|ảnh minh hoạ|ảnh tư liệu|nguồn ảnh[^()]*|"
    r"photo\s*[:：][^()]*)\s*[)）\]】]\s*\.?$",
    re.IGNORECASE,
)
_SERIES_LABEL_RE = re.compile(
    r"^[\[(（【]?\s*(?:栏目|专题|频道|分类|专栏|chuyên mục|chuyên đề|danh mục|category|section)"
    r"\s*[:：]",
    re.IGNORECASE,
)
# The wire-service opening of a news paragraph: "越通社河内8月8日电 ", "新华社北京3月15日电（记者
# 王五）", "Hà Nội, ngày 8/8 (TTXVN) - ", "HÀ NỘI (TTXVN) – ".
_ZH_WIRE_RE = re.compile(
    r"^[^，。：:\s]{0,20}?\d{1,2}月\d{1,2}[日号]电(?:\s*[(（][^()（）]{0,30}[)）])?\s*"
)
_VI_WIRE_RE = re.compile(
    r"^[^.,:;()]{1,30}?,?\s*(?:ngày\s+)?(?:\d{1,2}/\d{1,2}(?:/\d{4})?\s*)?"
    r"\([^()]{1,30}\)\s*[-–—]\s*"
)
# The bracket of a Vietnamese wire opening holds an agency's initials or name: (TTXVN), (VOV).
_VI_WIRE_AGENCY_RE = re.compile(
    r"\((?:[A-ZĐ][A-ZĐa-z.&/ ]{1,20}|[^()]{0,20}(?:thông tấn|báo)[^()]*)\)"
)
_BRACKETED_RE = re.compile(r"^[(（【\[]\s*(?P<inner>.{1,100}?)\s*[)）】\]]$")
_END_MARKS = {"完", "全文完", "hết", "end", "ende", "-hết-", "—hết—"}
_SENTENCE_END = tuple("。！？!?…;；")


@dataclass(frozen=True)
class LineKind:
    """What a layout line is, with what it tells about the document."""

    kind: str
    published: date | None = None
    source: str | None = None
    halves: tuple[str, str] | None = None  # a headline's (zh, vi) halves


def _words(text: str) -> int:
    return len(text.split())


def _short(text: str, lang: str | None, zh_limit: int = 40, vi_words: int = 12) -> bool:
    if lang == ZH or (lang is None and HAN_RE.search(text)):
        return len(text) <= zh_limit
    return _words(text) <= vi_words


def find_date(text: str) -> tuple[date | None, re.Match | None]:
    """The first calendar date written in `text` (any of the usual zh, vi and en forms)."""
    best: re.Match | None = None
    for pattern in _DATE_RES:
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None, None
    groups = best.groupdict()
    month = _MONTHS[groups["mn"].lower()] if groups.get("mn") else int(groups["m"])
    try:
        return date(int(groups["y"]), month, int(groups["d"])), best
    except ValueError:
        return None, best


def _clean_source(text: str) -> str | None:
    text = text.strip(_SEPARATORS + ".。")
    label = _SOURCE_LABEL_RE.match(text)
    if label:
        text = label.group("rest")
    # Another label after the source ("来源：新华网 作者：张三") ends it.
    text = re.split(r"\s{2,}|\s(?=\S{1,12}[:：])", text)[0].strip(_SEPARATORS)
    return text or None


def _dateline(line: str) -> LineKind | None:
    published, match = find_date(line)
    if match is None:
        return None
    head, tail = line[: match.start()], line[match.end() :]
    head = _DATE_LABEL_RE.sub("", head.strip(), count=1)
    for pattern in (_WEEKDAY_RE, _TIME_RE, _ZONE_RE, _FILLER_RE):
        head = pattern.sub(" ", head)
    if head.strip(_SEPARATORS):
        return None  # words before the date: a sentence that begins with a date
    # After the date: clock times and zones, then at most a source ("| China.org.cn").
    tail = _ZONE_RE.sub(" ", _TIME_RE.sub(" ", _WEEKDAY_RE.sub(" ", tail)))
    rest = tail.strip(_SEPARATORS)
    if not rest:
        return LineKind(DATELINE, published)
    # Only a source may follow, set off by a bar or dash or named by its label; anything
    # else after a comma is the rest of a sentence that opens with its date.
    set_off = tail.lstrip(" ,，").startswith(tuple("|｜-–—·•")) or _SOURCE_LABEL_RE.match(rest)
    if not set_off or rest.endswith(_SENTENCE_END + (".",)) or len(rest) > 60 or _words(rest) > 8:
        return None
    return LineKind(DATELINE, published, _clean_source(rest))


def _headline(line: str) -> LineKind | None:
    """A line that is a Chinese title and a Vietnamese title side by side (either first)."""
    # Two sentences side by side are content in two languages, not two titles.
    if len(line) > 250 or line.endswith((*_SENTENCE_END, ".")) or "。" in line:
        return None
    han = [i for i, c in enumerate(line) if HAN_RE.match(c)]
    vi = [i for i, c in enumerate(line) if is_vietnamese_letter(c)]
    if len(han) < 2 or not vi:
        return None
    latin = [i for i, c in enumerate(line) if LATIN_LETTER_RE.match(c)]
    if han[-1] < latin[0]:
        cut = han[-1] + 1
        zh, vi_text = line[:cut], line[cut:]
    elif latin[-1] < han[0]:
        cut = han[0]
        vi_text, zh = line[:cut], line[cut:]
    else:
        return None  # the scripts interleave: a sentence quoting a name, not two titles
    zh, vi_text = zh.strip(_SEPARATORS), vi_text.strip(_SEPARATORS)
    if len(zh) < 2 or _words(vi_text) < 2:
        return None
    if any(half.endswith((*_SENTENCE_END, ".")) for half in (zh, vi_text)):
        return None
    return LineKind(HEADLINE, halves=(zh, vi_text))


def classify(line: str, lang: str | None, *, continues: bool = False) -> LineKind | None:
    """The layout kind of one line, or None when it is (or may be) content.

    `continues`: the line follows a line of the same language that did not end a sentence, so
    it may be the rest of a wrapped sentence; a byline without a colon ("Theo …", "记者 王五")
    is then read as text."""
    if not line:
        return None
    bare = line.strip(" .。").lower()
    if bare.strip("()（）[]【】-—– ") in _END_MARKS:
        return LineKind(OTHER)
    source = _SOURCE_LABEL_RE.match(line)
    if source and _short(line, lang, 60, 16):
        return LineKind(SOURCE, source=_clean_source(source.group("rest")))
    if _CAPTION_START_RE.match(line) or _CAPTION_END_RE.search(line):
        return LineKind(CAPTION)
    dated = _dateline(line)
    if dated is not None:
        return dated
    byline = _BYLINE_LABEL_RE.match(line)
    if not continues:
        byline = byline or _BYLINE_SPACED_RE.match(line) or _THEO_RE.match(line)
    # A byline names people or a paper; a label before a question or a statement is an
    # interview's speaker ("记者：产品出口了吗？", "Phóng viên: … chưa?"), which is content.
    if (
        byline
        and _short(byline.group("rest"), lang, 16, 7)
        and not re.search(r"[，。；;？?！!]", line.rstrip("。."))
    ):
        return LineKind(BYLINE)
    if _SERIES_LABEL_RE.match(line) and _short(line, lang, 30, 10):
        return LineKind(SERIES)
    headline = _headline(line)
    if headline is not None:
        return headline
    return None


def wire_opening(lang: str, paragraph: str) -> str | None:
    """The wire-service opening of a news paragraph (agency, place, date), or None."""
    m = (_ZH_WIRE_RE if lang == ZH else _VI_WIRE_RE).match(paragraph)
    if not m or len(paragraph) - m.end() < 10:
        return None
    # Without a date, only an agency's name in the bracket makes it an opening ("HÀ NỘI (TTXVN) –");
    # with "place, ngày D/M (…) –" the shape alone is the wire's, whatever paper it names.
    dated = re.search(r"\d{1,2}/\d{1,2}", m.group(0))
    if lang != ZH and not dated and not _VI_WIRE_AGENCY_RE.search(m.group(0)):
        return None
    return m.group(0)


def series_of(line: str, lang: str | None) -> str | None:
    """The inner text of a short line wholly in brackets: "(Thoát nghèo chuẩn xác)"."""
    m = _BRACKETED_RE.match(line)
    if m and len(line) <= 102 and not m.group("inner").endswith(_SENTENCE_END):
        return m.group("inner")
    return None


__all__ = ["LineKind", "classify", "find_date", "series_of", "wire_opening"]
