"""Vietnamese: glossary phrasing, hedges, capitals, honorifics, number style."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lists, vietnamese

DEFINITION = [
    re.compile(r"^(?P<subj>[^,:;]{2,200}?),\s*tức là\s(?P<body>.+)$"),
    re.compile(
        r"^(?P<subj>[^,:;]{2,200}?)\s(?:là chỉ|có nghĩa là|được hiểu là|tức là)\s(?P<body>.+)$"
    ),
]
ENUMERATION = re.compile(
    r"(?:cụ thể (?:có|là|gồm)|bao gồm|gồm có|chủ yếu có|chủ yếu gồm|chủ yếu là(?=[^.;]*,))"
    r"\s*:?\s*(?P<list>[^.;]+)",
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


# -- the glossary phrasing the fact finder reads (content/lang/facts.py) ---------------------

CLAUSE_SPLIT = re.compile(r"[,:.;]")
QUOTE = re.compile(r"“([^”]{1,80})”|\"([^\"]{1,80})\"")
COUNTED_SEPARATORS = (",", " và", ";")
COUNTED_REACH = 220  # characters from one counted item to the next
_NAME = r"[A-ZĐÀ-Ỹ][^\s,.;:]*(?:\s[A-ZĐÀ-Ỹ][^\s,.;:]*)*"
_NAMED = re.compile(
    rf"(?P<n>\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s(?P<head>[^,.;:]{{1,160}}?)\s"
    rf"(?:là|gồm có|gồm|bao gồm|:)\s(?P<list>{_NAME}(?:,\s{_NAME})*(?:,?\svà\s{_NAME})?)"
)


def numbered_start(text: str) -> tuple[int, int | None] | None:
    """Thứ nhất, …: where the numbered item's text starts, and its number."""
    m = vietnamese.THU_RE.match(text)
    return (m.end(), vietnamese.ORDINAL_WORDS.get(m.group(2).lower())) if m else None


def refers_back(subject: str, context: str | None) -> str:
    """ "Mô hình này là chỉ…": the model just named."""
    return context if context and re.search(r"\bnày$", subject) else subject


def continues_definition(text: str) -> bool:
    return False


def items(text: str, target: int | None = None) -> list[str]:
    """A list's items: split at commas and semicolons, the last pair at "và"; with `target`, the
    number of items the sentence announces, commas inside items are joined back."""
    parts = lists.top_level_split(lists.strip_punctuation(text), (", ", "; "))
    head = parts[0].split()[0].lower() if parts and parts[0].split() else ""
    # Items often repeat their first word ("mô hình…, mô hình… và mô hình…"); a "và"
    # followed by that word is the last separator, not an "and" inside an item.
    if target is None or len(parts) < target:
        last = parts[-1] if parts else ""
        cut = list(re.finditer(r"\svà\s", last))
        same = [m for m in cut if last[m.end() :].lower().startswith(head + " ")]
        chosen = same[-1] if same else (cut[-1] if cut else None)
        if chosen and (target is None or len(parts) < target):
            parts[-1:] = [last[: chosen.start()], last[chosen.end() :]]
    if target and len(parts) > target:
        # Commas inside items: join pieces that do not start like the first item.
        merged: list[str] = []
        for item in parts:
            if (
                merged
                and head
                and not item.lower().startswith(head)
                and len(merged) + (len(parts) - parts.index(item)) > target
            ):
                merged[-1] = f"{merged[-1]}, {item}"
            else:
                merged.append(item)
        parts = merged
    return [lists.strip_punctuation(i) for i in parts if lists.strip_punctuation(i)]


def main_subject(match: re.Match) -> str:
    """… hình thành X lấy A, B làm chính: X."""
    return re.sub(r"^.*\b(?:hình thành|xây dựng|tạo ra|có)\s", "", match.group("lead"))


def named_lists(text: str) -> list[tuple[re.Match, str, list[str]]]:
    """N X là/gồm A, B và C: the match, its subject and its items, where the count agrees
    (or the list is long enough to be one)."""
    out = []
    for m in _NAMED.finditer(text):
        found = items(m.group("list"))
        n = m.group("n")
        count = int(n) if n.isdigit() else vietnamese.NUMBER_WORDS.get(n.lower())
        if len(found) >= 2 and (count == len(found) or len(found) >= 3):
            out.append((m, f"{n} {m.group('head')}", found))
    return out


def inline_markers(text: str) -> list[tuple[int, int, int | None]]:
    """Một là… hai là…: (start, end, number) of each marker."""
    return [
        (m.start(1), m.end(1), vietnamese.NUMBER_WORDS.get(m.group(2).lower()))
        for m in vietnamese.LA_RE.finditer(text)
    ]


def numbers(text: str) -> list[tuple[int, int, float, bool]]:
    return vietnamese.numbers(text)


def last_item(text: str, start: int, words: int = 3) -> str:
    """The last item of a counted list: the number and the first words after it."""
    rest = re.split(r"[,.;:]", text[start:])[0].split()
    return " ".join(rest[: words + 1])
