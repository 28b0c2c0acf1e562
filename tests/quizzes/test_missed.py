"""Practise what I missed (issue 16, item 7): a short quiz of the missed questions, the
learner's own, reused for the same attempt; their facts' cards forward; authored questions
too."""

import pytest
from django.urls import reverse

from accounts.models import Classroom
from flashcards.models import LearnerCard
from quizzes import missed, taking
from quizzes.models import Assignment, Attempt, Question, Quiz


def _answer_all_wrong_but_first(attempt):
    for item in attempt.items.select_related("attempt__quiz", "question").order_by("position"):
        right = item.position == 1
        response = item.question.answer if right else _wrong(item)
        taking.record_answer(item, response)


def _wrong(item):
    if item.question.type == "true_false":
        return not item.question.answer
    return next(c for c in item.choices if c != item.question.answer) if item.choices else "x"


@pytest.fixture
def teachers_exam(make_quiz, make_question, teacher, alice):
    """A teacher's quiz of authored questions without facts, assigned to Alice's class."""
    authored = [
        make_question(t, "vi", origin=Question.Origin.AUTHORED, fact=None, key="", variant="")
        for t in ("single_choice", "true_false", "cloze")
    ]
    quiz = make_quiz(authored, owner=teacher)
    classroom = Classroom.objects.create(name="A1", teacher=teacher)
    classroom.students.add(alice)
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    return quiz


def test_a_teachers_authored_questions_missed_are_re_asked(teachers_exam, alice):
    attempt = taking.start_attempt(teachers_exam, alice)
    _answer_all_wrong_but_first(attempt)
    attempt.refresh_from_db()
    assert attempt.is_finished
    practice = missed.practise_missed(attempt)
    assert practice.questions == 2 and practice.cards == 0
    quiz = practice.quiz
    assert quiz.owner == alice and quiz.practice_of == attempt and quiz.is_published
    wrong = set(attempt.items.filter(correct=False).values_list("question", flat=True))
    assert set(quiz.questions.values_list("pk", flat=True)) == wrong
    again = taking.start_attempt(quiz, alice)
    assert set(again.items.values_list("question", flat=True)) == wrong
    # Asking again reuses the same practice quiz.
    assert missed.practise_missed(attempt).quiz == quiz


def test_the_missed_facts_cards_come_forward(make_quiz, alice):
    quiz = make_quiz([("cloze", "vi"), ("single_choice", "vi")], feedback="end")
    attempt = taking.start_attempt(quiz, alice)
    _answer_all_wrong_but_first(attempt)
    practice = missed.practise_missed(Attempt.objects.get(pk=attempt.pk))
    assert practice.cards > 0
    assert LearnerCard.objects.filter(user=alice, forwarded=True).exists()


def test_the_results_button_starts_the_practice_of_a_teachers_quiz(client, alice, teachers_exam):
    client.force_login(alice)
    attempt = taking.start_attempt(teachers_exam, alice)
    _answer_all_wrong_but_first(attempt)
    response = client.post(reverse("quizzes:attempt_practise", args=[attempt.pk]))
    again = Attempt.objects.get(quiz__practice_of=attempt)
    # Straight to its first question: a new attempt starts at position 1.
    assert response["Location"] == reverse("quizzes:attempt_item", args=[again.pk, 1])
    page = client.get(again.quiz.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Your own practice of the questions you missed" in page
    assert "exactly as your students will" not in page


def test_nobody_else_sees_a_learners_practice(client, bob, alice, make_quiz):
    attempt = taking.start_attempt(make_quiz([("cloze", "vi")]), alice)
    _answer_all_wrong_but_first(attempt)
    taking.finish_attempt(attempt)
    assert attempt.items.get().correct  # nothing missed the first time
    # A wrong answer on a second attempt makes a practice quiz, seen by Alice alone.
    second = taking.start_attempt(attempt.quiz, alice)
    taking.record_answer(second.items.select_related("attempt__quiz", "question").get(), "Huế")
    practice = missed.practise_missed(Attempt.objects.get(pk=second.pk))
    client.force_login(bob)
    assert client.get(practice.quiz.get_absolute_url()).status_code == 404
    assert not Quiz.objects.filter(owner=bob).exists()
