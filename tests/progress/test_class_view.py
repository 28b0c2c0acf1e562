"""A teacher's view of one class, and its CSV download."""

import csv
import io

import pytest
from django.urls import reverse

from accounts.models import Classroom, User
from tests.conftest import PASSWORD


@pytest.fixture
def classroom(teacher, alice, bob):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice, bob)
    return classroom


@pytest.fixture
def other_teacher(db):
    return User.objects.create_user("toby", password=PASSWORD, is_teacher=True)


def urls(classroom):
    return [
        reverse("progress:class_progress", args=[classroom.pk]),
        reverse("progress:class_progress_csv", args=[classroom.pk]),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, classroom):
    for url in urls(classroom):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_student_of_the_class_is_refused(client, alice, classroom):
    client.force_login(alice)
    for url in urls(classroom):
        assert client.get(url).status_code == 403


def test_another_teacher_cannot_tell_the_class_exists(client, other_teacher, classroom):
    client.force_login(other_teacher)
    for url in urls(classroom):
        assert client.get(url).status_code == 404


def test_the_class_pages_only_answer_get(teacher_client, classroom):
    for url in urls(classroom):
        assert teacher_client.post(url).status_code == 405


def test_the_teacher_sees_each_students_scores_and_what_the_class_knows_least(
    teacher_client, alice, bob, classroom, record_attempt
):
    record_attempt(alice, [0, 1, 1, 0])  # 50%
    record_attempt(bob, [1, 1, 1, 0.5])  # 87.5% -> 88%
    html = teacher_client.get(urls(classroom)[0], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "alice" in html and "bob" in html
    assert "50%" in html and "88%" in html
    # f3: Alice 0, Bob 0.5 -> 25%, the least known.
    weakest = html.split('id="weakest-heading"')[1]
    assert weakest.index("事件三") < weakest.index("Sự kiện một")
    assert "25%" in weakest and "2 students studied it" in weakest


def test_the_csv_has_a_row_per_student_with_each_quizs_best_score(
    teacher_client, alice, bob, classroom, record_attempt
):
    record_attempt(alice, [0, 1, 1, 0])
    record_attempt(alice, [1, 1, 1, 1])
    response = teacher_client.get(urls(classroom)[1], HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["Username", "Name", "Last active"]
    assert rows[0][-1] == "Best score (%): Ôn tập"
    alice_row, bob_row = rows[1], rows[2]
    # Alice: two attempts, (50 + 100) / 2 = 75% on average, best 100%.
    assert alice_row[0] == "alice" and alice_row[5:7] == ["2", "75"] and alice_row[-1] == "100"
    assert bob_row[0] == "bob" and bob_row[5:7] == ["0", ""] and bob_row[-1] == ""


def test_the_class_page_query_count_does_not_grow_with_students(
    teacher_client, teacher, classroom, record_attempt, django_assert_num_queries
):
    url = urls(classroom)[0]
    for student in classroom.students.all():
        record_attempt(student, [0, 1, 1, 0])
    # session, user, class, students, scores per quiz, review activity, latest answers, card
    # recall, weakest facts
    with django_assert_num_queries(9):
        teacher_client.get(url)
    for i in range(10):
        student = User.objects.create_user(f"student{i}")
        classroom.students.add(student)
        record_attempt(student, [1, 0, 0.5, 1])
    with django_assert_num_queries(9):
        teacher_client.get(url)
