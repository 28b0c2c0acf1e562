"""Splitting a list written in a sentence into its items: at separators outside parentheses and
quotes, never at a comma or dot between two digits (6,86 or 128.000 is one number). The
language adapters split their lists with it (content/lang/adapters/), the fact finder trims
with it. Pure Python.
"""

from __future__ import annotations


def strip_punctuation(text: str) -> str:
    """`text` without the spaces and punctuation around it."""
    return text.strip(" ，,、。；;：:.!?！？")


def top_level_split(text: str, seps: tuple[str, ...]) -> list[str]:
    """Split at separators outside parentheses and quotes."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c in "(（[“":
            depth += 1
        elif c in ")）]”" and depth:
            depth -= 1
        elif depth == 0:
            sep = next((s for s in seps if text.startswith(s, i)), None)
            if sep and _inside_number(text, i, sep):
                sep = None  # 6,86 or 128.000: a decimal comma or thousands dot, one number
            if sep:
                out.append(text[start:i])
                i += len(sep)
                start = i
                continue
        i += 1
    out.append(text[start:])
    return [p.strip() for p in out if p.strip()]


def _inside_number(text: str, i: int, sep: str) -> bool:
    """Whether the separator at text[i] sits between two digits with no space (6,86)."""
    end = i + len(sep)
    return (
        not any(c.isspace() for c in sep)
        and i > 0
        and text[i - 1].isdigit()
        and end < len(text)
        and text[end].isdigit()
    )
