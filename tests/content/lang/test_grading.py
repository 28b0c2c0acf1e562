"""content.lang.grading: typed answers graded by their language's rules, and what each note
says. The rules one by one are in tests/quizzes/test_grading.py (through quizzes.grading.grade,
which grades cloze and translation questions with grade_typed); here, the typed grader itself
as the flashcards call it, and its explanations."""

import ast
from pathlib import Path

from content.lang import grading

NAMES = ["山东", "Sơn Đông", "宁波", "Ninh Ba", "宁夏", "Ninh Hạ"]


def test_a_chinese_name_is_right_with_its_suffix_or_in_pinyin():
    assert grading.grade_typed("zh", ["山东"], "山东省").correct
    result = grading.grade_typed("zh", ["山东"], "Shāndōng", others=NAMES)
    assert result.correct and result.note == grading.PINYIN


def test_a_vietnamese_typo_is_forgiven_but_another_name_is_not():
    result = grading.grade_typed("vi", ["Sơn Đông"], "Son Dong", others=NAMES)
    assert result.correct and result.note == grading.ACCENTS
    result = grading.grade_typed("vi", ["Ninh Hạ"], "Ninh Ba", others=NAMES)
    assert not result.correct and result.note == grading.OTHER_NAME


def test_an_empty_response_scores_nothing():
    assert grading.grade_typed("vi", ["Sơn Đông"], "  ") == grading.Grade(0.0, False, "empty")


def test_every_note_has_an_explanation_translated_by_the_caller():
    codes = [grading.ACCENTS, grading.ACCENTS_REQUIRED, grading.TYPO, grading.PINYIN]
    codes += [grading.OTHER_NAME, grading.EMPTY, grading.INVALID]
    assert all(grading.explain(code) for code in codes)
    assert grading.explain(grading.TYPO) == "Accepted with a small typo."
    assert grading.explain(grading.TYPO, str.upper) == "ACCEPTED WITH A SMALL TYPO."
    assert grading.explain(None, str.upper) == grading.explain("unknown") == ""


def test_it_imports_no_django():
    tree = ast.parse(Path(grading.__file__).read_text(encoding="utf-8"))
    imported = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [name for name in imported if name.split(".")[0] == "django"]
