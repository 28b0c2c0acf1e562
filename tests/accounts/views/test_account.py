"""Sign-up, log in and out, password change, lockout, and who is a teacher."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from tests.conftest import PASSWORD


def test_a_visitor_signs_up_as_a_student_and_lands_signed_in(client, db):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "lan",
            "password1": "a long Pass-phrase 42",
            "password2": "a long Pass-phrase 42",
        },
        follow=True,
    )
    user = User.objects.get(username="lan")
    assert not user.is_teacher
    assert response.context["user"] == user
    assert response.redirect_chain[-1][0] == reverse("home")


def test_sign_up_refuses_mismatched_passwords_in_the_users_language(client, db):
    response = client.post(
        reverse("accounts:signup"),
        {"username": "lan", "password1": "a long Pass-phrase 42", "password2": "another one 42"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="lan").exists()
    assert "didn’t match" in response.content.decode()


def test_sign_up_cannot_make_a_teacher(client, db):
    client.post(
        reverse("accounts:signup"),
        {
            "username": "eve",
            "password1": "a long Pass-phrase 42",
            "password2": "a long Pass-phrase 42",
            "is_teacher": "on",
        },
    )
    assert User.objects.get(username="eve").is_teacher is False


def test_log_in_and_log_out(client, alice):
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert "landing-heading" in client.get(reverse("home")).content.decode()


def test_logout_refuses_get(alice_client):
    assert alice_client.get(reverse("accounts:logout")).status_code == 405


def test_home_shows_visitors_what_dongxi_does_with_sign_up_and_log_in(client, db):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Read side by side" in html and 'class="col zh" lang="zh-Hans"' in html
    assert "Answer questions made from the text" in html and "Show the answer" in html
    assert 'class="flashcard landing-card"' in html
    assert (
        f'href="{reverse("accounts:signup")}"' in html
        and f'href="{reverse("accounts:login")}"' in html
    )


def test_password_change(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a brand new Pass-phrase 7",
            "new_password2": "a brand new Pass-phrase 7",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a brand new Pass-phrase 7")


def test_too_many_wrong_passwords_lock_the_login_with_a_clear_message(client, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    response = client.post(
        reverse("accounts:login"),
        {"username": "alice", "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "landing-heading" in client.get(reverse("home")).content.decode()


def test_createteacher_grants_the_role_to_an_existing_user(alice):
    call_command("createteacher", "alice")
    alice.refresh_from_db()
    assert alice.is_teacher


def test_createteacher_creates_a_missing_account(db, capsys):
    call_command("createteacher", "mai", "--password", "a long Pass-phrase 42")
    mai = User.objects.get(username="mai")
    assert mai.is_teacher and mai.check_password("a long Pass-phrase 42")


@pytest.mark.parametrize(
    "language, text", [("en", "Teacher"), ("vi", "Giáo viên"), ("zh-hans", "教师")]
)
def test_the_home_page_names_a_teachers_role_in_each_language(teacher_client, language, text):
    response = teacher_client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE=language)
    assert text in response.content.decode()
