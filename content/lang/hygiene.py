"""Control characters: what text Dongxi stores and writes may not hold. Pure Python.

NUL cannot be stored in a PostgreSQL text or jsonb value (the database refuses it, and the
request ended in a 500); the other C0 controls (and DEL, the C1 range, U+FFFE/U+FFFF) are
invisible, and XML 1.0 cannot carry most of them at all, so one of them in a prompt made the
whole Moodle XML export malformed. Tab, line feed and carriage return are text (a browser sends
a textarea's new lines as CR LF).

Input either refuses them with a message (forms, typed answers: `first_control`) or drops them
(imports, uploaded documents: `strip_controls`); every writer of an export drops them too.
"""

from __future__ import annotations

import re

CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def first_control(text: str) -> str | None:
    """The first control character in `text`, or None."""
    found = CONTROL_RE.search(text)
    return found.group() if found else None


def strip_controls(text: str) -> str:
    """`text` without its control characters (a form feed or vertical tab becomes a new line)."""
    return CONTROL_RE.sub("", text.replace("\f", "\n").replace("\v", "\n"))


def describe(char: str) -> str:
    """A control character as a person can find it: U+0000."""
    return f"U+{ord(char):04X}"
