"""Invitations (issue 16, item 4): a class's join link survives log-in and sign-up and ends with
the learner in the class, on its page; the home page has a code field; a teacher invites a
colleague to teach with a one-use link, no admin needed."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Classroom, TeacherInvite, User
from tests.conftest import PASSWORD


@pytest.fixture
def classroom(teacher) -> Classroom:
    return Classroom.objects.create(name="Lớp 10A", teacher=teacher, join_code="ABCD2345")


def _signup(client, next_url, username="nina"):
    return client.post(
        reverse("accounts:signup"),
        {
            "username": username,
            "email": "",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": next_url,
        },
    )


def test_the_join_link_survives_sign_up_and_ends_on_the_class_page(client, classroom):
    link = reverse("quizzes:class_join_link", args=["ABCD2345"])
    login_page = client.get(client.get(link)["Location"])
    signup_url = f"{reverse('accounts:signup')}?next={link}"
    # "Create a student account" on the log-in page keeps the link.
    assert f'href="{signup_url}"' in login_page.content.decode()
    form = client.get(signup_url).content.decode()
    assert f'name="next" value="{link}"' in form
    response = _signup(client, link)
    assert response["Location"] == link
    joined = client.post(link)
    nina = User.objects.get(username="nina")
    assert nina in classroom.students.all()
    assert joined["Location"] == classroom.get_absolute_url()
    page = client.get(joined["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Lớp 10A" in page and "Teacher: tess" in page


def test_the_join_link_survives_log_in(client, classroom, bob):
    link = reverse("quizzes:class_join_link", args=["ABCD2345"])
    response = client.post(
        f"{reverse('accounts:login')}?next={link}",
        {"username": "bob", "password": PASSWORD, "next": link},
    )
    assert response["Location"] == link


def test_sign_up_ignores_a_next_page_on_another_site(client, db):
    response = _signup(client, "https://evil.example/")
    assert response["Location"] == reverse("quizzes:home")


def test_the_home_page_has_a_code_field_to_join_a_class(client, bob, classroom):
    client.force_login(bob)
    html = client.get(reverse("quizzes:home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'id="home-join-code"' in html and 'action="/classes/join/"' in html
    response = client.post(reverse("quizzes:class_join"), {"code": "abcd 2345"})
    assert response["Location"] == classroom.get_absolute_url()


def test_a_student_page_of_a_class_is_for_its_students_only(client, alice, bob, classroom):
    classroom.students.add(alice)
    client.force_login(bob)
    assert client.get(classroom.get_absolute_url()).status_code == 404


def test_a_teacher_invites_a_colleague_who_signs_up_and_becomes_a_teacher(
    teacher_client, teacher, db
):
    teacher_client.post(reverse("accounts:teacher_invites"))
    invite = TeacherInvite.objects.get(created_by=teacher)
    page = teacher_client.get(reverse("accounts:teacher_invites")).content.decode()
    assert invite.get_absolute_url() in page
    visitor = Client()
    link = invite.get_absolute_url()
    assert visitor.get(link)["Location"] == f"{reverse('accounts:login')}?next={link}"
    assert _signup(visitor, link, "vy")["Location"] == link
    html = visitor.get(link, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "tess invites you to teach" in html
    response = visitor.post(link)
    assert response["Location"] == reverse("quizzes:class_list")
    assert User.objects.get(username="vy").is_teacher
    # One use only.
    other = Client()
    other.force_login(User.objects.create_user("wu", password=PASSWORD))
    other.post(link)
    assert not User.objects.get(username="wu").is_teacher
    refused = other.get(link, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "already used or has expired" in refused


def test_an_expired_invitation_makes_nobody_a_teacher(client, teacher, bob):
    invite = TeacherInvite.objects.create(
        created_by=teacher, created_at=timezone.now() - timedelta(days=15)
    )
    client.force_login(bob)
    client.post(invite.get_absolute_url())
    bob.refresh_from_db()
    assert not bob.is_teacher


def test_only_teachers_make_invitations(alice_client):
    assert alice_client.post(reverse("accounts:teacher_invites")).status_code == 403
    assert not TeacherInvite.objects.exists()
