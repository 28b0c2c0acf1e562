"""Vietnamese: glossary phrasing, hedges, capitals, honorifics, number style."""

from __future__ import annotations

import re
from functools import lru_cache

DEFINITION = [
    re.compile(r"^(?P<subj>[^,:;]{2,200}?),\s*tức là\s(?P<body>.+)$"),
    re.compile(
        r"^(?P<subj>[^,:;]{2,200}?)\s(?:là chỉ|có nghĩa là|được hiểu là|tức là)\s(?P<body>.+)$"
    ),
]
ENUMERATION = re.compile(
    r"(?:cụ thể (?:có|là|gồm)|bao gồm|gồm có|chủ yếu có|chủ yếu gồm)\s*:?\s*(?P<list>[^.;]+)",
    re.IGNORECASE,
)
MAIN = re.compile(
    r"(?P<lead>[^,;:.]*?)\s*lấy (?P<list>.+?) làm (?:chính|chủ đạo|chủ|trọng tâm|nòng cốt|cơ sở)"
)
EXAMPLE = re.compile(r"^(?:Ví dụ|Chẳng hạn|Thí dụ)\b", re.IGNORECASE)
LESSON = re.compile(r"kinh nghiệm|bài học|gợi ý|cách làm", re.IGNORECASE)

_HEDGE_BEFORE = re.compile(
    r"(?:khoảng|chừng|gần|hơn|trên|ngót|xấp xỉ|ước tính|độ|tới|đến hơn)\s*$", re.IGNORECASE
)
_HEDGE_AFTER = re.compile(r"^\s*(?:\S+\s)?(?:hơn|trở lên|có lẻ)\b", re.IGNORECASE)
_CAPITAL = re.compile(r"(?:thủ đô|thủ phủ|tỉnh lỵ|kinh đô)\s*$", re.IGNORECASE)
HONORIFICS = frozenset(
    (
        "ông", "bà", "anh", "chị", "cô", "chú", "bác", "ngài", "đồng chí", "thầy",
        "giáo sư", "tiến sĩ", "chủ tịch", "thủ tướng", "phu nhân",
    )
)  # fmt: skip


def approximate(text: str, start: int, end: int) -> bool:
    return bool(
        _HEDGE_BEFORE.search(text[max(0, start - 14) : start])
        or _HEDGE_AFTER.match(text[end : end + 12])
    )


def named_as_capital(text: str, start: int, end: int) -> bool:
    return bool(_CAPITAL.search(text[max(0, start - 10) : start]))


def is_honorific(text: str) -> bool:
    return text.strip().casefold() in HONORIFICS


def states_something(text: str) -> bool:
    stripped = text.strip()
    return len(stripped.split()) >= 4 and not stripped.endswith("?")


def format_number(value: float, like: str) -> str:
    """value written as `like` writes its number: 6.300 keeps its thousands dot, 71,4 its
    decimal comma."""
    decimals = len(like.split(",")[1]) if "," in like else 0
    text = f"{value:,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if "." not in like:
        head, _, tail = text.partition(",")
        text = head.replace(".", "") + ("," + tail if tail else "")
    # a round candidate drops its zero decimals: 14 triệu, not 14,00 triệu
    return text.rstrip("0").rstrip(",") if "," in text else text


def defined(subject: str) -> str:
    """What a definition defines when its subject is itself a statement: "Chiến lược chấn hưng
    nông thôn" of "Chiến lược chấn hưng nông thôn là chiến lược quốc gia…, tức là…"."""
    head, sep, _rest = subject.partition(" là ")
    return head if sep and 1 <= len(head.split()) <= 12 else subject


def short_answer(answer: str) -> bool:
    """A typed answer short enough to type: six words."""
    return len(answer.split()) <= 6


def joins_list(between: str) -> bool:
    """Text between two names of one list: a comma or "và" (Ulanqab và Xích Phong)."""
    return bool(re.fullmatch(r",?\s*(?:và|với|cùng)?\s*", between)) and between.strip() != ""


def next_to(gap: str) -> bool:
    """A gap short enough for a count to belong to the list beside it (hai thành phố …)."""
    return len(gap.split()) <= 3 and not re.search(r"[,.;:]", gap)


@lru_cache(maxsize=4096)
def _words(sentence: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each word underthesea finds in the sentence (đầu tư, Ngân hàng, châu Á);
    () when underthesea is not installed or its words cannot be placed in the sentence."""
    try:
        from underthesea import word_tokenize
    except ImportError:
        return ()
    out, pos = [], 0
    for word in word_tokenize(sentence):
        at = sentence.find(word, pos)
        if at < 0:
            return ()
        out.append((at, at + len(word)))
        pos = at + len(word)
    return tuple(out)


def whole_words(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The span when no word of several syllables straddles its edges (Ngân| hàng, châu |Á,
    Đồng| bằng); None otherwise: a Vietnamese blank is not widened, since the syllable beyond
    it belongs to another name more often than to this one."""
    for a, b in _words(sentence):
        for edge in (start, end):
            if a < edge < b and not _number_edge(sentence, edge):
                return None
    return start, end


def _number_edge(sentence: str, at: int) -> bool:
    """Digits end or begin at `at` beside letters (10/2 dương lịch is a number and a word)."""
    before, after = sentence[at - 1], sentence[at]
    joiners = "-/.,:"
    return before.isdigit() != after.isdigit() and before not in joiners and after not in joiners
