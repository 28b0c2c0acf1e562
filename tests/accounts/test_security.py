"""The login lockout cannot be turned against others: addresses come from the proxy's header
only through a trusted proxy, a lock holds one username at one address for a short cool-off, and
the lockout page says how to recover."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.security import client_ip
from tests.conftest import PASSWORD

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.5"
OWNER = "198.51.100.7"


def _login(client: Client, password: str, username: str = "alice", **meta):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        HTTP_ACCEPT_LANGUAGE="en",
        **meta,
    )


def _hammer(times: int = 5, username: str = "alice", **meta) -> None:
    attacker = Client()
    for _ in range(times):
        _login(attacker, "wrong", username, **meta)


def _signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("quizzes:home")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the reset-request counters live in the cache
    yield
    cache.clear()


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]


def test_five_bad_passwords_from_the_proxy_address_do_not_lock_out_the_owner_elsewhere(
    alice, behind_proxy
):
    _hammer(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert (
        _login(Client(), "wrong", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER).status_code
        == 429
    )
    owner = _login(Client(), PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OWNER)
    assert _signed_in(owner)


def test_a_forwarded_header_from_a_client_that_is_no_proxy_is_ignored(alice, settings):
    settings.TRUSTED_PROXIES = []
    # The attacker writes the owner's address in the header, hoping to lock them out...
    _hammer(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=OWNER)
    assert _signed_in(_login(Client(), PASSWORD, REMOTE_ADDR=OWNER))
    # ...or a fresh address each time to dodge their own lockout: neither works.
    dodge = _login(Client(), "wrong", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert dodge.status_code == 429


def test_a_client_cannot_plant_an_address_in_front_of_the_real_one(behind_proxy):
    request = RequestFactory().get(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{OWNER}, {ATTACKER}"
    )
    assert client_ip(request) == ATTACKER


def test_trusted_proxies_may_be_networks_and_chains(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR=f"{OWNER}, 10.9.9.9"
    )
    assert client_ip(request) == OWNER


def test_a_garbled_header_through_the_proxy_falls_back_to_the_connection(behind_proxy):
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="<script>")
    assert client_ip(request) == PROXY


def test_bad_passwords_for_one_account_never_lock_the_address_for_others(alice, bob):
    _hammer(REMOTE_ADDR=ATTACKER)
    assert _signed_in(_login(Client(), PASSWORD, "bob", REMOTE_ADDR=ATTACKER))


def test_at_a_shared_address_the_owner_waits_only_the_short_cool_off(alice, settings):
    # Behind a school's NAT the attacker and the owner share an address.
    assert timedelta(minutes=5) >= settings.AXES_COOLOFF_TIME
    _hammer(REMOTE_ADDR=ATTACKER)
    assert _login(Client(), PASSWORD, REMOTE_ADDR=ATTACKER).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    assert _signed_in(_login(Client(), PASSWORD, REMOTE_ADDR=ATTACKER))


def test_hammering_during_the_lockout_does_not_extend_it(alice):
    _hammer(REMOTE_ADDR=ATTACKER)
    locked_at = AccessAttempt.objects.get().attempt_time
    _hammer(10, REMOTE_ADDR=ATTACKER)
    assert AccessAttempt.objects.get().attempt_time == locked_at


def test_the_lockout_page_says_how_long_to_wait_and_how_to_reset(alice):
    _hammer(REMOTE_ADDR=ATTACKER)
    response = _login(Client(), PASSWORD, REMOTE_ADDR=ATTACKER)
    html = response.content.decode()
    assert response.status_code == 429
    assert "logging in to this account from here is paused for 5 minutes" in html
    assert f'href="{reverse("accounts:password_reset")}"' in html
    assert "ask your teacher to set a new one" in html


def test_a_password_reset_by_email_ends_the_lockout(alice, mailoutbox):
    alice.email = "alice@example.com"
    alice.save()
    _hammer(REMOTE_ADDR=ATTACKER)
    Client().post(reverse("accounts:password_reset"), {"email": "alice@example.com"})
    link = next(line for line in mailoutbox[0].body.splitlines() if "/password/reset/" in line)
    owner = Client(REMOTE_ADDR=ATTACKER)
    form_url = owner.get(link.split("testserver", 1)[1])["Location"]
    new = "a brand new Pass-phrase 7"
    owner.post(form_url, {"new_password1": new, "new_password2": new})
    assert _signed_in(_login(owner, new, REMOTE_ADDR=ATTACKER))
