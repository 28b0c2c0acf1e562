"""Recovering an account: a reset link by email (Django's flow), a teacher setting a student's
password, and a limit on guessing the current password on the change form."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from accounts.models import Classroom, User
from config.env import env_mailer
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


def _reset_link(mailoutbox) -> str:
    line = next(line for line in mailoutbox[-1].body.splitlines() if "/password/reset/" in line)
    return line.split("testserver", 1)[1]


# -- by email -----------------------------------------------------------------------------------


def test_the_login_page_offers_the_reset(client, db):
    html = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        f'href="{reverse("accounts:password_reset")}"' in html and "Forgot your password?" in html
    )


def test_a_reset_link_by_email_sets_a_new_password_once(client, alice, mailoutbox):
    alice.email = "alice@example.com"
    alice.save()
    response = client.post(reverse("accounts:password_reset"), {"email": "alice@example.com"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["alice@example.com"]
    link = _reset_link(mailoutbox)
    form_url = client.get(link)["Location"]
    done = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    alice.refresh_from_db()
    assert alice.check_password(NEW)
    again = client.get(link, follow=True, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This link is not valid any more" in again


def test_asking_for_an_unknown_address_reveals_nothing(client, alice, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.com"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mailoutbox == []


def test_a_victims_inbox_is_not_flooded_with_reset_mails(alice, mailoutbox):
    alice.email = "alice@example.com"
    alice.save()
    for n in range(10):
        response = Client(REMOTE_ADDR=f"192.0.2.{n + 1}").post(
            reverse("accounts:password_reset"), {"email": "alice@example.com"}
        )
        assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 3


def test_one_address_cannot_ask_for_reset_links_without_end(client, db):
    for _ in range(10):
        client.post(reverse("accounts:password_reset"), {"email": "someone@example.com"})
    response = client.post(
        reverse("accounts:password_reset"),
        {"email": "someone@example.com"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 429
    assert "Too many requests from here. Try again in an hour." in response.content.decode()


def test_the_mailer_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    assert env_mailer("/tmp/mail")["BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    monkeypatch.setenv("EMAIL_BACKEND", "smtp")
    monkeypatch.setenv("EMAIL_HOST", "mail.example")
    monkeypatch.setenv("EMAIL_PORT", "2525")
    smtp = env_mailer("/tmp/mail")
    assert smtp["OPTIONS"]["host"] == "mail.example" and smtp["OPTIONS"]["port"] == 2525
    monkeypatch.setenv("EMAIL_BACKEND", "carrier-pigeon")
    with pytest.raises(ImproperlyConfigured):
        env_mailer("/tmp/mail")
    monkeypatch.setenv("EMAIL_BACKEND", "smtp")
    monkeypatch.setenv("EMAIL_PORT", "twenty-five")
    with pytest.raises(ImproperlyConfigured):
        env_mailer("/tmp/mail")


# -- by the teacher --------------------------------------------------------------------------


def _set_password(client, classroom, student, password=NEW):
    url = reverse("classes:student_password", args=[classroom.pk, student.pk])
    return client.post(url, {"new_password1": password, "new_password2": password})


def test_a_teacher_sets_a_new_password_for_a_student_of_their_class(
    teacher_client, classroom, alice
):
    page = teacher_client.get(classroom.get_absolute_url()).content.decode()
    assert reverse("classes:student_password", args=[classroom.pk, alice.pk]) in page
    response = _set_password(teacher_client, classroom, alice)
    assert response["Location"] == classroom.get_absolute_url()
    login = Client().post(reverse("accounts:login"), {"username": "alice", "password": NEW})
    assert login.status_code == 302 and login["Location"] == reverse("home")


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
    assert reverse("classes:student_password", args=[classroom.pk, colleague.pk]) not in page


def test_a_weak_temporary_password_is_refused(teacher_client, classroom, alice):
    response = _set_password(teacher_client, classroom, alice, "123")
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


# -- changing one's password -------------------------------------------------------------------


def _change(client, old, new=NEW):
    return client.post(
        reverse("accounts:password_change"),
        {"old_password": old, "new_password1": new, "new_password2": new},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_a_borrowed_session_cannot_guess_the_password_more_than_five_times(alice_client, alice):
    for _ in range(5):
        assert _change(alice_client, "guess").status_code == 200
    response = _change(alice_client, PASSWORD)
    assert response.status_code == 429
    assert "Too many wrong passwords. Try again in 15 minutes" in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
    cache.clear()  # the window has passed
    assert _change(alice_client, PASSWORD).status_code == 302


def test_one_users_wrong_guesses_do_not_block_another(alice_client, bob):
    for _ in range(5):
        _change(alice_client, "guess")
    client = Client()
    client.force_login(bob)
    assert _change(client, PASSWORD).status_code == 302


def test_a_mistyped_new_password_is_not_counted_as_a_guess(alice_client, alice):
    for _ in range(6):
        alice_client.post(
            reverse("accounts:password_change"),
            {"old_password": PASSWORD, "new_password1": NEW, "new_password2": "other"},
        )
    assert _change(alice_client, PASSWORD).status_code == 302
