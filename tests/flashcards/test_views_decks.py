"""The decks page, studying a document from it or from the document page, and the settings."""

import pytest
from django.urls import reverse

from content.models import Document
from flashcards import services
from flashcards.models import LearnerCard, LearnerSettings

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_anonymous_visitors_are_sent_to_log_in(client, document):
    for url in [reverse("flashcards:decks"), reverse("flashcards:settings")]:
        assert "/accounts/login/" in client.get(url)["Location"]
    response = client.post(reverse("flashcards:study", args=[document.slug]))
    assert "/accounts/login/" in response["Location"]
    assert not LearnerCard.objects.exists()


def test_the_wrong_method_is_refused(alice_client, document):
    assert alice_client.get(reverse("flashcards:study", args=[document.slug])).status_code == 405
    assert alice_client.post(reverse("flashcards:decks")).status_code == 405
    assert alice_client.put(reverse("flashcards:settings")).status_code == 405


def test_a_document_page_offers_to_study_it_as_flashcards(alice_client, document):
    html = alice_client.get(document.get_absolute_url(), **EN).content.decode()
    assert f'action="{reverse("flashcards:study", args=[document.slug])}"' in html
    assert "Study as flashcards" in html


def test_studying_creates_the_learners_cards_once_and_opens_the_review(
    alice_client, alice, document
):
    url = reverse("flashcards:study", args=[document.slug])
    response = alice_client.post(url, follow=True, **EN)
    count = LearnerCard.objects.filter(user=alice).count()
    assert response.redirect_chain[-1][0] == reverse("flashcards:deck_review", args=[document.slug])
    assert f"{count} cards added to your reviews." in response.content.decode()
    alice_client.post(url)
    assert LearnerCard.objects.filter(user=alice).count() == count


def test_studying_a_document_without_flashcards_says_so(alice_client, alice, db):
    document = Document.objects.create(slug="empty", languages="vi", source_text="x")
    url = reverse("flashcards:study", args=[document.slug])
    response = alice_client.post(url, follow=True, **EN)
    assert "no names or facts to make flashcards of" in response.content.decode()
    assert not LearnerCard.objects.filter(user=alice).exists()


def test_studying_an_unknown_document_is_not_found(alice_client, db):
    response = alice_client.post(reverse("flashcards:study", args=["nope"]))
    assert response.status_code == 404


def test_the_decks_page_shows_counts_for_studied_documents_and_offers_the_others(
    alice_client, alice, bob, documents, django_assert_num_queries
):
    studied, other = documents
    services.start_studying(alice, studied)
    services.start_studying(bob, other)
    total = LearnerCard.objects.filter(user=alice).count()
    new_today = min(total, LearnerSettings().new_per_day)
    # session, user, documents, settings, today's ratings, counts and totals per document
    with django_assert_num_queries(7):
        html = alice_client.get(reverse("flashcards:decks"), **EN).content.decode()
    assert f"0 due · {new_today} new · {total} cards" in html
    assert reverse("flashcards:deck_review", args=[studied.slug]) in html
    assert reverse("flashcards:study", args=[other.slug]) in html
    assert reverse("flashcards:deck_review", args=[other.slug]) not in html


def test_the_settings_start_at_the_defaults(alice_client, db):
    html = alice_client.get(reverse("flashcards:settings"), **EN).content.decode()
    assert 'name="desired_retention" value="0.9"' in html
    assert 'name="new_per_day" value="20"' in html
    assert 'name="reviews_per_day" value="200"' in html
    assert 'name="day_starts_at" value="4"' in html and "Next day starts at" in html


def test_a_learner_saves_their_settings(alice_client, alice):
    data = {"desired_retention": "0.85", "new_per_day": "5", "reviews_per_day": "50"}
    response = alice_client.post(reverse("flashcards:settings"), data, follow=True, **EN)
    assert "Your review settings were saved." in response.content.decode()
    learner = LearnerSettings.objects.get(user=alice)
    assert (learner.desired_retention, learner.new_per_day, learner.reviews_per_day) == (
        0.85,
        5,
        50,
    )
    assert learner.type_answers is False
    assert learner.day_starts_at == 4  # not posted: Anki's default


def test_a_learner_sets_the_hour_their_study_day_starts(alice_client, alice):
    data = {"desired_retention": "0.9", "new_per_day": "5", "reviews_per_day": "50"}
    alice_client.post(reverse("flashcards:settings"), {**data, "day_starts_at": "2"}, **EN)
    assert LearnerSettings.objects.get(user=alice).day_starts_at == 2


@pytest.mark.parametrize(
    "data",
    [
        {"desired_retention": "1.5", "new_per_day": "5", "reviews_per_day": "50"},
        {"desired_retention": "0.9", "new_per_day": "-1", "reviews_per_day": "50"},
        {"desired_retention": "abc", "new_per_day": "5", "reviews_per_day": "50"},
        {
            "desired_retention": "0.9",
            "new_per_day": "5",
            "reviews_per_day": "50",
            "day_starts_at": "24",
        },
    ],
)
def test_bad_settings_are_explained_and_nothing_is_saved(alice_client, alice, data):
    response = alice_client.post(reverse("flashcards:settings"), data, **EN)
    assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    assert not LearnerSettings.objects.filter(user=alice).exists()


def test_one_learners_settings_do_not_touch_anothers(alice_client, alice, bob):
    LearnerSettings.objects.create(user=bob, new_per_day=3)
    alice_client.post(
        reverse("flashcards:settings"),
        {"desired_retention": "0.8", "new_per_day": "7", "reviews_per_day": "70"},
    )
    assert LearnerSettings.objects.get(user=bob).new_per_day == 3


def test_the_navigation_and_home_page_lead_to_the_review(alice_client):
    html = alice_client.get(reverse("quizzes:home"), **EN).content.decode()
    assert f'href="{reverse("flashcards:review")}">Review</a>' in html
    assert "Review flashcards" in html
