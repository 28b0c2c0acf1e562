"""Who may read and who may change which question, quiz, assignment and document
(teaching.access), and what editing a generated question does to it."""

from pathlib import Path

import pytest
from django.core.management import call_command

from accounts.models import Classroom
from content.models import Document
from quizzes.models import Assignment, Question, Quiz
from teaching import access
from teaching.access import bank_for, editable_by
from teaching.curation import save_question

SHIPPED = Path(__file__).resolve().parents[2] / "content" / "documents" / "001_dui_kou_zhi_yuan.txt"


def test_any_teacher_curates_generated_questions_of_a_document_nobody_added(
    bank, teacher, other_teacher
):
    assert set(editable_by(teacher)) == set(bank) == set(editable_by(other_teacher))


def test_generated_questions_of_a_teachers_document_are_theirs_to_curate(
    bank, document, teacher, other_teacher
):
    document.created_by = other_teacher
    document.save(update_fields=["created_by"])
    assert not editable_by(teacher).exists()
    assert not bank_for(teacher).exists(), "drafts of another teacher's document are hidden"
    bank[0].status = Question.Status.PUBLISHED
    bank[0].save(update_fields=["status"])
    (shared,) = bank_for(teacher)
    assert shared == bank[0] and shared.editable is False, "published: shared for reading only"
    assert editable_by(other_teacher).count() == len(bank)


def test_an_authored_question_is_its_authors_alone(authored, teacher, other_teacher):
    assert list(editable_by(teacher)) == [authored]
    assert not bank_for(other_teacher).filter(pk=authored.pk).exists()
    authored.status = Question.Status.PUBLISHED
    authored.save(update_fields=["status"])
    assert bank_for(other_teacher).get(pk=authored.pk).editable is False
    assert not editable_by(other_teacher).filter(pk=authored.pk).exists()


def test_editing_a_generated_question_makes_it_the_editors(bank, teacher, other_teacher):
    question = bank[0]
    save_question(question, {"prompt": question.prompt + " (sửa)"}, teacher)
    question.refresh_from_db()
    assert (question.origin, question.author) == (Question.Origin.AUTHORED, teacher)
    assert question.key, "it keeps its generator key"
    assert not editable_by(other_teacher).filter(pk=question.pk).exists()


@pytest.mark.django_db
def test_regenerating_a_document_leaves_a_teachers_edit_alone_and_adds_no_copy(teacher):
    call_command("load_document", str(SHIPPED))
    document = Document.objects.get()
    edited = Question.objects.filter(document=document, type="single_choice").first()
    save_question(edited, {"prompt": "Câu hỏi của cô Tess ____?"}, teacher)
    count = Question.objects.count()

    edited_text = SHIPPED.read_text(encoding="utf-8") + "\n"  # a new version of the text
    path = SHIPPED.parent.parent.parent / "test-artifacts"
    path.mkdir(exist_ok=True)
    copy = path / SHIPPED.name
    copy.write_text(edited_text, encoding="utf-8")
    try:
        call_command("load_document", str(copy))
    finally:
        copy.unlink()
    edited.refresh_from_db()
    assert edited.prompt == "Câu hỏi của cô Tess ____?"
    assert edited.origin == Question.Origin.AUTHORED
    assert Question.objects.filter(document=document, key=edited.key).count() == 1
    assert Question.objects.count() == count


def test_a_teacher_opens_what_they_curate_and_what_is_in_their_quiz_and_nothing_else(
    bank, authored, document, teacher, other_teacher, make_quiz
):
    assert set(access.questions_openable_by(teacher)) == {*bank, authored}
    document.created_by = teacher
    document.save(update_fields=["created_by"])
    assert not access.questions_openable_by(other_teacher).exists()
    quiz = make_quiz(bank[:1], owner=other_teacher)
    assert list(access.questions_openable_by(other_teacher)) == [bank[0]], quiz


def test_quizzes_are_built_by_their_owner_alone(make_quiz, teacher, other_teacher):
    mine = make_quiz(owner=teacher)
    practice = make_quiz()
    assert list(access.quizzes_built_by(teacher)) == [mine]
    assert not access.quizzes_built_by(other_teacher).exists()
    assert practice not in access.quizzes_built_by(teacher)


def test_an_assignment_is_taken_back_by_the_classs_teacher_alone(make_quiz, teacher, other_teacher):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    quiz = make_quiz(owner=teacher, status=Quiz.Status.PUBLISHED)
    assignment = Assignment.objects.create(quiz=quiz, classroom=classroom)
    assert list(access.assignments_given_by(teacher)) == [assignment]
    assert not access.assignments_given_by(other_teacher).exists()
