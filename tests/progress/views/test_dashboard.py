"""progress.views.dashboard: the learner's dashboard (who may see it, what it shows, the htmx
part, its queries), its "practise these facts" button, and a teacher's view of one class with its
CSV download."""

import csv
import io
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Classroom, User
from flashcards.models import Rating
from progress import stats
from quizzes import taking
from tests.support.users import PASSWORD

URL = reverse("progress:dashboard")
PRACTISE = reverse("progress:practise_weakest")


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


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
    # The passages and their facts are the same for every learner: cached by document version.
    with django_assert_num_queries(5):
        again = alice_client.get(
            URL, {"document": studied["document"].slug}, HTTP_HX_REQUEST="true"
        )
    assert again.content == part.content
    assert "HX-Request" in part["Vary"]
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
    # start (issue 20), cards due per day, ratings per day (reviews, and true retention's),
    # today's ratings and the cards due today (issue 16), last document, documents, passages
    # and facts (the same for every learner: read once per document version, then cached)
    with django_assert_num_queries(15):
        alice_client.get(URL)
    with django_assert_num_queries(13):
        alice_client.get(URL)
    now = timezone.now()
    start = now - timedelta(days=400)
    for i in range(30):
        record_attempt(alice, [0, 0.5, 1, 0], start + timedelta(hours=i))
    for i in range(60):
        card = make_card(alice, now + timedelta(days=i % 40), stability=3.0, last_review=now)
        log_review(alice, timezone.localdate(now) - timedelta(days=i * 7), card=card)
        log_review(alice, timezone.localdate(now) - timedelta(days=i), card=card, first=False)
    with django_assert_num_queries(13):
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


# -- the "practise these facts" button ------------------------------------------------------


def test_practising_sends_anonymous_visitors_to_log_in(client):
    assert reverse("accounts:login") in client.post(PRACTISE)["Location"]


def test_practising_needs_a_post(alice_client):
    assert alice_client.get(PRACTISE).status_code == 405


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
        response = alice_client.post(PRACTISE, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    f = studied["facts"]
    assert sent == [(alice, [f["f3"].pk, f["f1"].pk])]
    assert response.redirect_chain[-1][0] == reverse("progress:dashboard")
    assert "2 cards are now first in your review queue." in response.content.decode()


def test_with_no_cards_for_those_facts_it_says_so(alice_client, alice, record_attempt):
    record_attempt(alice, [0, 1, 1, 0])
    response = alice_client.post(PRACTISE, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert "You have no flashcards for these facts yet" in response.content.decode()


def test_with_nothing_weak_nothing_is_sent(alice_client, alice, record_attempt):
    record_attempt(alice, [1, 1, 1, 1])
    sent = []
    with mock.patch.object(taking, "bring_forward", lambda *args: sent.append(args)):
        response = alice_client.post(PRACTISE, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert sent == [] and "Nothing to practise yet" in response.content.decode()


def test_an_htmx_post_is_redirected_like_a_plain_one(alice_client):
    response = alice_client.post(PRACTISE, HTTP_HX_REQUEST="true")
    assert response.status_code == 302 and response["Location"] == reverse("progress:dashboard")


# -- a teacher's view of one class, and its CSV ---------------------------------------------


@pytest.fixture
def classroom(teacher, alice, bob):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice, bob)
    return classroom


@pytest.fixture
def other_teacher(db):
    return User.objects.create_user("toby", password=PASSWORD, is_teacher=True)


def class_urls(classroom):
    return [
        reverse("progress:class_progress", args=[classroom.pk]),
        reverse("progress:class_progress_csv", args=[classroom.pk]),
    ]


def test_the_class_pages_send_anonymous_visitors_to_log_in(client, classroom):
    for url in class_urls(classroom):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_student_of_the_class_is_refused(client, alice, classroom):
    client.force_login(alice)
    for url in class_urls(classroom):
        assert client.get(url).status_code == 403


def test_another_teacher_cannot_tell_the_class_exists(client, other_teacher, classroom):
    client.force_login(other_teacher)
    for url in class_urls(classroom):
        assert client.get(url).status_code == 404


def test_the_class_pages_only_answer_get(teacher_client, classroom):
    for url in class_urls(classroom):
        assert teacher_client.post(url).status_code == 405


def test_the_teacher_sees_each_students_scores_and_what_the_class_knows_least(
    teacher_client, alice, bob, classroom, record_attempt
):
    record_attempt(alice, [0, 1, 1, 0])  # 50%
    record_attempt(bob, [1, 1, 1, 0.5])  # 87.5% -> 88%
    html = teacher_client.get(class_urls(classroom)[0], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "alice" in html and "bob" in html
    assert "50%" in html and "88%" in html
    # f3: Alice 0, Bob 0.5 -> 25%, the least known.
    weakest = html.split('id="weakest-heading"')[1]
    assert weakest.index("事件三") < weakest.index("Sự kiện một")
    assert "25%" in weakest and "2 students studied it" in weakest


def test_the_csv_has_a_row_per_student_with_each_quizs_best_score(
    teacher_client, alice, bob, classroom, record_attempt
):
    record_attempt(alice, [0, 1, 1, 0])
    record_attempt(alice, [1, 1, 1, 1])
    response = teacher_client.get(class_urls(classroom)[1], HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["Username", "Name", "Last active"]
    assert rows[0][-1] == "Best score (%): Ôn tập"
    alice_row, bob_row = rows[1], rows[2]
    # Alice: two attempts, (50 + 100) / 2 = 75% on average, best 100%.
    assert alice_row[0] == "alice" and alice_row[5:7] == ["2", "75"] and alice_row[-1] == "100"
    assert bob_row[0] == "bob" and bob_row[5:7] == ["0", ""] and bob_row[-1] == ""


def test_the_class_page_query_count_does_not_grow_with_students(
    teacher_client, teacher, classroom, record_attempt, django_assert_num_queries
):
    url = class_urls(classroom)[0]
    for student in classroom.students.all():
        record_attempt(student, [0, 1, 1, 0])
    # session, user, class, students, scores per quiz, review activity, latest answers, card
    # recall, weakest facts
    with django_assert_num_queries(9):
        teacher_client.get(url)
    for i in range(10):
        student = User.objects.create_user(f"student{i}")
        classroom.students.add(student)
        record_attempt(student, [1, 0, 0.5, 1])
    with django_assert_num_queries(9):
        teacher_client.get(url)
