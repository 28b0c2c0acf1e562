"""The teacher's area: a bank made with tests/support/quiz_fixtures.py (one
question of every type in each language on a small bilingual document nobody added)."""

import pytest

from quizzes.models import Question

TYPES = Question.Type.values


@pytest.fixture(autouse=True)
def _fresh_term_indexes(fresh_term_indexes):
    yield


@pytest.fixture
def document(quiz_document):
    return quiz_document


@pytest.fixture
def bank(make_question) -> list[Question]:
    """Fourteen generated drafts: every type in both languages."""
    return [
        make_question(t, lang, status=Question.Status.DRAFT) for t in TYPES for lang in ("zh", "vi")
    ]


@pytest.fixture
def authored(document, teacher) -> Question:
    """Tess's own draft."""
    return Question.objects.create(
        document=document,
        type="cloze",
        language="vi",
        prompt="Thủ đô của Việt Nam là ____.",
        answer="Hà Nội",
        origin=Question.Origin.AUTHORED,
        author=teacher,
    )
