"""The learner's dashboard page: who may see it, what it shows, the htmx part, its queries."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from flashcards.models import Rating
from quizzes.progress import stats

URL = reverse("dashboard")


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_dashboard_only_answers_get(alice_client):
    assert alice_client.post(URL).status_code == 405


def test_a_new_learner_is_told_what_will_appear(alice_client):
    html = alice_client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "You have not finished a quiz yet." in html
    assert "No weak facts" in html


def test_the_learner_sees_their_quiz_history_weakest_facts_and_tinted_paragraphs(
    alice_client, alice, studied, record_attempt
):
    record_attempt(alice, [0, 1, 1, 0])
    html = alice_client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Ôn tập" in html and "50%" in html  # the quiz and its score
    # f3 (0%) is the weakest, then f1 (q1a 0, q1b 1: 50%); f2 is known.
    assert html.index("事件三") < html.index("Sự kiện một")
    assert "Sự kiện hai" not in html.split('id="weakest-heading"')[1].split("</section>")[0]
    # Paragraph 1: (0.5 + 1) / 2 = 75%, learning; paragraph 2: 0%, weak.
    assert 'class="passage band-learning"' in html and "Mastery 75%" in html
    assert 'class="passage band-weak"' in html and "Mastery 0%" in html
    assert 'id="progress-data" type="application/json"' in html


def test_a_learner_never_sees_another_learners_answers(alice_client, bob, record_attempt):
    record_attempt(bob, [0, 0, 0, 0])
    html = alice_client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Tiến độ" in html  # the document is listed …
    assert "You have not finished a quiz yet." in html  # … but Bob's attempt is not hers
    assert "band-weak" not in html.split('id="mastery"')[1].split("<ul")[0]
    assert "Not studied yet" in html


def test_the_document_is_chosen_with_a_parameter_and_htmx_gets_that_part_alone(
    alice_client, studied, quiz_document, django_assert_num_queries
):
    full = alice_client.get(URL, {"document": quiz_document.slug})
    assert full["Vary"] and "HX-Request" in full["Vary"]
    assert "Sự kiện" not in full.content.decode()
    # session, user, documents, latest answers, card recall, passages and facts shown
    with django_assert_num_queries(7):
        part = alice_client.get(URL, {"document": studied["document"].slug}, HTTP_HX_REQUEST="true")
    html = part.content.decode()
    assert html.lstrip().startswith('<section id="mastery"')
    assert "Đoạn một." in html and "<html" not in html


def test_an_unknown_document_falls_back_to_a_known_one(alice_client, studied):
    response = alice_client.get(URL, {"document": "no-such-thing"})
    assert response.status_code == 200 and "Đoạn một." in response.content.decode()


def test_the_dashboard_query_count_does_not_grow_with_reviews_or_answers(
    alice_client, alice, studied, record_attempt, make_card, log_review, django_assert_num_queries
):
    record_attempt(alice, [1, 1, 0.5, 1])
    # session, user, attempts, latest answers, card recall, weakest facts, the learner's day
    # start (issue 20), cards due per day, reviews per day, ratings for true retention, today's
    # ratings and the cards due today (issue 16), last document, documents, passages and facts
    with django_assert_num_queries(16):
        alice_client.get(URL)
    now = timezone.now()
    start = now - timedelta(days=400)
    for i in range(30):
        record_attempt(alice, [0, 0.5, 1, 0], start + timedelta(hours=i))
    for i in range(60):
        card = make_card(alice, now + timedelta(days=i % 40), stability=3.0, last_review=now)
        log_review(alice, timezone.localdate(now) - timedelta(days=i * 7), card=card)
        log_review(alice, timezone.localdate(now) - timedelta(days=i), card=card, first=False)
    with django_assert_num_queries(16):
        alice_client.get(URL)


def test_the_learner_sees_cards_due_streak_and_retention_with_tables_for_the_charts(
    alice_client, alice, make_card, log_review
):
    now = timezone.now()
    today = stats.study_day(now)
    make_card(alice, now - timedelta(days=1))
    make_card(alice, now - timedelta(minutes=1))
    make_card(alice, now + timedelta(days=3))
    log_review(alice, today, Rating.GOOD)
    log_review(alice, today - timedelta(days=1), Rating.AGAIN)
    html = alice_client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<dd data-figure="due-today">2</dd>' in html
    assert '<dd data-figure="reviews-today">1</dd>' in html
    assert '<dd data-figure="streak">2 days</dd>' in html
    assert 'data-figure="retention-week">50%' in html  # one Good, one Again
    # Anki's true-retention table: today 1 of 1 (young), yesterday 0 of 1, the week 1 of 2.
    table = html[html.index('id="retention-table"') :]
    table = table[: table.index("</table>")]
    rows = [" ".join(row.split()) for row in table.split("<tr>")[2:]]
    assert rows[0].startswith('<th scope="row">Today</th> <td>100%</td> <td>—</td> <td>100%')
    assert rows[1].startswith('<th scope="row">Yesterday</th> <td>0%</td> <td>—</td> <td>0%')
    assert "<td>50%</td> <td>—</td> <td>50%" in rows[2] and "of 2 reviews" in rows[2]
    assert "3 cards are due in the next 30 days." in html
    assert "2 reviews on 2 days." in html
    # The charts' text equivalents: a table of the 30 days, one of the months.
    assert (
        html.count("<tr><td>", html.index('id="forecast-table"'), html.index('id="year-heading"'))
        == 30
    )
    assert 'aria-describedby="forecast-summary"' in html and 'id="year-table"' in html


def test_an_htmx_history_restore_gets_the_whole_page(alice_client, studied):
    response = alice_client.get(URL, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode()
