"""Chinese: glossary phrasing, hedges, capitals, honorifics, number style."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import chinese, lists, numbers

DEFINITION = [
    re.compile(r"^(?P<subj>[^，,。：:；;]{2,40})[，,]\s*即(?P<body>.+)$"),
    re.compile(r"^(?P<subj>[^，,。：:；;]{2,40}?)(?:是指|指的是|就是指)(?P<body>.+)$"),
]
# 主要是 ("are mainly") opens a list only where a 、 follows, and the list ends at its clause.
ENUMERATION = re.compile(
    r"(?:(?P<mainly>主要是)(?=[^。；;，,]*、)|(?:具体有|主要有|主要包括|包括|分别是|分别为|有以下几种)"
    r"[：:]?\s*)(?P<list>(?(mainly)[^。；;，,]+|[^。；;]+))"
)
MAIN = re.compile(
    r"以(?P<list>[^。，,；;]+?)为(?:主|核心|重点|基础|主体)(?:的(?P<subj>[^。，,；;]+))?"
)
EXAMPLE = re.compile(r"^(?:比如|例如|譬如|举例来说|举例而言)")
LESSON = re.compile(r"经验|教训|启示|体会|做法")

_HEDGE_BEFORE = ("约", "大约", "近", "将近", "超过", "逾", "多达", "约有", "上")
_HEDGE_AFTER = ("多", "余", "左右", "以上", "上下", "来")
_CAPITAL = ("首都", "首府", "省会", "都城", "国都")
HONORIFICS = frozenset(
    (
        "先生", "女士", "小姐", "同志", "老师", "教授", "博士", "主席", "总理", "总统",
        "部长", "书记", "阁下", "夫人", "师傅",
    )
)  # fmt: skip


def approximate(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return before.endswith(_HEDGE_BEFORE) or after.startswith(_HEDGE_AFTER)


def named_as_capital(text: str, start: int, end: int) -> bool:
    return text[max(0, start - 3) : start].endswith(_CAPITAL) or text[end : end + 3].startswith(
        ("是首都", "为首都")
    )


def is_honorific(text: str) -> bool:
    return text.strip() in HONORIFICS


def states_something(text: str) -> bool:
    stripped = text.strip()
    han = len(re.findall(r"[\u4e00-\u9fff]", stripped))
    return han >= 6 and not stripped.endswith(("？", "?"))


def format_number(value: float, like: str) -> str:
    """value written as `like` writes its number: 1,200 keeps its comma, 3.5 its decimals."""
    decimals = len(like.split(".")[1]) if "." in like else 0
    text = f"{value:,.{decimals}f}" if "," in like else f"{value:.{decimals}f}"
    # a round candidate drops its zero decimals: 14万, not 14.00万
    return text.rstrip("0").rstrip(".") if "." in text else text


def defined(subject: str) -> str:
    """What a definition defines when its subject is itself a statement: 乡村振兴战略 of
    "乡村振兴战略是2017年…提出的国家战略，即…"."""
    head, sep, _rest = subject.partition("是")
    return head if sep and 2 <= len(head) <= 20 else subject


def short_answer(answer: str) -> bool:
    """A typed answer short enough to type: eight characters, a run of digits counting as one
    (2021年6月1日 is short)."""
    return len(re.sub(r"\d+", "0", re.sub(r"\W", "", answer))) <= 8


def joins_list(between: str) -> bool:
    """Text between two names of one list: a separator, perhaps after a short suffix
    (乌兰察布市、赤峰市)."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{0,2}(?:、|和|与|及|以及|,|，)", between))


def next_to(gap: str) -> bool:
    """A gap short enough for a count to belong to the list beside it (赤峰市两地)."""
    return len(gap) <= 3 and not re.search(r"[，,。；;]", gap)


# What may follow a blanked name inside one jieba word without the blank cutting it: the
# administrative suffixes the distractors are chosen to fit (山东|省, 乌兰察布|市).
_KEEP_OUTSIDE = ("省", "市", "县", "区", "自治区", "地区", "盟", "州", "旗")


def _known_place(name: str) -> bool:
    """Whether the province table or the gazetteer knows `name` as a place (without suffix)."""
    from .. import gazetteer

    return name in chinese.PROVINCES or bool(gazetteer.by_zh(name))


@lru_cache(maxsize=4096)
def _words(sentence: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the words of both of jieba's cuts, the tagger's and the plain one: they
    differ on names (从北慈廉郡), and a blank must cut neither."""
    import jieba

    from ..chinese import tag

    spans = {(pos, pos + len(word)) for word, _flag, pos in tag(sentence)}
    pos = 0
    for word in jieba.lcut(sentence):
        spans.add((pos, pos + len(word)))
        pos += len(word)
    return tuple(sorted(spans))


_UNIT_END = re.compile(
    r"\d\s*(?:"
    + "|".join(sorted({w for w, _u in numbers.ZH_UNITS}, key=len, reverse=True))
    + r"|小时|分钟|分|秒|["
    + "".join(sorted(numbers.ZH_CLASSIFIERS))
    + r"])$"
)


def _ends_in_unit(span: str) -> bool:
    """A quantity ending in its unit (1小时25分, 6300公里, 12个): the unit ends the blank,
    whatever jieba glues after it (分|可达)."""
    return bool(_UNIT_END.search(span))


def whole_words(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The span widened so a blank never cuts a word: a word the span ends inside (法国|人,
    第二|位, 越南|盾) is taken whole when at most two characters remain; None when the span
    starts inside a word or more would have to be taken. An administrative suffix stays
    outside of a place the tables or the gazetteer know (山东|省 is a name and its suffix, not a
    cut); a name they do not know, glued to its suffix by the segmenter, is blanked whole
    (大慈县: nothing tells the learner where the name ends)."""
    # A number ends where its digits (and 万/亿) end, whatever jieba glues to them (960万平方公里,
    # 约1750米): the unit after it is a word of its own.
    number_start = start < len(sentence) and sentence[start].isdigit()
    number_end = 0 < end < len(sentence) and (
        sentence[end - 1].isdigit()
        or sentence[end - 1] in "万亿"
        or _ends_in_unit(sentence[start:end])
    )
    for pos, stop in _words(sentence):
        if pos < start < stop and not number_start:
            return None
        if pos < end < stop and not number_end:
            rest = sentence[end:stop]
            if (rest in _KEEP_OUTSIDE or rest.startswith(_KEEP_OUTSIDE)) and _known_place(
                sentence[start:end]
            ):
                return start, end
            if len(rest) > 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in rest):
                return None
            return start, stop
    return start, end


# -- the glossary phrasing the fact finder reads (content/lang/facts.py) ---------------------

CLAUSE_SPLIT = re.compile(r"[，,：:。]")
QUOTE = chinese.QUOTE_RE
COUNTED_SEPARATORS = ("、", "和", "与", "及", "以及")
COUNTED_REACH = 25  # characters from one counted item to the next
_NAMED = re.compile(
    r"(?P<n>\d+|[一二两三四五六七八九十]+)个(?P<head>[^，,。：:]{1,20}?)[，,]?(?:即|分别是|包括|：|:)"
    r"(?P<list>[^。；;，,]+)"
)


def _ordinal(text: str) -> int | None:
    return chinese.numeral_value(text) or None


def numbered_start(text: str) -> tuple[int, int | None] | None:
    """其一，… / 第一，…: where the numbered item's text starts, and its number."""
    m = chinese.QI_RE.match(text) or chinese.DI_RE.match(text)
    return (m.end(), _ordinal(m.group(2))) if m else None


def refers_back(subject: str, context: str | None) -> str:
    return subject


def continues_definition(text: str) -> bool:
    """指…: a definition of the numbered item just named."""
    return text.startswith("指")


def items(text: str) -> list[str]:
    """A list's items: split at 、 and ；, the last pair at 和/及/以及."""
    parts = lists.top_level_split(lists.strip_punctuation(text), ("、", "；", ";"))
    if parts:
        last = lists.top_level_split(parts[-1], ("以及", "和", "及"))
        if len(last) == 2:
            parts[-1:] = last
    return [lists.strip_punctuation(i) for i in parts if lists.strip_punctuation(i)]


def main_subject(match: re.Match) -> str:
    """以A、B为主的X: X."""
    return match.group("subj") or ""


def named_lists(text: str) -> list[tuple[re.Match, str, list[str]]]:
    """N个X，即/包括 A、B…: the match, its subject and its items."""
    m = _NAMED.search(text)
    if not m:
        return []
    found = items(m.group("list"))
    return [(m, m.group("n") + "个" + m.group("head"), found)] if len(found) >= 2 else []


def inline_markers(text: str) -> list[tuple[int, int, int | None]]:
    """一是…二是…: (start, end, number) of each marker."""
    return [(m.start(1), m.end(1), _ordinal(m.group(2))) for m in chinese.SHI_RE.finditer(text)]


def numbers(text: str) -> list[tuple[int, int, float, bool]]:
    return chinese.numbers(text)


def last_item(text: str, start: int, words: int = 3) -> str:
    """The last item of a counted list: the number and its noun, not the verb after it."""
    end = start
    for word, flag, pos in chinese.tag(text):
        if pos < start:
            continue
        if pos > start and (flag[:1] in ("v", "p", "d", "c", "u") or word in "，,。；;、"):
            break
        end = pos + len(word)
    return text[start:end]
