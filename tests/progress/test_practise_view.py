"""The dashboard's "practise these facts" button."""

from unittest import mock

from django.urls import reverse

from quizzes import taking

URL = reverse("practise_weakest")


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert reverse("login") in client.post(URL)["Location"]


def test_practising_needs_a_post(alice_client):
    assert alice_client.get(URL).status_code == 405


def test_it_asks_the_flashcards_to_bring_the_weakest_facts_forward(
    alice_client, alice, bob, studied, record_attempt
):
    record_attempt(alice, [0, 1, 1, 0])  # f3 0%, f1 50%; f2 known
    record_attempt(bob, [0, 0, 0, 0])
    sent = []

    def bring_forward(user, fact_ids):
        sent.append((user, fact_ids))
        return len(fact_ids)

    with mock.patch.object(taking, "bring_forward", bring_forward):
        response = alice_client.post(URL, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    f = studied["facts"]
    assert sent == [(alice, [f["f3"].pk, f["f1"].pk])]
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert "2 cards are now first in your review queue." in response.content.decode()


def test_with_no_cards_for_those_facts_it_says_so(alice_client, alice, record_attempt):
    record_attempt(alice, [0, 1, 1, 0])
    response = alice_client.post(URL, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert "You have no flashcards for these facts yet" in response.content.decode()


def test_with_nothing_weak_nothing_is_sent(alice_client, alice, record_attempt):
    record_attempt(alice, [1, 1, 1, 1])
    sent = []
    with mock.patch.object(taking, "bring_forward", lambda *args: sent.append(args)):
        response = alice_client.post(URL, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert sent == [] and "Nothing to practise yet" in response.content.decode()


def test_an_htmx_post_is_redirected_like_a_plain_one(alice_client):
    response = alice_client.post(URL, HTTP_HX_REQUEST="true")
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
