"""Pinyin over Chinese words, not over single characters (issue 16: ruby that reads on a phone).

A line's segments come one Han character each with its reading (flashcards' `Line`); above a
character, a syllable at a readable size (rt at least 0.6em and 11px) is wider than the
character and pushes its neighbours apart. `ruby_words` groups the characters of each jieba
word, and the syllables of the word written as one (chuánshuō, Xī'ān), so the characters of a
word stay together under its pinyin (`ruby-align: center` in app.css):

    {% load ruby %}{% for s in line.segments|ruby_words %}<ruby>{{ s.text }}<rt>{{ s.ruby }}</rt>…

A marked term (a name) is one word whatever jieba says, and so is a line that is all Han (a
card's term). Segments without a reading, marked spans and blanks keep their place.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from django import template

from content.lang import chinese

register = template.Library()

# A syllable starting with a vowel after another one takes an apostrophe: Xī'ān, not Xīān.
_VOWELS = set("aāáǎàoōóǒòeēéěè")


@dataclass(frozen=True)
class Word:
    text: str
    ruby: str = ""
    mark: bool = False
    blank: bool = False


def join_syllables(syllables: list[str]) -> str:
    """The pinyin of one word: its syllables written together, an apostrophe before a syllable
    that starts with a, o or e."""
    out = ""
    for syllable in syllables:
        if out and syllable[:1].lower() in _VOWELS:
            out += "'"
        out += syllable
    return out


def _boundaries(text: str) -> set[int]:
    """The offsets where jieba starts a word in `text`."""
    return {start for _word, _flag, start in chinese.tag(text)}


@register.filter
def ruby_words(segments) -> list[Word]:
    """`segments` (with text, ruby, mark and blank) as words: consecutive read characters of
    one jieba word (or of one marked term, or of a line that is all Han) become one Word."""
    segments = list(segments)
    if not any(s.ruby for s in segments):
        return [Word(s.text, s.ruby, s.mark, s.blank) for s in segments]
    text = "".join(s.text for s in segments)
    whole = all(s.ruby for s in segments)
    starts = set() if whole else _boundaries(text)
    words: list[Word] = []
    offset = 0
    for (read, mark, blank), run in groupby(
        segments, key=lambda s: (bool(s.ruby), s.mark, s.blank)
    ):
        run = list(run)
        if not read or blank:
            words += [Word(s.text, "", mark, blank) for s in run]
            offset += sum(len(s.text) for s in run)
            continue
        word: list = []
        for s in run:
            if word and not mark and offset in starts:
                words.append(_word(word, mark))
                word = []
            word.append(s)
            offset += len(s.text)
        words.append(_word(word, mark))
    return words


def _word(segments: list, mark: bool) -> Word:
    return Word("".join(s.text for s in segments), join_syllables([s.ruby for s in segments]), mark)
