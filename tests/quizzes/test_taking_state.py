"""The attempt's state machine, each rule as the attack it stops (one request at a time here; the
same rules under real concurrency are in test_taking_races.py):

- an answer that reaches the server after the attempt was finished is refused, never graded;
- the last answer finishes the attempt, once; a finished attempt's score is its items' sum;
- an attempt left open with every question answered (by an older version) is finished on the
  next visit, so no page sends the learner round in circles;
- a failed write is reported as failed and leaves nothing behind; a stored one is never
  reported as failed.
"""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from flashcards import services
from flashcards.models import LearnerCard, ReviewLog
from quizzes import taking
from quizzes.models import Attempt, AttemptItem, Quiz

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def en_client(alice_client):
    alice_client.cookies["django_language"] = "en"
    return alice_client


def _start(client, quiz) -> Attempt:
    client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    return Attempt.objects.filter(quiz=quiz).latest("started_at")


def _item(attempt, position=1) -> AttemptItem:
    return AttemptItem.objects.select_related("attempt", "attempt__quiz", "question").get(
        attempt=attempt, position=position
    )


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_starting_goes_straight_to_the_first_question_and_a_second_start_resumes(
    en_client, make_quiz
):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")])
    response = en_client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    # One redirect, not two: a phone on a slow network saves a round trip.
    assert response["Location"] == reverse("quizzes:attempt_item", args=[attempt.pk, 1])
    en_client.post(
        reverse("quizzes:attempt_answer", args=[attempt.pk, 1]), {"response": "Giang Tô"}
    )
    # A second tab's start resumes the open attempt where the learner stopped.
    again = en_client.post(reverse("quizzes:quiz_start", args=[quiz.pk]), follow=True)
    assert Attempt.objects.filter(quiz=quiz).count() == 1
    assert again.redirect_chain == [
        (reverse("quizzes:attempt", args=[attempt.pk]), 302),
        (reverse("quizzes:attempt_item", args=[attempt.pk, 2]), 302),
    ]


def test_starting_a_quiz_takes_a_fixed_number_of_queries(
    en_client, make_quiz, django_assert_num_queries
):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi"), ("single_choice", "vi")])
    # session, user, the quiz; the learner's attempts (open one, last number, how many) in one
    # query; the quiz's questions, their other-language variants; the attempt and its items,
    # between a savepoint and its release
    with django_assert_num_queries(10):
        response = en_client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    assert response["Location"] == reverse("quizzes:attempt_item", args=[attempt.pk, 1])
    assert attempt.items.count() == 3 and attempt.number == 1


def test_an_answer_posted_after_finish_now_is_refused_with_a_message(en_client, make_quiz):
    attempt = _start(en_client, make_quiz([("cloze", "vi"), ("true_false", "vi")]))
    en_client.post(reverse("quizzes:attempt_finish", args=[attempt.pk]))
    response = en_client.post(
        reverse("quizzes:attempt_answer", args=[attempt.pk, 1]),
        {"response": "Giang Tô"},
        follow=True,
    )
    assert response.redirect_chain[0][0] == reverse("quizzes:attempt_results", args=[attempt.pk])
    assert "This attempt was already finished: that answer was not recorded." in _messages(response)
    attempt.refresh_from_db()
    assert attempt.score == 0.0 and not attempt.items.filter(answered_at__isnull=False).exists()


def test_an_answer_loaded_before_the_finish_and_recorded_after_it_is_never_graded(make_quiz, alice):
    """The race, one step at a time: the answer's request read the attempt while it was open,
    "finish now" committed, then the answer tries to record."""
    attempt = taking.start_attempt(make_quiz([("cloze", "vi"), ("true_false", "vi")]), alice)
    stale = _item(attempt)
    assert not stale.attempt.is_finished
    assert taking.finish_attempt(Attempt.objects.get(pk=attempt.pk))
    recorded = taking.record_answer(stale, "Giang Tô")
    assert recorded.refused and recorded.finished and not recorded.item.is_answered
    attempt.refresh_from_db()
    assert attempt.score == 0.0
    assert not attempt.items.filter(answered_at__isnull=False).exists()


def test_the_last_of_two_stale_tabs_finishes_the_attempt_once_with_the_sum(make_quiz, alice):
    attempt = taking.start_attempt(make_quiz([("cloze", "vi"), ("true_false", "vi")]), alice)
    first_tab, second_tab = _item(attempt, 1), _item(attempt, 2)  # both saw an open attempt
    one = taking.record_answer(first_tab, "Giang Tô")
    two = taking.record_answer(second_tab, True)
    assert (one.finished, two.finished) == (False, True)
    assert not taking.finish_attempt(Attempt.objects.get(pk=attempt.pk))  # already finished
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 2.0


@pytest.mark.parametrize("feedback", [Quiz.Feedback.END, Quiz.Feedback.IMMEDIATE])
@pytest.mark.parametrize("entry", ["attempt", "attempt_item", "attempt_results"])
def test_an_open_attempt_with_every_question_answered_ends_on_its_results(
    en_client, make_quiz, feedback, entry
):
    """The redirect loop: an end-feedback attempt left open with every question answered sent
    the question page to the attempt, the attempt to its first question, and so on."""
    attempt = _start(
        en_client, make_quiz([("cloze", "vi"), ("true_false", "vi")], feedback=feedback)
    )
    AttemptItem.objects.filter(attempt=attempt).update(
        answered_at=attempt.started_at, score=1.0, correct=True, response="x"
    )
    args = [attempt.pk, 1] if entry == "attempt_item" else [attempt.pk]
    response = en_client.get(reverse(f"quizzes:{entry}", args=args), follow=True)
    if entry == "attempt_item" and feedback == Quiz.Feedback.IMMEDIATE:
        # The answered question shows its feedback; its way on leads to the results.
        assert response.status_code == 200 and not response.redirect_chain
        response = en_client.get(reverse("quizzes:attempt_results", args=[attempt.pk]), follow=True)
    assert response.status_code == 200 and len(response.redirect_chain) <= 3
    assert response.redirect_chain[-1][0] == reverse("quizzes:attempt_results", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 2.0


def test_a_failed_answer_is_reported_and_leaves_nothing_behind(en_client, make_quiz):
    """ "database is locked" while the last answer finished the attempt: before, the learner got
    a 500 for an answer that was stored anyway."""
    attempt = _start(en_client, make_quiz([("cloze", "vi")]))
    with mock.patch.object(taking, "_close", side_effect=OperationalError("database is locked")):
        response = en_client.post(
            reverse("quizzes:attempt_answer", args=[attempt.pk, 1]),
            {"response": "Giang Tô"},
            follow=True,
        )
    assert response.status_code == 200
    assert (
        "Your answer could not be saved. Nothing was recorded: please send it again."
        in _messages(response)
    )
    attempt.refresh_from_db()
    assert not attempt.is_finished and not _item(attempt).is_answered


def test_a_failed_rating_is_reported_and_leaves_nothing_behind(en_client, alice, quiz_document):
    services.start_studying(alice, quiz_document)
    card = LearnerCard.objects.filter(user=alice).first()
    if card is None:
        pytest.skip("the test document makes no cards")

    # The log's INSERT fails after the card's UPDATE, in the rating's one transaction.
    def locked(execute, sql, params, many, context):
        if sql.startswith(f'INSERT INTO "{ReviewLog._meta.db_table}"'):
            raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(locked):
        response = en_client.post(
            reverse("flashcards:rate"),
            {"card": card.pk, "version": card.version, "rating": 3},
            follow=True,
        )
    assert response.status_code == 200
    assert "Your rating could not be saved. Nothing was recorded: please rate again." in _messages(
        response
    )
    card.refresh_from_db()
    assert card.reps == 0 and not ReviewLog.objects.exists()
