"""Assigning quizzes to classes through the web: from the class page and the quiz page, with
clear refusals, completion counts on the class page, and taking an assignment back."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Classroom
from quizzes import taking
from quizzes.models import Assignment, Quiz

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def classroom(teacher, alice, bob):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice, bob)
    return classroom


@pytest.fixture
def quiz(make_quiz, teacher):
    return make_quiz([("cloze", "vi")], owner=teacher, title="Bài 1")


def _local(delta: timedelta) -> str:
    return timezone.localtime(timezone.now() + delta).strftime("%Y-%m-%dT%H:%M")


def test_a_teacher_assigns_a_quiz_from_the_class_page(teacher_client, classroom, quiz):
    page = teacher_client.get(reverse("quizzes:class_detail", args=[classroom.pk]), **EN)
    assert "Assigned quizzes" in page.content.decode() and "Bài 1" in page.content.decode()
    data = {
        "classroom": classroom.pk,
        "quiz": quiz.pk,
        "opens_at": _local(timedelta(0)),
        "closes_at": _local(timedelta(days=7)),
        "next": reverse("quizzes:class_detail", args=[classroom.pk]),
    }
    response = teacher_client.post(reverse("teaching:assignment_create"), data, follow=True, **EN)
    # The quiz and the class are named in their own language (lang_span).
    assert (
        '<span lang="vi">Bài 1</span> is assigned to <span lang="vi">Lớp 10A</span>.'
        in response.content.decode()
    )
    assignment = Assignment.objects.get()
    assert assignment.closes_at - assignment.opens_at == timedelta(days=7)
    assert "0 of 2 finished" in response.content.decode()


def test_the_class_page_counts_the_students_who_finished(
    teacher_client, classroom, quiz, alice, bob
):
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    taking.finish_attempt(taking.start_attempt(quiz, alice))
    taking.start_attempt(quiz, bob)
    page = teacher_client.get(reverse("quizzes:class_detail", args=[classroom.pk]), **EN)
    assert "1 of 2 finished" in page.content.decode()


def test_a_teacher_assigns_from_the_quiz_page(teacher_client, classroom, quiz):
    builder = teacher_client.get(reverse("teaching:quiz", args=[quiz.pk]), **EN).content.decode()
    assert reverse("teaching:assignment_create") in builder
    data = {"classroom": classroom.pk, "quiz": quiz.pk, "opens_at": _local(timedelta(0))}
    response = teacher_client.post(reverse("teaching:assignment_create"), data)
    assert response.status_code == 302
    assert Assignment.objects.get().closes_at is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"closes_at": _local(-timedelta(days=1))}, "must come after the opening time"),
        ({"quiz": "draft"}, "Choose one of your published quizzes."),
        ({"classroom": "theirs"}, "Choose one of your classes."),
        ({"opens_at": "yesterday-ish"}, "Enter a valid date/time."),
    ],
)
def test_a_bad_assignment_is_refused_with_a_clear_message(
    teacher_client, classroom, quiz, make_quiz, teacher, other_teacher, change, message
):
    draft = make_quiz([("cloze", "vi")], owner=teacher, status=Quiz.Status.DRAFT)
    theirs = Classroom.objects.create(name="Lớp của Tom", teacher=other_teacher)
    data = {"classroom": classroom.pk, "quiz": quiz.pk, "opens_at": _local(timedelta(0))}
    data |= change
    data["quiz"] = draft.pk if data["quiz"] == "draft" else data["quiz"]
    data["classroom"] = theirs.pk if data["classroom"] == "theirs" else data["classroom"]
    response = teacher_client.post(reverse("teaching:assignment_create"), data, follow=True, **EN)
    assert message in response.content.decode()
    assert not Assignment.objects.exists()


def test_assigning_twice_is_refused(teacher_client, classroom, quiz):
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    data = {"classroom": classroom.pk, "quiz": quiz.pk, "opens_at": _local(timedelta(0))}
    response = teacher_client.post(reverse("teaching:assignment_create"), data, follow=True, **EN)
    assert "already assigned to this class" in response.content.decode()
    assert Assignment.objects.count() == 1


def test_unassigning_keeps_the_attempts(teacher_client, classroom, quiz, alice):
    assignment = Assignment.objects.create(classroom=classroom, quiz=quiz)
    taking.finish_attempt(taking.start_attempt(quiz, alice))
    url = reverse("teaching:assignment_delete", args=[assignment.pk])
    response = teacher_client.post(url, follow=True, **EN)
    # The quiz and the class are named in their own language (lang_span).
    assert (
        '<span lang="vi">Bài 1</span> is no longer assigned to <span lang="vi">Lớp 10A</span>.'
        in response.content.decode()
    )
    assert not Assignment.objects.exists() and quiz.attempts.count() == 1


def test_a_student_of_the_class_then_takes_the_quiz(alice_client, classroom, quiz, alice):
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    assert alice_client.post(reverse("quizzes:quiz_start", args=[quiz.pk])).status_code == 302
    assert quiz.attempts.get().user == alice
