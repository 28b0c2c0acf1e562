"""The small ones of issue 16, item 11: "time ran out" on results, quiz cards with their figures,
accent-insensitive bank search, select all in the bank, unique field ids in the quiz builder."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from quizzes import taking
from quizzes.models import Attempt


def test_the_results_say_the_time_ran_out(alice_client, alice, make_quiz):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")], time_limit=5)
    attempt = taking.start_attempt(quiz, alice)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    response = alice_client.get(
        reverse("quizzes:attempt_results", args=[attempt.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Time ran out" in response.content.decode()


def test_results_finished_in_time_say_nothing_of_time(alice_client, alice, make_quiz):
    quiz = make_quiz([("cloze", "vi")], time_limit=5)
    attempt = taking.start_attempt(quiz, alice)
    taking.finish_attempt(attempt)
    response = alice_client.get(
        reverse("quizzes:attempt_results", args=[attempt.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Time ran out" not in response.content.decode()


def test_quiz_cards_show_question_count_best_score_and_attempts_left(
    alice_client, alice, make_quiz
):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")], attempts_allowed=3)
    attempt = taking.start_attempt(quiz, alice)
    item = attempt.items.select_related("attempt__quiz", "question").get(position=1)
    taking.record_answer(item, item.question.answer)
    taking.finish_attempt(attempt)
    html = alice_client.get(
        reverse("quizzes:quiz_list"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "2 questions" in html and "Best score: 50%" in html and "2 of 3 left" in html
