"""The review pages: front, reveal, rating buttons with their intervals, rating and undo by plain
forms and by htmx, a second tab, typed answers, the done screen, and who may do what."""

import re
from datetime import timedelta

import pytest
from django.db.models import F
from django.urls import reverse

from content.templatetags.ruby import join_syllables
from flashcards import scheduling, services
from flashcards.models import LearnerCard, LearnerSettings, ReviewLog, State

HTMX = {"HTTP_HX_REQUEST": "true"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def field(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


@pytest.fixture
def studying(alice, document):
    services.start_studying(alice, document)
    return document


@pytest.fixture
def review_url(studying):
    return reverse("flashcards:deck_review", args=[studying.slug])


def show(client, url, card: LearnerCard, **extra):
    params = {"card": card.pk, "version": card.version, "show": 1, **extra}
    return client.get(url, params, **EN)


def test_anonymous_visitors_are_sent_to_log_in(client, document):
    for url in [
        reverse("flashcards:review"),
        reverse("flashcards:deck_review", args=[document.slug]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for url in [reverse("flashcards:rate"), reverse("flashcards:undo")]:
        response = client.post(url, {"card": 1, "version": 1, "rating": 3, "log": 1})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ReviewLog.objects.exists()


def test_the_wrong_method_is_refused(alice_client, review_url):
    assert alice_client.post(review_url).status_code == 405
    assert alice_client.get(reverse("flashcards:rate")).status_code == 405
    assert alice_client.get(reverse("flashcards:undo")).status_code == 405


def test_the_front_shows_one_card_and_a_show_answer_button(alice_client, review_url):
    html = alice_client.get(review_url, **EN).content.decode()
    assert 'data-side="front"' in html
    assert 'data-action="reveal"' in html and "Space" in html
    assert 'data-rating="' not in html
    assert '<script src="/static/js/review.js" defer>' in html


def test_the_back_shows_four_ratings_with_the_next_interval_on_each(
    alice_client, alice, review_url
):
    card = services.next_card(alice)
    html = show(alice_client, review_url, card).content.decode()
    assert 'data-side="back"' in html
    intervals = scheduling.preview(
        services.memory_of(card), card.due, scheduling.make_scheduler(fuzz=False)
    )
    for rating, label in [(1, "Again"), (2, "Hard"), (3, "Good"), (4, "Easy")]:
        button = re.search(rf'data-rating="{rating}">(.*?)</button>', html, re.S).group(1)
        assert label in button and f"<kbd>{rating}</kbd>" in button
        assert scheduling.short_interval(intervals[rating]) in button
    assert "1 min" in html and "10 min" in html


def test_chinese_is_shown_with_pinyin_ruby_and_read_aloud_buttons(alice_client, alice, studying):
    card = LearnerCard.objects.filter(user=alice, card__template="zh_vi").first()
    url = reverse("flashcards:deck_review", args=[studying.slug])
    html = show(alice_client, url, card).content.decode()
    term = card.note.term
    # The term is one word: its syllables written together over it, not one over each character.
    assert f"<ruby>{term.zh}<rt>{join_syllables(term.pinyin.split())}</rt></ruby>" in html
    assert f'Hán-Việt: <span lang="vi">{term.hanviet}</span>' in html
    assert f'data-speak="{term.zh}" data-speak-lang="zh-CN" hidden' in html
    assert f'data-speak="{term.vi}" data-speak-lang="vi-VN" hidden' in html
    assert 'class="flashcard-sources"' in html


def test_rating_by_a_plain_form_redirects_to_the_next_card(alice_client, alice, review_url):
    card = services.next_card(alice)
    response = alice_client.post(
        reverse("flashcards:rate"),
        {"card": card.pk, "version": card.version, "rating": 3, "deck": card.document.slug},
    )
    assert response.status_code == 302 and response["Location"] == review_url
    card.refresh_from_db()
    assert card.state == State.LEARNING and ReviewLog.objects.get().rating == 3
    html = alice_client.get(response["Location"]).content.decode()
    assert field(html, "card") != str(card.pk)


def test_rating_by_htmx_renders_the_next_card_in_place(alice_client, alice, review_url):
    card = services.next_card(alice)
    response = alice_client.post(
        reverse("flashcards:rate"),
        {"card": card.pk, "version": card.version, "rating": 4, "duration_ms": "1500"},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith('<section id="review"')
    assert field(html, "card") != str(card.pk)
    assert 'data-action="undo"' in html
    assert ReviewLog.objects.get().duration_ms == 1500
    assert "HX-Request" in response["Vary"]


def test_the_rating_and_undo_forms_keep_the_deck_under_review(
    alice_client, alice, studying, review_url
):
    """Rated in one document's deck, the next card and the undo stay in that deck; in the
    review of every deck, the forms name none."""
    for url, deck in ((review_url, studying.slug), (reverse("flashcards:review"), "")):
        card = services.next_card(alice)
        html = show(alice_client, url, card).content.decode()
        assert field(html, "deck") == deck
        response = alice_client.post(
            reverse("flashcards:rate"),
            {"card": card.pk, "version": card.version, "rating": 3, "deck": deck},
            **HTMX,
        )
        assert field(response.content.decode(), "deck") == deck  # the undo form's


def test_a_rating_from_a_second_tab_is_ignored_and_the_fresh_card_shown(
    alice_client, alice, review_url
):
    card = services.next_card(alice)
    post = {"card": card.pk, "version": card.version, "rating": 4}
    alice_client.post(reverse("flashcards:rate"), post, **HTMX)
    response = alice_client.post(reverse("flashcards:rate"), {**post, "rating": 1}, **HTMX, **EN)
    html = response.content.decode()
    assert "already rated in another tab" in html
    assert ReviewLog.objects.count() == 1 and ReviewLog.objects.get().rating == 4
    # Without htmx, the same: a message on the next page.
    response = alice_client.post(reverse("flashcards:rate"), post, follow=True, **EN)
    assert "already rated in another tab" in response.content.decode()
    assert ReviewLog.objects.count() == 1


def test_revealing_a_card_rated_meanwhile_in_another_tab_shows_the_next_one(
    alice_client, alice, review_url
):
    card = services.next_card(alice)
    services.rate(alice, card.pk, card.version, 4)
    html = alice_client.get(
        review_url, {"card": card.pk, "version": card.version, "show": 1}, **EN
    ).content.decode()
    assert "already rated in another tab" in html and 'data-side="front"' in html


def test_undo_shows_the_card_again_as_it_was(alice_client, alice, review_url):
    card = services.next_card(alice)
    alice_client.post(
        reverse("flashcards:rate"), {"card": card.pk, "version": card.version, "rating": 1}
    )
    log = ReviewLog.objects.get()
    response = alice_client.post(
        reverse("flashcards:undo"), {"log": log.pk, "deck": card.document.slug}, **HTMX, **EN
    )
    html = response.content.decode()
    assert field(html, "card") == str(card.pk) and 'data-side="front"' in html
    assert "The last rating was undone." in html
    assert not ReviewLog.objects.exists()
    card.refresh_from_db()
    assert card.state == State.NEW and card.reps == 0
    # A second undo (double click) finds nothing to undo.
    again = alice_client.post(reverse("flashcards:undo"), {"log": log.pk}, follow=True, **EN)
    assert "There is nothing to undo." in again.content.decode()


def test_undo_by_a_plain_form_redirects_to_the_restored_card(alice_client, alice, review_url):
    card = services.next_card(alice)
    log = services.rate(alice, card.pk, card.version, 3).log
    response = alice_client.post(
        reverse("flashcards:undo"), {"log": log.pk, "deck": card.document.slug}
    )
    assert response["Location"] == f"{review_url}?card={card.pk}"


def test_another_learners_cards_and_ratings_are_out_of_reach(
    alice_client, alice, bob, document, review_url
):
    services.start_studying(bob, document)
    bobs = services.next_card(bob)
    assert alice_client.get(review_url, {"card": bobs.pk}).status_code == 404
    for no_card in ("abc", "", str(2**63), "-1"):
        assert alice_client.get(review_url, {"card": no_card}).status_code == 404
    assert show(alice_client, review_url, bobs).status_code == 404
    post = {"card": bobs.pk, "version": bobs.version, "rating": 3}
    assert alice_client.post(reverse("flashcards:rate"), post).status_code == 404
    log = services.rate(bob, bobs.pk, bobs.version, 3).log
    alice_client.post(reverse("flashcards:undo"), {"log": log.pk})
    assert ReviewLog.objects.filter(pk=log.pk).exists()
    bobs.refresh_from_db()
    assert bobs.reps == 1


@pytest.mark.parametrize(
    "post",
    [
        {"card": "x", "version": 1, "rating": 3},
        {"card": 1, "version": 1, "rating": 9},
        {},
    ],
)
def test_a_garbled_rating_gets_a_message_not_an_error(alice_client, studying, post):
    response = alice_client.post(reverse("flashcards:rate"), post, follow=True, **EN)
    assert response.status_code == 200
    assert "That rating could not be read." in response.content.decode()
    assert not ReviewLog.objects.exists()


def test_garbled_card_ids_in_the_address_are_not_found(alice_client, review_url):
    assert alice_client.get(review_url, {"card": "x"}).status_code == 404


def test_an_unknown_deck_is_not_found(alice_client, db):
    url = reverse("flashcards:deck_review", args=["no-such-document"])
    assert alice_client.get(url).status_code == 404


def test_the_review_page_for_htmx_is_just_the_card_region(alice_client, review_url):
    response = alice_client.get(review_url, **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="review"') and "<nav" not in html
    assert "HX-Request" in response["Vary"]


def test_the_plain_review_page_is_whole_and_varies_on_htmx_too(alice_client, review_url):
    # A history restore (the back button after htmx swaps) needs the whole page as well.
    for headers in ({}, {**HTMX, "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}):
        response = alice_client.get(review_url, **headers)
        assert "<nav" in response.content.decode()
        assert "HX-Request" in response["Vary"]


def test_a_typed_answer_is_graded_as_in_a_quiz(alice_client, alice, review_url):
    LearnerSettings.objects.create(user=alice, type_answers=True)
    card = LearnerCard.objects.filter(user=alice, card__template="zh_vi").first()
    front = alice_client.get(review_url, {"card": card.pk}, **EN).content.decode()
    assert 'name="typed"' in front and "data-typed" in front
    term = card.note.term
    right = show(alice_client, review_url, card, typed=term.vi.lower()).content.decode()
    assert "verdict-right" in right
    assert re.search(r'rating-3 suggested" data-rating="3"', right)
    wrong = show(alice_client, review_url, card, typed="Hà Nội").content.decode()
    assert "verdict-wrong" in wrong and "rating-1 suggested" in wrong


def test_a_typed_name_of_another_place_is_wrong_and_says_so(alice_client, alice, review_url):
    LearnerSettings.objects.create(user=alice, type_answers=True)
    cards = LearnerCard.objects.filter(user=alice, card__template="zh_vi")
    card, other = cards[0], cards[1]
    html = show(alice_client, review_url, card, typed=other.note.term.vi).content.decode()
    assert "verdict-wrong" in html and "another name in the document, not this one" in html


def test_the_done_screen_gives_tomorrows_count(alice_client, alice, review_url):
    LearnerSettings.objects.create(user=alice, new_per_day=2)
    while card := services.next_card(alice):
        services.rate(alice, card.pk, card.version, 4)
    html = alice_client.get(review_url, **EN).content.decode()
    assert "Done for today" in html and "Tomorrow: 2 cards." in html
    assert 'data-side="' not in html


def test_a_learner_who_studies_nothing_is_told_how_to_start(alice_client, db):
    html = alice_client.get(reverse("flashcards:review"), **EN).content.decode()
    assert "No flashcards yet" in html and reverse("flashcards:decks") in html


def test_the_review_page_takes_a_fixed_number_of_queries(
    alice_client, alice, review_url, django_assert_num_queries
):
    for _ in range(3):
        card = services.next_card(alice)
        services.rate(alice, card.pk, card.version, 3)
    # session, user, deck, settings, today's ratings (the last of them is the one to undo), the
    # next card and what is left today (one query: the queue's three parts in order, with the
    # counts)
    with django_assert_num_queries(6):
        response = alice_client.get(review_url)
    assert response.status_code == 200
    # The undo button takes back the last of the three ratings.
    last = ReviewLog.objects.latest("pk").pk
    assert f'name="log" value="{last}"' in response.content.decode()
    card = services.next_card(alice)
    # the back: the card asked for, and what is left today
    with django_assert_num_queries(7):
        assert show(alice_client, review_url, card).status_code == 200


def test_a_rating_by_htmx_takes_a_fixed_number_of_queries(
    alice_client, alice, studying, django_assert_num_queries
):
    for _ in range(3):
        card = services.next_card(alice)
        services.rate(alice, card.pk, card.version, 3)
    card = services.next_card(alice)
    post = {"card": card.pk, "version": card.version, "rating": 3}
    # session, user, settings (read once for the rating and the next card); the rating: its
    # savepoint, the card, its update, its log, the release; then today's ratings, the next
    # card with what is left today (the rating just stored is the last one: no query for the
    # undo button)
    with django_assert_num_queries(10):
        response = alice_client.post(reverse("flashcards:rate"), post, **HTMX)
    assert response.status_code == 200 and 'data-action="undo"' in response.content.decode()
    assert f'name="log" value="{ReviewLog.objects.latest("pk").pk}"' in response.content.decode()


def test_without_a_rating_today_there_is_no_undo_and_no_query_for_it(
    alice_client, alice, review_url, django_assert_num_queries
):
    card = services.next_card(alice)
    services.rate(alice, card.pk, card.version, 3)
    ReviewLog.objects.update(review_day=F("review_day") - timedelta(days=1))  # yesterday's
    # session, user, deck, settings, today's ratings (none), the next card with what is left
    with django_assert_num_queries(6):
        html = alice_client.get(review_url, **EN).content.decode()
    assert 'data-action="undo"' not in html
