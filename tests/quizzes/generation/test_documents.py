"""Every shipped document, through the real pipeline, gets a question set with all the required
properties: at least 40 questions per language, all seven types, no leaks, answers among distinct
choices, stable unique keys, and a question for every year, number, place, enumeration item and
numbered item the Analysis lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from content.lang import analyse, decode
from quizzes.generation import generate
from tests.support.generation import check_set

DOCUMENTS = sorted((Path(__file__).resolve().parents[3] / "content" / "documents").glob("*.txt"))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_document_question_set(path):
    analysis = analyse(decode(path.read_bytes()))
    questions = generate(analysis)
    assert check_set(questions, analysis, minimum=40) == []
    assert [q.key for q in generate(analysis)] == [q.key for q in questions]


def test_there_is_more_than_one_document():
    assert len(DOCUMENTS) >= 2
