"""After `make run` every shipped document has a published quiz a learner can start at once."""

from pathlib import Path

import pytest
from django.core.management import call_command

from content.models import Document
from quizzes import taking
from quizzes.models import Question, Quiz

DOCUMENTS = Path(__file__).resolve().parents[2] / "content" / "documents"


@pytest.fixture
def shipped(db):
    call_command("load_document", str(DOCUMENTS))
    return list(Document.objects.all())


def test_each_shipped_document_gets_one_published_quiz_with_every_type(shipped, alice):
    call_command("create_practice_quizzes")
    call_command("create_practice_quizzes")  # a second run adds nothing
    assert Quiz.objects.count() == len(shipped) == 2
    for document in shipped:
        quiz = Quiz.objects.get(document=document)
        assert quiz.is_published
        questions = quiz.questions.all()
        assert {q.status for q in questions} == {Question.Status.PUBLISHED}
        assert {q.type for q in questions} == set(Question.Type.values)
        assert {q.language for q in questions} == {"zh", "vi"}
        attempt = taking.start_attempt(quiz, alice)
        assert attempt.items.count() == quiz.draw == 10


def test_a_document_that_already_has_a_quiz_is_left_alone(shipped, teacher):
    Quiz.objects.create(title="Mine", document=shipped[0], owner=teacher)
    call_command("create_practice_quizzes")
    assert list(Quiz.objects.filter(document=shipped[0]).values_list("title", flat=True)) == [
        "Mine"
    ]
