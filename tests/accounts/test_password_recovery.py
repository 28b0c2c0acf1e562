"""Recovering an account: a teacher sets a new password for a student of their class (a class
page, accounts.views_classes.class_student_password). A reset link by email and the limit on
guessing the current password are tests/accounts/views/test_account.py's."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.models import Classroom, User
from tests.conftest import PASSWORD

NEW = "a brand new Pass-phrase 7"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def classroom(teacher, alice) -> Classroom:
    classroom = Classroom.objects.create(name="Lớp 1", teacher=teacher)
    classroom.students.add(alice)
    return classroom


# -- by the teacher --------------------------------------------------------------------------


def _set_password(client, classroom, student, password=NEW):
    url = reverse("quizzes:class_student_password", args=[classroom.pk, student.pk])
    return client.post(url, {"new_password1": password, "new_password2": password})


def test_a_teacher_sets_a_new_password_for_a_student_of_their_class(
    teacher_client, classroom, alice
):
    page = teacher_client.get(classroom.get_absolute_url()).content.decode()
    assert reverse("quizzes:class_student_password", args=[classroom.pk, alice.pk]) in page
    response = _set_password(teacher_client, classroom, alice)
    assert response["Location"] == classroom.get_absolute_url()
    login = Client().post(reverse("accounts:login"), {"username": "alice", "password": NEW})
    assert login.status_code == 302 and login["Location"] == reverse("quizzes:home")


def test_the_teachers_reset_ends_the_students_lockout(teacher_client, classroom, alice):
    attacker = Client()
    for _ in range(5):
        attacker.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    _set_password(teacher_client, classroom, alice)
    response = Client().post(reverse("accounts:login"), {"username": "alice", "password": NEW})
    assert response.status_code == 302


def test_another_teacher_cannot_set_the_password_of_a_student_not_in_their_class(
    client, classroom, alice
):
    other = User.objects.create_user("otto", password=PASSWORD, is_teacher=True)
    Classroom.objects.create(name="Otto's", teacher=other)
    client.force_login(other)
    assert _set_password(client, classroom, alice).status_code == 404
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_a_student_cannot_set_a_classmates_password(client, classroom, alice, bob):
    classroom.students.add(bob)
    client.force_login(bob)
    assert _set_password(client, classroom, alice).status_code == 403
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_a_visitor_is_sent_to_log_in(client, classroom, alice):
    response = _set_password(client, classroom, alice)
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_a_colleague_who_joined_the_class_keeps_their_password(teacher_client, classroom):
    colleague = User.objects.create_user("cora", password=PASSWORD, is_teacher=True)
    classroom.students.add(colleague)
    assert _set_password(teacher_client, classroom, colleague).status_code == 404
    staff = User.objects.create_user("sam", password=PASSWORD, is_staff=True)
    classroom.students.add(staff)
    assert _set_password(teacher_client, classroom, staff).status_code == 404
    page = teacher_client.get(classroom.get_absolute_url()).content.decode()
    assert reverse("quizzes:class_student_password", args=[classroom.pk, colleague.pk]) not in page


def test_a_weak_temporary_password_is_refused(teacher_client, classroom, alice):
    response = _set_password(teacher_client, classroom, alice, "123")
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
