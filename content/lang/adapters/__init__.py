"""One small adapter per language, with the same functions in each (like Django's database
backends): what is peculiar to Chinese or Vietnamese lives here, so the fact finder and the
question planner are written once for both languages instead of in parallel branches.

Every adapter module provides:
- ``DEFINITION``, ``ENUMERATION``, ``MAIN``, ``EXAMPLE``, ``LESSON``, ``QUOTE``,
  ``CLAUSE_SPLIT``, ``numbered_start``, ``refers_back``, ``continues_definition``, ``items``,
  ``main_subject``, ``named_lists``, ``inline_markers``, ``numbers``, ``last_item``,
  ``COUNTED_SEPARATORS``, ``COUNTED_REACH``: the glossary phrasing that gives a fact a more
  specific kind than "statement", read by one language-neutral finder (facts._Finder);
- ``approximate(text, start, end)``: whether the number at text[start:end] is hedged (多, 约,
  hơn, khoảng…), so its distractors are round numbers too;
- ``named_as_capital(text, start, end)``: whether the name is introduced as a capital;
- ``is_honorific(text)``: a title or form of address rather than a name;
- ``states_something(text)``: a sentence that makes a statement, not a heading or a question;
- ``short_answer(answer)``: a typed answer short enough to type;
- ``joins_list(between)`` / ``next_to(gap)``: the text between two names of one list, and a
  gap close enough for a count to belong to that list (a count whose items stand in the
  prompt is not asked);
- ``whole_words(sentence, start, end)``: the span widened so a blank never cuts a word, or
  None when it cannot be;
- ``defined(subject)``: what a definition defines when its subject is a statement itself;
- ``format_number(value, like)``: a number written in the style of ``like`` (decimal mark,
  thousands separator).
"""

from __future__ import annotations

from types import ModuleType

from ..model import ZH
from . import vi, zh


def adapter(lang: str) -> ModuleType:
    """The adapter for "zh" or "vi"."""
    return zh if lang == ZH else vi


__all__ = ["adapter", "vi", "zh"]
