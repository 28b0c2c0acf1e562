"""Exams are their owner's: no other teacher changes what is in Tess's published or assigned
quiz; an edit of a shared question is the editor's own copy; Tess can always open and repair
what is in her quiz. Each test is the attack it stops, tried as the owner (Tess), another
teacher (Tom), a student (Alice) and a visitor."""

import pytest
from django.urls import reverse

from accounts.models import Classroom
from quizzes.models import Assignment, Question, Quiz
from teaching import building
from teaching.access import bank_for, editable_by
from teaching.curation import save_question

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
NEW_KEY = {"language": "vi", "prompt": "Tỉnh ____ hỗ trợ Tân Cương.", "answer": "Sơn Đông"}


def edit(question):
    return reverse("teaching:question_edit", args=[question.pk])


def status(question):
    return reverse("teaching:question_status", args=[question.pk])


@pytest.fixture
def exam_question(make_question):
    """A generated cloze on a document nobody added: any teacher may curate it."""
    return make_question("cloze", "vi")


@pytest.fixture
def my_quiz(document, teacher, exam_question) -> Quiz:
    """Tess's published quiz, assigned to her class."""
    quiz = Quiz.objects.create(title="Kiểm tra 15 phút", document=document, owner=teacher)
    building.add(quiz, teacher, [exam_question.pk])
    Quiz.objects.filter(pk=quiz.pk).update(status=Quiz.Status.PUBLISHED)
    classroom = Classroom.objects.create(name="10A", teacher=teacher)
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    return quiz


@pytest.fixture
def tom_client(client, other_teacher):
    client.force_login(other_teacher)
    return client


def in_quiz(quiz) -> Question:
    return quiz.entries.select_related("question").get().question


def test_another_teacher_cannot_change_the_key_of_a_question_in_my_assigned_quiz(
    tom_client, my_quiz, exam_question, other_teacher
):
    response = tom_client.post(edit(exam_question), NEW_KEY, **EN)
    assert response.status_code == 302
    kept = in_quiz(my_quiz)
    assert kept.pk == exam_question.pk
    assert (kept.answer, kept.origin, kept.author) == ("Giang Tô", Question.Origin.GENERATED, None)
    copy = Question.objects.get(author=other_teacher)
    assert copy.answer == "Sơn Đông" and copy.pk != exam_question.pk
    assert response.url == edit(copy)


def test_another_teacher_cannot_retire_a_question_in_my_published_quiz(
    tom_client, my_quiz, exam_question
):
    assert tom_client.post(status(exam_question), {"status": "retired"}).status_code == 404
    exam_question.refresh_from_db()
    assert exam_question.status == Question.Status.PUBLISHED


def test_another_teacher_cannot_retire_it_in_bulk_either(tom_client, my_quiz, exam_question):
    bulk = {"action": "retired", "ids": [exam_question.pk]}
    tom_client.post(reverse("teaching:question_bulk"), bulk)
    exam_question.refresh_from_db()
    assert exam_question.status == Question.Status.PUBLISHED


def test_another_teacher_cannot_take_over_my_quizs_question_by_editing_it(
    tom_client, my_quiz, exam_question, teacher
):
    tom_client.post(edit(exam_question), NEW_KEY)
    exam_question.refresh_from_db()
    assert exam_question.origin == Question.Origin.GENERATED and exam_question.author is None
    tom_client.force_login(teacher)
    assert tom_client.get(edit(exam_question)).status_code == 200


def test_another_teachers_bank_offers_no_status_buttons_on_my_exam_question(
    my_quiz, exam_question, other_teacher
):
    row = bank_for(other_teacher).get(pk=exam_question.pk)
    assert row.editable and not row.status_editable
    assert not editable_by(other_teacher).filter(pk=exam_question.pk).exists()


def test_i_can_always_open_and_repair_a_question_in_my_quiz(
    teacher_client, my_quiz, exam_question, other_teacher, document
):
    # Even when another teacher added the document (so the question is not mine to curate).
    document.created_by = other_teacher
    document.save(update_fields=["created_by"])
    assert teacher_client.get(edit(exam_question)).status_code == 200
    response = teacher_client.post(edit(exam_question), NEW_KEY)
    assert response.status_code == 302
    repaired = in_quiz(my_quiz)
    assert repaired.answer == "Sơn Đông"
    exam_question.refresh_from_db()
    assert exam_question.answer == "Giang Tô", "the document owner's question is left alone"


def test_the_editor_says_before_saving_that_the_edit_will_be_a_copy(
    tom_client, my_quiz, exam_question
):
    page = tom_client.get(edit(exam_question), **EN).content.decode()
    assert "saving makes your own copy" in page


def test_the_owner_repairs_in_place_what_is_theirs_alone(teacher_client, my_quiz, exam_question):
    teacher_client.post(edit(exam_question), NEW_KEY)
    exam_question.refresh_from_db()
    assert in_quiz(my_quiz) == exam_question and exam_question.answer == "Sơn Đông"


def test_my_edit_of_a_shared_question_leaves_every_other_quiz_as_it_was(
    my_quiz, exam_question, teacher, other_teacher, document
):
    toms = Quiz.objects.create(title="Ôn tập", document=document, owner=other_teacher)
    building.add(toms, other_teacher, [exam_question.pk])
    saved = save_question(exam_question, {"prompt": "Tỉnh nào ____?"}, other_teacher)
    assert saved.pk != exam_question.pk and saved.key == "" and saved.variant == ""
    assert in_quiz(toms) == saved
    assert in_quiz(my_quiz) == exam_question
    exam_question.refresh_from_db()
    assert exam_question.prompt != "Tỉnh nào ____?"


def test_a_question_in_another_teachers_draft_quiz_may_still_be_retired(
    make_question, teacher, other_teacher, document
):
    question = make_question("true_false", "vi")
    draft = Quiz.objects.create(title="Nháp", document=document, owner=teacher)
    building.add(draft, teacher, [question.pk])
    assert editable_by(other_teacher).filter(pk=question.pk).exists()


def test_a_student_cannot_open_or_change_questions(client, alice, my_quiz, exam_question):
    client.force_login(alice)
    assert client.get(edit(exam_question)).status_code in (403, 404)
    assert client.post(edit(exam_question), NEW_KEY).status_code in (403, 404)
    assert client.post(status(exam_question), {"status": "retired"}).status_code in (403, 404)
    exam_question.refresh_from_db()
    assert (exam_question.answer, exam_question.status) == ("Giang Tô", "published")


def test_a_visitor_is_sent_to_log_in(client, my_quiz, exam_question):
    for response in (
        client.get(edit(exam_question)),
        client.post(edit(exam_question), NEW_KEY),
        client.post(status(exam_question), {"status": "retired"}),
    ):
        assert response.status_code == 302 and "login" in response.url
    exam_question.refresh_from_db()
    assert exam_question.status == "published"


def test_the_builder_links_each_question_to_its_editor(teacher_client, my_quiz, exam_question):
    response = teacher_client.get(reverse("teaching:quiz", args=[my_quiz.pk]))
    assert edit(exam_question) in response.content.decode()
