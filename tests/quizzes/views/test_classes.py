"""Classes: a teacher creates one, shares its code or link, manages the roster; a student joins
by code or link and may leave."""

import pytest
from django.urls import reverse

from accounts.models import Classroom, User
from tests.conftest import PASSWORD

LIST = reverse("quizzes:class_list")


@pytest.fixture
def other_teacher(db) -> User:
    return User.objects.create_user("tom", password=PASSWORD, is_teacher=True)


@pytest.fixture
def classroom(teacher, alice) -> Classroom:
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher, join_code="ABCD2345")
    classroom.students.add(alice)
    return classroom


def _messages(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def test_a_teacher_creates_a_class_and_lands_on_it_with_a_code(teacher_client, teacher):
    response = teacher_client.post(reverse("quizzes:class_create"), {"name": "Lớp 11B"})
    classroom = Classroom.objects.get()
    assert response["Location"] == reverse("quizzes:class_detail", args=[classroom.pk])
    assert classroom.teacher == teacher and len(classroom.join_code) == 8
    page = teacher_client.get(response["Location"]).content.decode()
    assert classroom.join_code in page
    assert f"http://testserver/classes/join/{classroom.join_code}/" in page


def test_a_class_needs_a_name(teacher_client):
    response = teacher_client.post(reverse("quizzes:class_create"), {"name": ""})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not Classroom.objects.exists()


def test_a_teacher_sees_their_classes_with_their_sizes(teacher_client, classroom, other_teacher):
    Classroom.objects.create(name="Lớp của thầy Tom", teacher=other_teacher)
    html = teacher_client.get(LIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Lớp 10A" in html and "1 student" in html
    assert "thầy Tom" not in html


def test_the_roster_lists_students_and_a_student_can_be_removed(teacher_client, classroom, alice):
    assert "alice" in teacher_client.get(classroom.get_absolute_url()).content.decode()
    url = reverse("quizzes:class_remove_student", args=[classroom.pk, alice.pk])
    response = teacher_client.post(url)
    assert response["Location"] == classroom.get_absolute_url()
    assert not classroom.students.exists()


def test_removing_with_htmx_redraws_the_roster(teacher_client, classroom, alice, bob):
    classroom.students.add(bob)
    url = reverse("quizzes:class_remove_student", args=[classroom.pk, alice.pk])
    response = teacher_client.post(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="roster">')
    assert "bob" in html and "alice" not in html
    assert "HX-Request" in response["Vary"]


def test_removing_someone_not_in_the_class_is_not_found(teacher_client, classroom, bob):
    url = reverse("quizzes:class_remove_student", args=[classroom.pk, bob.pk])
    assert teacher_client.post(url).status_code == 404


def test_renaming_a_class(teacher_client, classroom):
    teacher_client.post(reverse("quizzes:class_rename", args=[classroom.pk]), {"name": "Lớp 10B"})
    classroom.refresh_from_db()
    assert classroom.name == "Lớp 10B"
    response = teacher_client.post(
        reverse("quizzes:class_rename", args=[classroom.pk]), {"name": ""}
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()


def test_a_new_code_replaces_the_old_one_and_keeps_the_students(teacher_client, classroom, alice):
    teacher_client.post(reverse("quizzes:class_new_code", args=[classroom.pk]))
    classroom.refresh_from_db()
    assert classroom.join_code != "ABCD2345" and list(classroom.students.all()) == [alice]
    old_link = reverse("quizzes:class_join_link", args=["ABCD2345"])
    assert teacher_client.get(old_link).status_code == 404


def test_a_student_joins_by_typing_the_code_in_any_case(client, bob, classroom):
    client.force_login(bob)
    response = client.post(
        reverse("quizzes:class_join"), {"code": " abcd-2345 "}, HTTP_ACCEPT_LANGUAGE="en"
    )
    # The learner lands on the class's page.
    assert response["Location"] == classroom.get_absolute_url()
    assert bob in classroom.students.all()
    assert _messages(response) == ["You joined Lớp 10A."]


def test_an_unknown_code_is_explained(client, bob, classroom):
    client.force_login(bob)
    response = client.post(
        reverse("quizzes:class_join"), {"code": "ZZZZ9999"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "No class has this code." in response.content.decode()
    assert bob not in classroom.students.all()


def test_joining_twice_changes_nothing(alice_client, classroom):
    response = alice_client.post(
        reverse("quizzes:class_join"), {"code": "ABCD2345"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert _messages(response) == ["You are already in Lớp 10A."]
    assert classroom.students.count() == 1


def test_the_join_link_asks_to_confirm_then_joins(client, bob, classroom):
    client.force_login(bob)
    link = reverse("quizzes:class_join_link", args=["abcd2345"])
    page = client.get(link)
    assert page.status_code == 200 and "Lớp 10A" in page.content.decode()
    assert bob not in classroom.students.all(), "opening the link joins nobody"
    client.post(link)
    assert bob in classroom.students.all()


def test_a_visitor_opening_the_link_logs_in_first_and_comes_back(client, classroom):
    link = reverse("quizzes:class_join_link", args=["ABCD2345"])
    response = client.get(link)
    assert response["Location"] == f"{reverse('accounts:login')}?next={link}"


def test_a_teacher_cannot_join_their_own_class(teacher_client, classroom):
    response = teacher_client.post(
        reverse("quizzes:class_join_link", args=["ABCD2345"]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert _messages(response) == ["This is your own class."]
    assert classroom.students.count() == 1


def test_a_student_sees_their_classes_and_may_leave(alice_client, classroom, alice):
    html = alice_client.get(LIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Lớp 10A" in html and "Teacher: tess" in html
    alice_client.post(reverse("quizzes:class_leave", args=[classroom.pk]))
    assert alice not in classroom.students.all()


def test_leaving_a_class_one_is_not_in_is_not_found(client, bob, classroom):
    client.force_login(bob)
    assert client.post(reverse("quizzes:class_leave", args=[classroom.pk])).status_code == 404


def test_a_student_sees_no_class_of_others(client, bob, classroom):
    client.force_login(bob)
    assert "Lớp 10A" not in client.get(LIST).content.decode()
