"""CSV that a spreadsheet opens as text, never as formulas: every CSV the app writes goes
through `writer`, which neutralises each cell with `safe_cell`.

A spreadsheet runs a cell as a formula when it begins with = + - or @ (and some also after a
leading tab or carriage return), so a learner's typed answer `=HYPERLINK("http://…","Open")`
would become a live link in the teacher's export. Such a cell gets a leading apostrophe, which
spreadsheets show as text and do not display (OWASP's "CSV injection" advice). Every text cell
is treated so, even "-3" (a name may be anything); figures are written as numbers (int, float,
Decimal), which are left as they are.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: Any) -> Any:
    """`value` as a CSV cell no spreadsheet will evaluate; None becomes an empty cell."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """A csv.writer whose every cell passes through safe_cell."""

    def __init__(self, out: IO[str], **kwargs):
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: IO[str], **kwargs) -> SafeWriter:
    """The one way the app writes CSV (a test checks no other module calls csv.writer)."""
    return SafeWriter(out, **kwargs)
