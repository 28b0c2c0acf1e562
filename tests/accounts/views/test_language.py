"""The interface language is saved on the account and follows the learner to a new device
(issue 16, item 10)."""

from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.conftest import PASSWORD


def _lang(response) -> str:
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


def test_the_switcher_saves_a_signed_in_users_choice(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:set_language"), {"language": "zh-hans", "next": "/"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.interface_language == "zh-hans"
    assert _lang(alice_client.get(reverse("quizzes:home"))) == "zh-hans"


def test_the_saved_language_follows_the_learner_to_a_new_device(alice):
    alice.interface_language = "zh-hans"
    alice.save()
    phone = Client()
    response = phone.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert response.cookies["django_language"].value == "zh-hans"
    assert _lang(phone.get(reverse("quizzes:home"))) == "zh-hans"


def test_the_account_wins_over_an_old_cookie_on_this_device(alice_client, alice):
    alice.interface_language = "en"
    alice.save()
    alice_client.cookies["django_language"] = "vi"
    response = alice_client.get(reverse("quizzes:home"))
    assert _lang(response) == "en"
    assert response.cookies["django_language"].value == "en"


def test_a_visitor_switches_without_an_account(client, db):
    client.post(reverse("accounts:set_language"), {"language": "en", "next": "/accounts/login/"})
    assert _lang(client.get(reverse("accounts:login"))) == "en"
    assert not User.objects.exclude(interface_language="").exists()


def test_signing_up_keeps_the_language_of_the_sign_up(client, db):
    client.cookies["django_language"] = "zh-hans"
    client.post(
        reverse("accounts:signup"),
        {"username": "lan", "email": "", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert User.objects.get(username="lan").interface_language == "zh-hans"


def test_an_unknown_language_is_not_saved(alice_client, alice):
    alice_client.post(reverse("accounts:set_language"), {"language": "fr", "next": "/"})
    alice.refresh_from_db()
    assert alice.interface_language == ""


def test_the_switcher_stays_where_it_always_was():
    assert reverse("accounts:set_language") == "/i18n/setlang/"
