"""Every CSV the app writes opens in a spreadsheet as text: a learner's answer or a name cannot
become a formula in the teacher's file (quizzes.csvsafe)."""

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from quizzes import csvsafe

ATTACK = '=HYPERLINK("http://x","Open")'
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("cell", [ATTACK, "+1+2", "-2+3", "-3", "@SUM(A1)", "\tx", "\r=1", "\n=1"])
def test_a_cell_that_starts_a_formula_is_kept_as_text(cell):
    assert csvsafe.safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Giang Tô", "12", 7, -1.5, Decimal("-30.15"), "a=b", ""])
def test_ordinary_text_and_numbers_are_left_as_they_are(cell):
    assert csvsafe.safe_cell(cell) == cell


def test_none_is_an_empty_cell():
    assert csvsafe.safe_cell(None) == ""


def test_the_writer_neutralises_every_cell_of_every_row():
    out = io.StringIO()
    csvsafe.writer(out).writerows([["=1", "ok"], ["@x", 2]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=1", "ok"], ["'@x", "2"]]


def test_no_module_writes_csv_without_the_safe_writer():
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("accounts", "content", "quizzes", "teaching", "config")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "csvsafe.py" and re.search(r"csv\.(writer|DictWriter)\(", path.read_text())
    ]
    assert offenders == []
