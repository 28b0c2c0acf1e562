"""Grading a typed answer (a cloze, a translation, a flashcard's typed answer) by the rules of
its language, and what each grading note says to a learner: pure Python, no Django.

`grade_typed()` compares a response with the accepted forms of the answer after the
normalisations a fair teacher would allow in the answer's language, and returns a `Grade`: a
score in 0..1, whether it is fully correct and an optional stable note code ("accents", "typo",
"pinyin", "other_name", …). `explain()` gives a note's sentence for a learner, through the
caller's translation function (the web layer passes gettext); quizzes.grading grades every
question type with it, the flashcards grade a typed answer with it.

Chinese: NFKC (full-width １４ is 14), traditional = simplified (OpenCC t2s), whitespace and
surrounding punctuation ignored, a place name with or without its administrative suffix
(山东 = 山东省), numbers by value (十四 = 14, 二零一零 = 2010, "14个" = 14, 686万 = 6,86 triệu) and
names typed in pinyin (shandong, Shāndōng, shan1 dong1 = 山东).

Vietnamese: NFC, case-insensitive, old and new tone placement equal (xoá = xóa), a generic
prefix optional ("tỉnh Sơn Đông" = "Sơn Đông"), numbers by value in digits or words
("mười bốn" = 14, "6,86 triệu" = "6.86 triệu" = 686万), missing diacritics forgiven on longer
answers (note "accents") and one typo forgiven on answers of five letters or more (note
"typo") — but never when the response is, or is one typo away from, another name of the
document or another option: "Ninh Ba" is a real city, not a misspelling of "Ninh Hạ".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from content.lang.divisions import VI_PREFIXES
from content.lang.numbers import equal_value, read_number
from content.lang.text import HAN_RE
from content.lang.text import fold as vi_fold

# Note codes: stable identifiers, translated by the web layer.
ACCENTS = "accents"  # accepted although diacritics are missing or wrong
ACCENTS_REQUIRED = "accents_required"  # refused: too short to guess without diacritics
TYPO = "typo"  # accepted with one typo
PINYIN = "pinyin"  # a Chinese answer typed in pinyin, accepted
OTHER_NAME = "other_name"  # refused: the response is another name or option
EMPTY = "empty"  # nothing was answered
INVALID = "invalid"  # the response has a shape the question type cannot take


@dataclass(frozen=True)
class Grade:
    score: float  # 0..1
    correct: bool  # score == 1
    note: str | None = None  # a stable code such as "accents" or "typo", never a sentence


def result(score: float, note: str | None = None) -> Grade:
    score = min(1.0, max(0.0, float(score)))
    return Grade(score, score == 1.0, note)


def gettext_noop(message: str) -> str:
    """Marks `message` for the translation catalogs (makemessages reads the name); it is
    translated where it is shown."""
    return message


# What each note code says to a learner, in a quiz or on a flashcard (English; translated by the
# caller of explain).
EXPLANATIONS = {
    ACCENTS: gettext_noop("Accepted, but watch the accents."),
    ACCENTS_REQUIRED: gettext_noop("This short answer needs its accents to be recognised."),
    TYPO: gettext_noop("Accepted with a small typo."),
    PINYIN: gettext_noop("Accepted: you typed it in pinyin."),
    OTHER_NAME: gettext_noop("That is another name in the document, not this one."),
    EMPTY: gettext_noop("No answer was given."),
    INVALID: gettext_noop("That answer could not be read."),
}


def explain(code: str | None, translate: Callable[[str], str] = str) -> str:
    """The sentence for note `code`, through `translate` (gettext in the web layer); "" for no
    note or an unknown one."""
    return translate(EXPLANATIONS[code]) if code in EXPLANATIONS else ""


@dataclass(frozen=True)
class Name:
    """Another name of the document, normalised once by both languages' rules: what grading a
    typed answer compares the response with, so that no name is normalised per answer."""

    text: str
    zh_stems: frozenset[str]  # the name and its stem without an administrative suffix
    zh_han: bool  # written in Chinese characters (a pinyin homophone can be told apart)
    vi_forms: tuple[tuple[str, str], ...]  # (vi_key, vi_fold) of the name with and without prefix

    @cached_property
    def pinyin(self) -> frozenset[str]:
        """The toneless pinyin of each stem written wholly in Chinese characters (read on the
        rare pinyin answer only, then kept)."""
        return frozenset(
            _expected_pinyin(s) for s in self.zh_stems if all(HAN_RE.match(c) for c in s)
        )


@lru_cache(maxsize=65536)
def name(text: str) -> Name | None:
    """`text` prepared as another name (None when nothing is left of it once trimmed)."""
    if not isinstance(text, str) or not _trim(text):
        return None
    norm = _zh_norm(text)
    stems = _zh_stems(norm)
    forms = tuple(
        dict.fromkeys((vi_key(v), vi_fold(v)) for v in (_trim(text), _vi_strip(text)) if v)
    )
    return Name(text, frozenset(stems), bool(HAN_RE.search(norm)), forms)


def _names(others: Iterable) -> list[Name]:
    out = []
    for other in others:
        prepared = other if isinstance(other, Name) else name(other)
        if prepared is not None:
            out.append(prepared)
    return out


def grade_typed(language: str, forms: list[str], response, *, others: Iterable = ()) -> Grade:
    """A typed response against the accepted `forms` of the answer, by `language`'s rules.
    others: strings or prepared `Name`s (see grade)."""
    if not isinstance(response, str) or not _trim(response):
        return result(0, EMPTY)
    forms = [f for f in forms if isinstance(f, str) and _trim(f)]
    if not forms:
        return result(0, INVALID)
    if language == "zh":
        return _grade_zh(forms, response, _names(others))
    return _grade_vi(forms, response, _names(others))


def _trim(text: str) -> str:
    """NFKC, and without surrounding whitespace, punctuation or symbols (“山东。” is 山东)."""
    text = unicodedata.normalize("NFKC", text)
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge(char: str) -> bool:
    # Closing brackets are kept: "9省(市)" must not lose its ")" while "(市" keeps its "(".
    if char in ")]）】」』":
        return False
    return char.isspace() or unicodedata.category(char)[0] in "PSZ"


# Chinese


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def load_tools() -> None:
    """Load what grading a typed Chinese answer uses on first use: opencc's converter, pypinyin
    and cn2an (about 0.4 s in all). gunicorn's master calls it before it forks its workers
    (config/gunicorn.conf.py), so that no learner's answer waits for them."""
    _t2s()
    _expected_pinyin("中")
    read_number("一")


# Administrative suffixes that never end a bare name, longest first so that 回族自治区 goes
# whole. 区, 州 and 地区 are left out: they end ordinary names and words (贵州, 贫困地区).
ZH_SUFFIXES = (
    "维吾尔自治区",
    "特别行政区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "直辖市",
    "自治州",
    "自治县",
    "地级市",
    "县级市",
    "省",
    "市",
    "县",
    "盟",
)


def _zh_norm(text: str) -> str:
    text = _t2s().convert(_trim(text))
    return "".join(text.split())


def _zh_stems(text: str) -> set[str]:
    """The name with and without its administrative suffix; a bare stem keeps two characters
    at least, so 市 alone or 县 alone is not emptied."""
    stems = {text}
    for suffix in ZH_SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            stems.add(text[: -len(suffix)])
            break
    return stems


def number_values(text: str, language: str) -> list[float]:
    """The values a number as typed may have, in either language's writing, by the project's
    one number reader: 14, １４, 十四, 两, 二零一零 (read digit by digit, as years are), 14个,
    686万, 6,86 triệu, 6.86 triệu, 1.000, mười bốn, hai mươi mốt; "24.931 nghìn tỷ" has two
    (a thousands dot by Vietnamese rule, a decimal point as figures copied from English)."""
    values = []
    for quantity in (read_number(text, language), read_number(text, other_language(language))):
        if quantity is not None:
            values += [quantity.value] + ([quantity.alternative] if quantity.alternative else [])
    return values


def other_language(language: str) -> str:
    return "vi" if language == "zh" else "zh"


def _same_number(given: Iterable[str], expected: Iterable[str], language: str) -> bool | None:
    """None when no expected form is a number; else whether a given form has its value
    exactly ("1995" is one typo from "1996", and 6,9 triệu rounds to 686万: both wrong).
    A learner may write a number either language's way: "128.000" for 12.8万 is right."""
    keys = [q for q in (read_number(e, language) for e in expected) if q is not None]
    values = [v for q in keys for v in (q.value, q.alternative) if v is not None]
    if not values:
        return None
    typed = [v for g in given for v in number_values(g, language)]
    return any(equal_value(t, v) for t in typed for v in values)


def _pinyin_key(text: str) -> str:
    """Pinyin as typed, reduced to toneless letters: Shāndōng, shan1 dong1, shan dong → shandong;
    ü may be typed ü, v or u:."""
    text = text.lower().replace("u:", "v").replace("ü", "v")
    text = unicodedata.normalize("NFD", text)
    return "".join(c for c in text if c.isascii() and c.isalpha())


@lru_cache(maxsize=4096)
def _expected_pinyin(zh: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(zh)).lower()


def _grade_zh(forms: list[str], response: str, others: list[Name]) -> Grade:
    given = _zh_norm(response)
    given_stems = _zh_stems(given)
    expected = [_zh_norm(f) for f in forms]
    expected_stems = set().union(*(_zh_stems(e) for e in expected))
    if given_stems & expected_stems:
        return result(1)
    same = _same_number([given, _trim(response)], forms, "zh")
    if same is not None:
        # A number is answered by its value, never by closeness of spelling.
        return result(1 if same else 0)
    rivals = [o for o in others if o.zh_han and not o.zh_stems & expected_stems]
    other_stems = [o.zh_stems for o in rivals]
    if any(given_stems & stems for stems in other_stems):
        return result(0, OTHER_NAME)
    if HAN_RE.search(given) or not all(HAN_RE.match(c) for c in min(expected_stems, key=len)):
        return result(0)
    # Pinyin for a name: the bare stem or the full name, tones ignored (a tone slip is the
    # commonest pinyin mistake and names are what is asked).
    typed = _pinyin_key(given)
    if not typed:
        return result(0)
    wanted = {_expected_pinyin(s) for s in expected_stems if all(HAN_RE.match(c) for c in s)}
    if typed not in wanted and typed.replace("v", "u") not in {w.replace("v", "u") for w in wanted}:
        return result(0)
    # A homophone of another name of the document cannot tell the two apart.
    if any(typed in o.pinyin for o in rivals):
        return result(0, OTHER_NAME)
    return result(1, PINYIN)


# Vietnamese

_TONES = {"\u0300": "f", "\u0301": "s", "\u0303": "x", "\u0309": "r", "\u0323": "j"}


def vi_key(text: str) -> str:
    """Lower case NFC with each syllable's tone moved out of the vowels, so that the old and new
    placements (xoá/xóa, thuỷ/thủy, hoà/hòa) give the same key."""
    words = []
    for word in _trim(text).lower().split():
        decomposed = unicodedata.normalize("NFD", word)
        tone = "".join(_TONES[c] for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        words.append(f"{base}/{tone}" if tone else base)
    return " ".join(words)


# Generic words before a Vietnamese place name, longest first: "thành phố trực thuộc trung
# ương" before "thành phố".
_VI_PREFIXES = sorted(
    {vi_fold(p) for p in VI_PREFIXES}
    | {
        vi_fold(p)
        for p in (
            "tỉnh",
            "thành phố",
            "thành phố trực thuộc trung ương",
            "huyện",
            "khu tự trị",
            "quận",
            "thị xã",
        )
    },
    key=len,
    reverse=True,
)


def _vi_strip(text: str) -> str:
    """The text without a generic prefix ("tỉnh Sơn Đông" → "Sơn Đông"); a prefix alone stays."""
    words = _trim(text).split()
    folded = vi_fold(" ".join(words))
    for prefix in _VI_PREFIXES:
        if folded.startswith(prefix + " "):
            return " ".join(words[len(prefix.split()) :])
    return " ".join(words)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _grade_vi(forms: list[str], response: str, others: list[Name]) -> Grade:
    variants = {_trim(response), _vi_strip(response)}
    expected = {v for f in forms for v in (_trim(f), _vi_strip(f)) if v}
    given_keys = {vi_key(v) for v in variants}
    expected_keys = {vi_key(e) for e in expected}
    if given_keys & expected_keys:
        return result(1)
    same = _same_number(variants, expected, "vi")
    if same is not None:
        # "1995" is one typo from "1996": numbers are compared by value only.
        return result(1 if same else 0)

    given_folds = {vi_fold(v) for v in variants if v}
    expected_folds = {vi_fold(e) for e in expected}
    other_folds = {fold for o in others for key, fold in o.vi_forms if key not in expected_keys}
    # Another name spelled exactly (diacritics aside) is a wrong answer, not a slip.
    if given_folds & other_folds:
        return result(0, OTHER_NAME)
    if given_folds & expected_folds:
        # Without diacritics "Ha" could be Hà, Hạ or Hạ Môn's Hạ: only longer answers are
        # unambiguous enough to accept.
        if any(len(e.split()) >= 2 or _letters(e) >= 6 for e in expected_folds & given_folds):
            return result(1, ACCENTS)
        return result(0, ACCENTS_REQUIRED)
    for folded in given_folds:
        for target in expected_folds:
            if _letters(target) < 5 or Levenshtein.distance(folded, target) > 1:
                continue
            near = process.extractOne(
                folded, other_folds, scorer=Levenshtein.distance, score_cutoff=1
            )
            if near is not None:
                return result(0, OTHER_NAME)
            return result(1, TYPO)
    return result(0)
