"""accounts.views.account: sign-up, log in and out (Django's views), changing a password (with a
limit on guessing the current one), a reset link by email, the lockout's message, and the home
page's sign-up links and teacher's role."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from accounts.models import User
from config.env import env_mailer
from tests.conftest import PASSWORD

NEW = "a brand new Pass-phrase 7"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


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
    assert response.redirect_chain[-1][0] == reverse("quizzes:home")


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
    assert client.get(reverse("quizzes:home")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert "landing-heading" in client.get(reverse("quizzes:home")).content.decode()


def test_logout_refuses_get(alice_client):
    assert alice_client.get(reverse("accounts:logout")).status_code == 405


def test_home_shows_visitors_what_dongxi_does_with_sign_up_and_log_in(client, db):
    response = client.get(reverse("quizzes:home"), HTTP_ACCEPT_LANGUAGE="en")
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
    assert "landing-heading" in client.get(reverse("quizzes:home")).content.decode()


@pytest.mark.parametrize(
    "language, text", [("en", "Teacher"), ("vi", "Giáo viên"), ("zh-hans", "教师")]
)
def test_the_home_page_names_a_teachers_role_in_each_language(teacher_client, language, text):
    response = teacher_client.get(reverse("quizzes:home"), HTTP_ACCEPT_LANGUAGE=language)
    assert text in response.content.decode()


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


def _reset_link(mailoutbox) -> str:
    line = next(line for line in mailoutbox[-1].body.splitlines() if "/password/reset/" in line)
    return line.split("testserver", 1)[1]


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


def test_the_account_pages_keep_their_addresses():
    assert reverse("accounts:login") == "/accounts/login/"
    assert reverse("accounts:password_reset_confirm", args=["MQ", "x-y"]) == (
        "/accounts/password/reset/MQ/x-y/"
    )
