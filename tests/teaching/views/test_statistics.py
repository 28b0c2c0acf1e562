"""A quiz's statistics page and CSV downloads, checked against figures worked out by hand (the
set of tests/quizzes/test_statistics.py, MIXED: four learners, three one-mark questions)."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from quizzes.models import Attempt, AttemptItem, Quiz
from teaching import building
from tests.support.users import PASSWORD

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}

#        Q1 single choice   Q2 true/false   Q3 cloze       | total
#   S1   Giang Tô  ✓        True  ✓         Giang Tô   ✓   |   3
#   S2   Giang Tô  ✓        True  ✓         Quảng Đông ✗   |   2
#   S3   Giang Tô  ✓        False ✗         Sơn Đông   ✗   |   1
#   S4   Sơn Đông  ✗        False ✗         Giang Tô   ✓   |   1
MIXED = [
    [("Giang Tô", 1), (True, 1), ("Giang Tô", 1)],
    [("Giang Tô", 1), (True, 1), ("Quảng Đông", 0)],
    [("Giang Tô", 1), (False, 0), ("Sơn Đông", 0)],
    [("Sơn Đông", 0), (False, 0), ("Giang Tô", 1)],
]


@pytest.fixture
def quiz(make_question, document, teacher):
    quiz = Quiz.objects.create(
        title="Bài kiểm tra", document=document, owner=teacher, status="published"
    )
    questions = [make_question(t, "vi") for t in ("single_choice", "true_false", "cloze")]
    building.add(quiz, teacher, [q.pk for q in questions])
    return quiz


def _attempt(quiz, user, answers, number=1, minutes=0):
    started = timezone.now() - timedelta(days=1) + timedelta(minutes=minutes)
    attempt = Attempt.objects.create(
        quiz=quiz,
        user=user,
        number=number,
        started_at=started,
        finished_at=started + timedelta(minutes=5),
        score=sum(score for _, score in answers),
        max_score=len(answers),
    )
    entries = list(quiz.entries.select_related("question").order_by("position"))
    AttemptItem.objects.bulk_create(
        AttemptItem(
            attempt=attempt,
            position=i,
            question=entry.question,
            choices=entry.question.choices,
            response=response,
            score=score,
            correct=bool(score),
            answered_at=started,
        )
        for i, (entry, (response, score)) in enumerate(zip(entries, answers, strict=True), 1)
    )
    return attempt


@pytest.fixture
def learners(quiz):
    users = [User.objects.create_user(f"s{i}", password=PASSWORD) for i in range(1, 5)]
    for i, (user, answers) in enumerate(zip(users, MIXED, strict=True)):
        _attempt(quiz, user, answers, minutes=i)
    return users


def _rows(report):
    return [
        (round(r.facility, 2), round(r.sd, 2), round(r.discrimination, 2), round(r.efficiency, 2))
        for r in report.rows
    ]


def test_the_figures_match_the_ones_worked_out_by_hand(teacher_client, quiz, learners):
    response = teacher_client.get(reverse("teaching:quiz_statistics", args=[quiz.pk]), **EN)
    report = response.context["report"]
    # Q1: F = 3/4; SD = .5; DI = 0; DE = 0.  Q2: F = .5; SD = √(1/3); DI = √12/6; DE = 1.
    # Q3: F = .5; SD = √(1/3); DI = −1/√11; DE = −1/3 (tests/quizzes/test_statistics.py).
    assert _rows(report) == [
        (75.0, 50.0, 0.0, 0.0),
        (50.0, 57.74, 57.74, 100.0),
        (50.0, 57.74, -30.15, -33.33),
    ]
    assert report.overall.attempts == 4 and report.overall.mean == pytest.approx(1.75)
    html = response.content.decode()
    assert "57.74%" in html and "-30.15%" in html
    assert "Negative discrimination" in html and "Low efficiency" in html
    assert "probably ambiguous or keyed wrong" in html


def test_each_questions_responses_show_which_wrong_answers_were_chosen(
    teacher_client, quiz, learners
):
    response = teacher_client.get(reverse("teaching:quiz_statistics", args=[quiz.pk]), **EN)
    q1, q2, q3 = response.context["report"].rows
    assert [(r.text, r.count, r.share, r.right) for r in q1.responses] == [
        ("Giang Tô", 3, 75.0, True),
        ("Sơn Đông", 1, 25.0, False),
    ]
    assert [(r.text, r.count) for r in q2.responses] == [("True", 2), ("False", 2)]
    assert {r.text for r in q3.responses} == {"Giang Tô", "Quảng Đông", "Sơn Đông"}
    assert "Quảng Đông" in response.content.decode()


def test_a_question_removed_from_the_quiz_keeps_its_figures_and_responses(
    teacher_client, quiz, learners, django_assert_num_queries
):
    """Asked in attempts, then taken out of the quiz: still reported (after the quiz's own
    questions), read in one more query."""
    removed = quiz.entries.get(position=2)
    removed.delete()
    url = reverse("teaching:quiz_statistics", args=[quiz.pk])
    with django_assert_num_queries(7):
        response = teacher_client.get(url, **EN)
    rows = response.context["report"].rows
    assert [(r.question.pk, r.in_quiz) for r in rows][-1] == (removed.question_id, False)
    assert [(r.text, r.count) for r in rows[-1].responses] == [("True", 2), ("False", 2)]


def test_first_attempts_by_default_and_every_attempt_on_request(teacher_client, quiz, learners):
    # S4 tries again and gets everything right: with every attempt, Q1 is right 4 times in 5.
    _attempt(quiz, learners[3], [("Giang Tô", 1), (True, 1), ("Giang Tô", 1)], 2, minutes=30)
    url = reverse("teaching:quiz_statistics", args=[quiz.pk])
    first = teacher_client.get(url).context["report"]
    every = teacher_client.get(url, {"attempts": "all"}).context["report"]
    assert first.overall.attempts == 4 and first.rows[0].facility == 75.0
    assert every.overall.attempts == 5 and every.rows[0].facility == 80.0
    assert every.learners == 4


def test_the_owners_previews_and_unfinished_attempts_are_left_out(
    teacher_client, quiz, learners, teacher, alice
):
    _attempt(quiz, teacher, [("Sơn Đông", 0), (False, 0), ("Sơn Đông", 0)])
    Attempt.objects.create(quiz=quiz, user=alice, number=1, max_score=3)
    report = teacher_client.get(reverse("teaching:quiz_statistics", args=[quiz.pk])).context[
        "report"
    ]
    assert report.overall.attempts == 4


def test_the_csv_has_translated_headers_and_figures_in_percent(teacher_client, quiz, learners):
    response = teacher_client.get(reverse("teaching:quiz_statistics_csv", args=[quiz.pk]), **EN)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Question", "Attempts", "Facility index (%)"]
    assert rows[1][1:6] == ["4", "75.00", "50.00", "0.00", "0.00"]
    assert rows[1][0].startswith("Q1. Tỉnh ____")
    assert rows[3][4] == "-30.15" and "Negative discrimination" in rows[3][6]


def test_the_responses_csv_lists_each_distinct_response(teacher_client, quiz, learners):
    response = teacher_client.get(reverse("teaching:quiz_responses_csv", args=[quiz.pk]), **EN)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Question", "Response", "Count", "Share (%)", "Score (%)"]
    assert rows[1][1:] == ["Giang Tô", "3", "75.00", "100.00"]


def test_the_switch_answers_htmx_with_the_figures_alone(teacher_client, quiz, learners):
    url = reverse("teaching:quiz_statistics", args=[quiz.pk])
    response = teacher_client.get(url, {"attempts": "all"}, HTTP_HX_REQUEST="true")
    assert response.content.decode().lstrip().startswith('<div id="statistics"')
    assert "HX-Request" in response["Vary"]


def test_a_quiz_nobody_took_shows_an_empty_report(teacher_client, quiz):
    response = teacher_client.get(reverse("teaching:quiz_statistics", args=[quiz.pk]), **EN)
    assert "No learner has finished this quiz yet." in response.content.decode()


def test_the_query_count_does_not_grow_with_the_attempts(
    teacher_client, quiz, learners, django_assert_num_queries
):
    url = reverse("teaching:quiz_statistics", args=[quiz.pk])
    # session, user, quiz, its questions, attempts, their items with their questions
    with django_assert_num_queries(6):
        teacher_client.get(url)
    more = [User.objects.create_user(f"t{i}", password=PASSWORD) for i in range(10)]
    for i, user in enumerate(more):
        _attempt(quiz, user, MIXED[i % 4], minutes=10 + i)
    with django_assert_num_queries(6):
        assert teacher_client.get(url).context["report"].overall.attempts == 14


ATTACK = '=HYPERLINK("http://x","Open")'


def test_a_typed_hyperlink_answer_does_not_become_a_link_in_the_teachers_responses_csv(
    teacher_client,
    quiz,
):
    student = User.objects.create_user("mallory", password=PASSWORD)
    _attempt(quiz, student, [("Giang Tô", 1), (True, 1), (ATTACK, 0)])
    response = teacher_client.get(reverse("teaching:quiz_responses_csv", args=[quiz.pk]), **EN)
    rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    cells = [cell for row in rows for cell in row]
    assert "'" + ATTACK in cells
    assert ATTACK not in cells


def test_responses_of_every_kind_are_written_as_the_learners_gave_them(
    teacher_client, make_question, document, teacher
):
    """Choices in the question's order, pairs and orders with arrows; an item left unanswered
    is an empty response, counted like any other."""
    quiz = Quiz.objects.create(title="Lists", document=document, owner=teacher, status="published")
    kinds = ("multiple_choice", "matching", "ordering")
    building.add(quiz, teacher, [make_question(t, "vi").pk for t in kinds])
    chosen = ["Tân Cương", "Giang Tô"]
    paired = [["Giang Tô", "Tây Tạng"], ["Thượng Hải", "Tân Cương"]]
    ordered = ["b", "a"]
    for i, user in enumerate(User.objects.create_user(f"l{i}") for i in range(3)):
        answers = [(chosen, 0), (paired, 0), (ordered, 0)] if i else [(None, 0)] * 3
        _attempt(quiz, user, answers, minutes=i)
    response = teacher_client.get(reverse("teaching:quiz_statistics", args=[quiz.pk]), **EN)
    rows = response.context["report"].rows
    assert [[(r.text, r.count) for r in row.responses] for row in rows] == [
        [("Giang Tô / Tân Cương", 2), ("", 1)],
        [("Giang Tô → Tây Tạng · Thượng Hải → Tân Cương", 2), ("", 1)],
        [("b → a", 2), ("", 1)],
    ]


def test_each_response_is_written_out_once_per_question_whoever_gave_it(
    teacher_client, quiz, learners, monkeypatch
):
    """Fourteen attempts give seven distinct responses to the three questions: the report
    writes seven, not one per item (a class of 200 gave thousands)."""
    from teaching import report

    more = [User.objects.create_user(f"t{i}", password=PASSWORD) for i in range(10)]
    for i, user in enumerate(more):
        _attempt(quiz, user, MIXED[i % 4], minutes=10 + i)
    written = []
    real = report.response_text

    def counted(question, response):
        written.append((question.pk, response))
        return real(question, response)

    monkeypatch.setattr(report, "response_text", counted)
    page = teacher_client.get(reverse("teaching:quiz_statistics", args=[quiz.pk]), **EN)
    assert page.context["report"].overall.attempts == 14
    assert len(written) == len(set(written)) == 7
