"""Measure question generation against a gold list of facts (issue 13). Pure Python, no Django.

`evaluate(text, gold)` analyses a bilingual article (`content.lang.analyse`), generates its
questions (`quizzes.generation.generate_report`) and measures them against the article's gold
file (see tests/corpus/README.md for its format). `measure(analysis, questions, gold, text)` does
the measuring alone, on any analysis and questions (hand-made ones in tests).

The figures, per language L ("zh", "vi"), over the questions whose `language` is L:

- facts / asked / asked_ids / missing: a gold fact is *asked* in L when some question in L that
  is not a true/false question has an answer string (`model.answer_strings`: the key of a cloze,
  single or multiple choice, translation, ordering or matching question; for a choice question
  this is its correct option) that matches one of the fact's accepted strings in L. Matching
  (`answer_matches`) compares normalised strings (NFC, casefold, runs of spaces and punctuation
  squeezed to one space; a dot, comma, slash, colon or hyphen between two digits is kept, so
  "8,5" stays one number and "%" stays with its number) and succeeds when
  * the answer contains the accepted string as a whole token (not glued to a letter or digit on
    either side: "30" is not found in "300" nor "8" in "8,5"; between Chinese characters any
    position is a token edge) and is still a short key: at most twice as long as the accepted
    string or 6 characters longer (a whole sentence given as an ordering item asks nothing), or
  * both read as one number with an optional magnitude and unit (`read_value`: "686万",
    "12.8万吨", "约50万越南盾", "五代"; "6,86 triệu", "hơn 34.000 tỷ đồng", "1.553 km²") of the same
    value, and their units agree: either has none, or one unit begins with the other ("座" and
    "座车站", "km" and "km²"; "%" and "公顷" disagree), and a bare number answer matches a gold
    number with a unit only where the unit follows it in the question's source sentence (the
    "8" of "8月8日" is not the "8座" of the same text). Numbers are read in the question's
    language: Chinese with 万/亿/万亿, Vietnamese with a thousands dot, a decimal comma and
    nghìn/ngàn/triệu/tỷ/nghìn tỷ. A string with a second number in it (a date) is no value.
  A translation question in L has its answer in the other language, so it asks a fact in L only
  when its answer happens to match there (it does not, as a rule; its mirror in the other
  language does).
- questions: how many questions are in L (every type).
- max_per_sentence: the most questions in L whose `source` is the same sentence (compared
  normalised), translation and matching questions not counted.
- from_clutter: questions in L that come from a layout line the gold lists under "clutter".
  Each clutter line is cut into parts at "|" and runs of two or more spaces, and where the
  script changes between Chinese and Latin letters (a headline holding both languages). A
  question is from clutter when its source sentence is all or most (at least half) of one
  part, or when its source or prompt contains a part of 8 or more normalised characters that
  does not also stand in the article's body (a title the body repeats is no evidence).
- leaks: the sum of `quality.find_leaks` over the questions in L.
- cut_words: blanks (each "____" of a cloze, single or multiple choice prompt) whose start or end
  in the source sentence falls strictly inside a word. The blank is located by aligning the
  prompt with the source (`locate_blanks`, difflib). Words come from jieba (`jieba.lcut`, with
  tokens re-split between digits and other characters, after a leading 万/亿/万亿, between a
  numeral and its measure word and after a measure or date word that follows a number, since
  jieba glues them: "万平方公里", "五个", "8日电", "63 个省") for Chinese and
  `underthesea.word_tokenize` for Vietnamese (a number split from the words it glues to: "10/2
  dương lịch", "10.221,8 nghìn"; a date, time or score cut into its numbers, "16/4", as jieba
  does with 4月16日). A boundary at the edge of an occurrence of a gold name (a fact of kind
  place, person, organisation, work or term) in the sentence is no cut, unless one word holds
  that occurrence and more (白尼罗河 around 尼罗河): the segmenters err on names ("沿红河北上" →
  沿红/河北/上), and the gold says where a teacher's word ends.

`details` in each language lists what lies behind the counts (missing facts with their notes,
clutter prompts, leaks, cut blanks, the busiest sentence) for whoever improves the generator.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

from content.lang.model import Analysis

from .model import GeneratedQuestion, answer_strings
from .quality import find_leaks

LANGS = ("zh", "vi")
BLANK = "____"
NOT_PER_SENTENCE = ("translation", "matching")
BLANK_TYPES = ("cloze", "single_choice", "multiple_choice")
NAME_KINDS = ("place", "person", "organisation", "work", "term")
LAYOUTS = ("zh-first", "vi-first", "interleaved-zh-first", "interleaved-vi-first")
FACT_KINDS = (
    "year",
    "number",
    "date",
    "percent",
    "rank",
    "place",
    "person",
    "organisation",
    "work",
    "term",
)
# The thresholds issue 13 sets, per article and language.
MIN_ASKED_RATIO = 0.9
MAX_PER_SENTENCE = 6
CLUTTER_PART_MIN = 8
# An answer containing the accepted string still asks for it when it is a short key: at most
# twice as long, or this many characters longer (a whole sentence as an ordering item is not).
SHORT_KEY_SLACK = 6

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KEEP_BETWEEN_DIGITS = set(".,/:-")


# --- normalising and reading values -----------------------------------------------------------


def normalise(text: str) -> str:
    """NFC, casefold, runs of spaces and punctuation squeezed to one space; punctuation between
    two digits and "%" kept."""
    text = unicodedata.normalize("NFC", text).casefold()
    out = []
    for i, char in enumerate(text):
        category = unicodedata.category(char)
        between_digits = (
            char in _KEEP_BETWEEN_DIGITS
            and 0 < i < len(text) - 1
            and text[i - 1].isdigit()
            and text[i + 1].isdigit()
        )
        if char == "%" or between_digits or not (char.isspace() or category[0] in "PS"):
            out.append(char)
        else:
            out.append(" ")
    return " ".join("".join(out).split())


_ZH_MAGNITUDE = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3}
_VI_MAGNITUDE = {
    "nghìn tỷ": 10**12,
    "ngàn tỷ": 10**12,
    "nghìn": 10**3,
    "ngàn": 10**3,
    "triệu": 10**6,
    "tỷ": 10**9,
}
_ZH_VALUE = re.compile(
    r"^(?:约|近|超过|逾|达|共|仅)?\s*"
    r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(万亿|亿|万|千)?\s*(.*)$"
)
_VI_VALUE = re.compile(
    r"^(?:khoảng|hơn|gần|trên|dưới|đạt|chừng|chỉ)?\s*"
    r"(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d+|\d+)\s*"
    r"(nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ)?\b\s*(.*)$"
)
_APPROXIMATE = re.compile(r"^(?:多|余|左右|以上|hơn)\s*|\s*(?:多|余|左右|以上)$")


def _unit(rest: str) -> str | None:
    rest = _APPROXIMATE.sub("", rest.strip()).strip(" .,;:，。；：")
    return None if re.search(r"\d", rest) else rest


def read_value(text: str, lang: str) -> tuple[float, str] | None:
    """(value, unit) of a string that is one number with an optional magnitude and unit, in the
    writing of `lang`; None for anything else (a date, a name, two numbers)."""
    text = unicodedata.normalize("NFC", text).strip().casefold()
    if lang == "zh":
        match = _ZH_VALUE.match(text)
        if not match:
            return None
        raw, magnitude, rest = match.groups()
        if raw[0].isdigit():
            value = float(raw)
        else:
            from content.lang.chinese import numeral_value

            number = numeral_value(raw)
            if number is None:
                return None
            value = float(number)
        factor = _ZH_MAGNITUDE.get(magnitude or "", 1)
    else:
        match = _VI_VALUE.match(text)
        if not match:
            return None
        raw, magnitude, rest = match.groups()
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
            value = float(raw.replace(".", "").replace(",", "."))
        else:
            value = float(raw.replace(",", "."))
        factor = _VI_MAGNITUDE.get(magnitude or "", 1)
    unit = _unit(rest)
    if unit is None:
        return None
    return value * factor, unit


def _units_agree(one: str, two: str) -> bool:
    one, two = one.replace(" ", ""), two.replace(" ", "")
    return not one or not two or one.startswith(two) or two.startswith(one)


def _joins(outside: str, beyond: str, edge: str) -> bool:
    if not outside:
        return False
    if _CJK.match(outside) or _CJK.match(edge):
        return outside.isdigit() and edge.isdigit()
    if outside.isalnum() and edge.isalnum():
        return True
    # "8" before ",5" or after "1." is part of a longer number.
    return outside in ".," and edge.isdigit() and beyond.isdigit()


def contains_token(haystack: str, needle: str) -> bool:
    """`needle` occurs in `haystack` as a whole token (both already normalised)."""
    if not needle:
        return False
    for match in re.finditer(re.escape(needle), haystack):
        start, end = match.span()
        before = haystack[start - 1] if start else ""
        before2 = haystack[start - 2] if start > 1 else ""
        after = haystack[end] if end < len(haystack) else ""
        after2 = haystack[end + 1] if end + 1 < len(haystack) else ""
        if _joins(before, before2, needle[0]) or _joins(after, after2, needle[-1]):
            continue
        return True
    return False


def _unit_follows(answer: str, unit: str, source: str, lang: str) -> bool:
    """Does `unit` (its first character in Chinese, first word in Vietnamese) follow `answer` in
    the source sentence, an approximation word (多, 余) allowed between?"""
    head = unit[:1] if lang == "zh" else unit.split()[0]
    pattern = re.escape(answer.strip()) + r"\s*(?:多|余)?\s*" + re.escape(head)
    return bool(re.search(pattern, source, re.IGNORECASE))


def answer_matches(answer: str, accepted: list[str], lang: str, source: str | None = None) -> bool:
    """Does one answer string match one of a fact's accepted strings in `lang`? With the
    question's `source`, a bare number matches a gold number with a unit only where that unit
    follows it in the source (the "8" of "8月8日" is not the "8座" of the same text)."""
    normal = normalise(answer)
    if not normal:
        return False
    value = read_value(answer, lang)
    for text in accepted:
        key = normalise(text)
        short = len(normal) <= max(2 * len(key), len(key) + SHORT_KEY_SLACK)
        if short and contains_token(normal, key):
            return True
        gold = read_value(text, lang)
        if not (value and gold) or abs(value[0] - gold[0]) > 1e-9 * max(1.0, abs(gold[0])):
            continue
        if not _units_agree(value[1], gold[1]):
            continue
        if source and gold[1] and not value[1] and not _unit_follows(answer, gold[1], source, lang):
            continue
        return True
    return False


def question_answers(question: GeneratedQuestion) -> list[str]:
    """The strings a question asks for; none for true/false."""
    if question.type == "true_false" or isinstance(question.answer, bool):
        return []
    answer = question.answer
    if isinstance(answer, int) and question.choices and 0 <= answer < len(question.choices):
        answer = question.choices[answer]
    return [str(s) for s in answer_strings(answer)]


# --- clutter ----------------------------------------------------------------------------------


def clutter_parts(line: str) -> list[str]:
    """A clutter line cut at "|" and double spaces, and where Chinese and Latin scripts meet."""
    parts = []
    for piece in re.split(r"\s*[|｜│]\s*|\s{2,}", line.strip()):
        group: list[str] = []
        script = None
        for word in piece.split():
            word_script = (
                "zh" if _CJK.search(word) else ("vi" if re.search(r"[^\W\d_]", word) else None)
            )
            if word_script and script and word_script != script:
                parts.append(" ".join(group))
                group = []
            group.append(word)
            script = word_script or script
        if group:
            parts.append(" ".join(group))
    return [p for p in parts if normalise(p)]


def is_from_clutter(question: GeneratedQuestion, clutter: list[str], body: str) -> bool:
    """Does the question come from a clutter line? (see the module docstring)"""
    source = normalise(question.source or "")
    prompt = normalise(question.prompt or "")
    body_normal = normalise(body)
    for line in clutter:
        for part in clutter_parts(line):
            normal = normalise(part)
            if source and source in normal and 2 * len(source) >= len(normal):
                return True
            long_part = len(normal) >= CLUTTER_PART_MIN and normal not in body_normal
            if long_part and (normal in source or normal in prompt):
                return True
    return False


def body_text(text: str, clutter: list[str]) -> str:
    """The article without its clutter lines."""
    lines = {line.strip() for line in clutter}
    return "\n".join(line for line in text.splitlines() if line.strip() not in lines)


# --- blanks that cut a word -------------------------------------------------------------------


def locate_blanks(prompt: str, source: str) -> list[tuple[int, int]]:
    """(start, end) in `source` of every blank of `prompt`. The stem (the prompt without its
    instruction) is cut at its blanks; when the first piece starts the source, each next piece is
    found after the blank before it, and the last one ends the source where it can. When the
    stem is not the source with blanks in it, the two are aligned with difflib instead."""
    if BLANK not in prompt or not source:
        return []
    stem = _stem(prompt, source)
    pieces = re.split(r"_{2,}", stem)
    spans = _anchored(pieces, source)
    return spans if spans is not None else _aligned(stem, source)


def _anchored(pieces: list[str], source: str) -> list[tuple[int, int]] | None:
    if not source.startswith(pieces[0]):
        return None
    cursor = len(pieces[0])
    spans = []
    for index, piece in enumerate(pieces[1:], start=1):
        last = index == len(pieces) - 1
        if last and source.endswith(piece) and len(source) - len(piece) > cursor:
            at = len(source) - len(piece)
        elif piece:
            at = source.find(piece, cursor + 1)
        else:
            at = len(source) if last else -1
        if at <= cursor:
            return None
        spans.append((cursor, at))
        cursor = at + len(piece)
    return spans


def _aligned(stem: str, source: str) -> list[tuple[int, int]]:
    # Every run of underscores is one blank; map it to one placeholder character.
    marker = "\x00"
    stem = re.sub(r"_{2,}", marker, stem)
    matcher = difflib.SequenceMatcher(None, stem, source, autojunk=False)
    to_source: dict[int, int] = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            to_source[a + k] = b + k
    spans = []
    for i, char in enumerate(stem):
        if char != marker:
            continue
        before = [to_source[j] for j in range(i) if j in to_source]
        after = [to_source[j] for j in range(i + 1, len(stem)) if j in to_source]
        start = before[-1] + 1 if before else 0
        end = after[0] if after else len(source)
        spans.append((start, max(start, end)))
    return spans


@lru_cache(maxsize=1)
def _template_ends() -> tuple[tuple[str, str], ...]:
    """(before, after) of every prompt template that holds a {stem}."""
    from .generate import TEXTS

    ends = {
        tuple(template.split("{stem}", 1))
        for texts in TEXTS.values()
        for template in texts.values()
        if "{stem}" in template
    }
    return tuple(sorted(ends, key=lambda end: -len(end[0])))


def _stem(prompt: str, source: str) -> str:
    """The prompt without its instruction ("填空：", "Điền vào chỗ trống: "): the generator's
    templates first; else, when what precedes the first blank is not in the source, everything
    up to its last colon."""
    for before, after in _template_ends():
        if before and prompt.startswith(before) and prompt.endswith(after):
            return prompt[len(before) : len(prompt) - len(after) if after else None]
    head = prompt.split(BLANK, 1)[0]
    if head and head not in source:
        colon = max(head.rfind("："), head.rfind(": "))
        if colon >= 0:
            return prompt[colon + 1 :].lstrip()
    return prompt


@lru_cache(maxsize=4096)
def word_spans(sentence: str, lang: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each word of a sentence, by jieba (zh) or underthesea (vi)."""
    if lang == "zh":
        from content.lang.chinese import load_jieba

        load_jieba()
        import jieba

        tokens = []
        for token in jieba.lcut(sentence):
            tokens += _split_number_token(token)
        tokens = _split_after_number(tokens)
    else:
        from underthesea import word_tokenize

        tokens = [piece for token in word_tokenize(sentence) for piece in _split_vi_number(token)]
    spans = []
    cursor = 0
    for token in tokens:
        token = token.replace("_", " ")
        at = sentence.find(token, cursor)
        if at < 0:
            continue
        spans.append((at, at + len(token)))
        cursor = at + len(token)
    return tuple(spans)


_DATE_UNITS = set("年月日号时分秒")


def _split_number_token(token: str) -> list[str]:
    """jieba glues magnitudes to units (万平方公里, 亿美元, 多万只), digits to what follows
    (8日电), and a numeral to its measure word (五个): re-split, so that a blank on a number is
    no cut."""
    from content.lang.chinese import CLASSIFIERS

    pieces = [p for p in re.split(r"(\d+(?:\.\d+)?)", token) if p]
    out: list[str] = []
    for piece in pieces:
        after_digits = bool(out) and out[-1][-1].isdigit()
        # 100|多万只: an approximation word may stand between the digits and the magnitude.
        magnitude = re.match(r"^([多余]?(?:万亿|亿|万))(?=.)", piece)
        numeral = re.match(r"^([零〇一二两三四五六七八九十百千]+)(?=.)", piece)
        if magnitude:
            out += [magnitude.group(1), piece[magnitude.end() :]]
        elif numeral and (
            piece[numeral.end()] in CLASSIFIERS or set(numeral.group(1)) - set("一〇零")
        ):
            # 五个, 四星级, 十九大; but 一些, 一带: a lone 一 is mostly part of a word.
            out += [numeral.group(1), piece[numeral.end() :]]
        elif after_digits and len(piece) > 1 and piece[0] in CLASSIFIERS | _DATE_UNITS:
            out += [piece[0], piece[1:]]
        else:
            out.append(piece)
    return out


def _split_after_number(tokens: list[str]) -> list[str]:
    """A measure word jieba glued to the next word after a number (63 / 个省) is split off."""
    from content.lang.chinese import CLASSIFIERS

    out: list[str] = []
    for token in tokens:
        numeric = bool(out) and (
            out[-1][-1].isdigit() or out[-1][-1] in "零〇一二两三四五六七八九十百千万亿"
        )
        if numeric and len(token) > 1 and token[0] in CLASSIFIERS | _DATE_UNITS:
            out += [token[0], token[1:]]
        else:
            out.append(token)
    return out


def _split_vi_number(token: str) -> list[str]:
    """underthesea glues a number to the words after it ("10/2 dương lịch", "10.221,8 nghìn"),
    and keeps a date, time or score whole ("16/4", "09:30", "1-0"), which jieba cuts into its
    numbers (4月16日): split both, so that the two languages are measured alike."""
    match = re.match(r"^([\d.,/:%-]*\d[\d.,/:%-]*)\s+(.+)$", token)
    pieces = [match.group(1), match.group(2)] if match else [token]
    out = []
    for piece in pieces:
        if re.fullmatch(r"\d+(?:[/:-]\d+)+", piece):
            out += [p for p in re.split(r"([/:-])", piece) if p]
        else:
            out.append(piece)
    return out


def _occurrences(sentence: str, names: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of a gold name in `sentence`, case ignored."""
    folded = sentence.casefold()
    spans = []
    for name in names:
        needle = name.casefold()
        if needle:
            spans += [m.span() for m in re.finditer(re.escape(needle), folded)]
    return spans


def _cuts_word(point: int, words, names: list[tuple[int, int]]) -> bool:
    """Is `point` strictly inside a word? Not where it is the edge of a gold name that the
    crossing word does not hold whole (the segmenter split the name: 沿红/河北 across 红河); still
    so where one word holds the name and more (白尼罗河 around 尼罗河)."""
    for start, end in words:
        if not start < point < end:
            continue
        forgiven = any(
            point in (name_start, name_end) and not (start <= name_start and name_end <= end)
            for name_start, name_end in names
        )
        if not forgiven:
            return True
    return False


def cut_blanks(question: GeneratedQuestion, names: list[str] = ()) -> list[str]:
    """Each blank of the question whose start or end falls strictly inside a word of its source,
    shown as the source with "|" at the cut; [] when none."""
    if question.type not in BLANK_TYPES or BLANK not in question.prompt or not question.source:
        return []
    source = question.source
    words = word_spans(source, question.language)
    occurrences = _occurrences(source, list(names))
    cuts = []
    for start, end in locate_blanks(question.prompt, source):
        if start >= end:
            continue
        for point in (start, end):
            if _cuts_word(point, words, occurrences):
                cuts.append(source[:point] + "|" + source[point:])
                break
    return cuts


# --- measuring --------------------------------------------------------------------------------


def _sentence_key(question: GeneratedQuestion) -> str:
    return normalise(question.source or "")


def measure_language(
    lang: str,
    analysis: Analysis,
    questions: list[GeneratedQuestion],
    gold: dict,
    text: str = "",
) -> dict:
    """The figures for one language (see the module docstring)."""
    mine = [q for q in questions if q.language == lang]
    facts = gold.get("facts", [])
    asked = []
    for fact in facts:
        accepted = fact.get(lang) or []
        if any(
            answer_matches(answer, accepted, lang, q.source)
            for q in mine
            for answer in question_answers(q)
        ):
            asked.append(fact["id"])
    per_sentence = Counter(
        _sentence_key(q) for q in mine if q.type not in NOT_PER_SENTENCE and q.source
    )
    busiest = per_sentence.most_common(1)
    clutter = gold.get("clutter", [])
    body = body_text(text, clutter)
    clutter_questions = [q for q in mine if is_from_clutter(q, clutter, body)]
    leaks = {}
    for q in mine:
        found = find_leaks(q, analysis)
        if found:
            leaks[q.prompt] = found
    names = [s for fact in facts if fact.get("kind") in NAME_KINDS for s in (fact.get(lang) or [])]
    cuts = []
    for q in mine:
        cuts += cut_blanks(q, names)
    missing = [f for f in facts if f["id"] not in asked]
    return {
        "facts": len(facts),
        "asked": len(asked),
        "asked_ids": asked,
        "missing": [f["id"] for f in missing],
        "asked_ratio": round(len(asked) / len(facts), 3) if facts else 1.0,
        "questions": len(mine),
        "types": dict(Counter(q.type for q in mine)),
        "max_per_sentence": busiest[0][1] if busiest else 0,
        "from_clutter": len(clutter_questions),
        "leaks": sum(len(v) for v in leaks.values()),
        "cut_words": len(cuts),
        "details": {
            "missing": [
                {
                    "id": f["id"],
                    "kind": f.get("kind"),
                    "answers": f.get(lang),
                    "note": f.get("note"),
                }
                for f in missing
            ],
            "busiest_sentence": busiest[0][0] if busiest else "",
            "clutter": [q.prompt for q in clutter_questions],
            "leaks": leaks,
            "cuts": cuts,
        },
    }


def measure(
    analysis: Analysis, questions: list[GeneratedQuestion], gold: dict, text: str = ""
) -> dict:
    """The figures for both languages: {"zh": {...}, "vi": {...}}."""
    return {lang: measure_language(lang, analysis, questions, gold, text) for lang in LANGS}


def evaluate(text: str, gold: dict) -> dict:
    """Analyse `text`, generate its questions and measure them against `gold`."""
    from content.lang import analyse

    from .generate import generate_report

    analysis = analyse(text)
    report = generate_report(analysis)
    result = measure(analysis, report.questions, gold, text)
    for lang in LANGS:
        result[lang]["dropped"] = dict(
            Counter(d.reason for d in report.dropped if d.language == lang)
        )
    return result


def passes(figures: dict) -> list[str]:
    """What one language's figures miss of issue 13's thresholds; [] when they meet them all."""
    failures = []
    if figures["facts"] and figures["asked"] < MIN_ASKED_RATIO * figures["facts"]:
        failures.append(f"asked {figures['asked']}/{figures['facts']} < 90%")
    if figures["max_per_sentence"] > MAX_PER_SENTENCE:
        failures.append(f"{figures['max_per_sentence']} questions from one sentence")
    for name in ("from_clutter", "leaks", "cut_words"):
        if figures[name]:
            failures.append(f"{name} = {figures[name]}")
    return failures


# --- a corpus directory -----------------------------------------------------------------------


class CorpusError(ValueError):
    """A corpus directory that cannot be read."""


def load_corpus(directory: str | Path) -> list[tuple[str, str, dict]]:
    """(name, text, gold) for every NAME.txt with its NAME.gold.json in `directory`, by name."""
    path = Path(directory)
    if not path.is_dir():
        raise CorpusError(f"not a directory: {path}")
    articles = []
    for txt in sorted(path.glob("*.txt")):
        gold_path = txt.with_name(txt.stem + ".gold.json")
        if not gold_path.is_file():
            raise CorpusError(f"{txt.name} has no {gold_path.name}")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = txt.read_text(encoding="utf-8")
        except (OSError, UnicodeError, ValueError) as error:
            raise CorpusError(f"{txt.name}: cannot be read: {error}") from error
        if not isinstance(gold, dict) or not isinstance(gold.get("facts"), list):
            raise CorpusError(f"{gold_path.name}: no list of facts")
        articles.append((txt.stem, text, gold))
    if not articles:
        raise CorpusError(f"no *.txt with a *.gold.json in {path}")
    return articles


def evaluate_corpus(directory: str | Path, only: str = "") -> dict:
    """{"articles": [...], "totals": {...}} for a corpus directory; with `only`, just the
    articles whose name contains it."""
    articles = []
    for name, text, gold in load_corpus(directory):
        if only and only not in name:
            continue
        result = evaluate(text, gold)
        articles.append(
            {"name": name, "genre": gold.get("genre"), "layout": gold.get("layout"), **result}
        )
    return {"articles": articles, "totals": totals(articles)}


def totals(articles: list[dict]) -> dict:
    """Sums over the articles, per language, and how many article-languages meet the thresholds."""
    out = {}
    for lang in LANGS:
        rows = [a[lang] for a in articles]
        facts = sum(r["facts"] for r in rows)
        asked = sum(r["asked"] for r in rows)
        out[lang] = {
            "facts": facts,
            "asked": asked,
            "asked_ratio": round(asked / facts, 3) if facts else 1.0,
            "questions": sum(r["questions"] for r in rows),
            "max_per_sentence": max((r["max_per_sentence"] for r in rows), default=0),
            "from_clutter": sum(r["from_clutter"] for r in rows),
            "leaks": sum(r["leaks"] for r in rows),
            "cut_words": sum(r["cut_words"] for r in rows),
            "passing": sum(1 for r in rows if not passes(r)),
        }
    out["articles"] = len(articles)
    return out
