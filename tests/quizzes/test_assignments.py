"""Who may take which quiz, and when (quizzes.assignments): practice quizzes for everyone, a
teacher's quiz for its owner and for the students of a class it is assigned to, between the
assignment's opening and closing times; an attempt ends at the closing time at the latest."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Classroom
from quizzes import assignments, taking
from quizzes.models import Assignment, Quiz

HOUR = timedelta(hours=1)


@pytest.fixture
def classroom(teacher, alice):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice)
    return classroom


@pytest.fixture
def tess_quiz(make_quiz, teacher):
    return make_quiz([("cloze", "vi"), ("true_false", "vi")], owner=teacher)


def _assign(classroom, quiz, opens=-1, closes=None) -> Assignment:
    now = timezone.now()
    return Assignment.objects.create(
        classroom=classroom,
        quiz=quiz,
        opens_at=now + opens * HOUR,
        closes_at=now + closes * HOUR if closes is not None else None,
    )


def test_a_practice_quiz_is_open_to_every_signed_in_user(make_quiz, alice, bob):
    quiz = make_quiz()
    for user in (alice, bob):
        assert quiz in assignments.visible_quizzes(user)
        assert assignments.access(quiz, user) == assignments.Access()


def test_a_teachers_quiz_is_hidden_from_learners_it_is_not_assigned_to(tess_quiz, alice):
    assert tess_quiz not in assignments.visible_quizzes(alice)
    assert assignments.access(tess_quiz, alice).refusal == "not_assigned"
    with pytest.raises(taking.QuizUnavailable):
        taking.start_attempt(tess_quiz, alice)


def test_an_assigned_quiz_is_open_to_the_classs_students_only(tess_quiz, classroom, alice, bob):
    _assign(classroom, tess_quiz, opens=-1, closes=2)
    assert tess_quiz in assignments.visible_quizzes(alice)
    assert tess_quiz not in assignments.visible_quizzes(bob)
    assert taking.start_attempt(tess_quiz, alice).items.count() == 2


def test_an_assignment_not_open_yet_is_hidden_and_cannot_be_started(tess_quiz, classroom, alice):
    assignment = _assign(classroom, tess_quiz, opens=2)
    assert tess_quiz not in assignments.visible_quizzes(alice)
    access = assignments.access(tess_quiz, alice)
    assert access.refusal == "not_open_yet" and access.opens_at == assignment.opens_at


def test_after_closing_the_quiz_is_still_seen_but_no_attempt_starts(tess_quiz, classroom, alice):
    _assign(classroom, tess_quiz, opens=-3, closes=-1)
    assert tess_quiz in assignments.visible_quizzes(alice)
    with pytest.raises(taking.QuizUnavailable) as refusal:
        taking.start_attempt(tess_quiz, alice)
    assert refusal.value.code == "closed"


def test_an_unpublished_quiz_is_hidden_even_when_assigned(tess_quiz, classroom, alice):
    _assign(classroom, tess_quiz)
    Quiz.objects.filter(pk=tess_quiz.pk).update(status=Quiz.Status.DRAFT)
    tess_quiz.refresh_from_db()
    assert tess_quiz not in assignments.visible_quizzes(alice)
    assert assignments.access(tess_quiz, alice).refusal == "not_published"


def test_the_owner_previews_a_draft_without_the_attempts_limit(make_quiz, teacher):
    quiz = make_quiz([("cloze", "vi")], owner=teacher, status="draft", attempts_allowed=1)
    assert quiz in assignments.visible_quizzes(teacher)
    for _ in range(2):
        taking.finish_attempt(taking.start_attempt(quiz, teacher))
    assert taking.attempts_left(quiz, teacher) is None


def test_an_attempt_ends_at_the_closing_time_when_it_comes_before_the_time_limit(
    tess_quiz, classroom, alice
):
    assignment = _assign(classroom, tess_quiz, opens=-1, closes=0.25)
    Quiz.objects.filter(pk=tess_quiz.pk).update(time_limit=60)
    tess_quiz.refresh_from_db()
    attempt = taking.start_attempt(tess_quiz, alice)
    assert attempt.deadline == assignment.closes_at


def test_the_time_limit_wins_when_it_comes_first(tess_quiz, classroom, alice):
    _assign(classroom, tess_quiz, opens=-1, closes=5)
    Quiz.objects.filter(pk=tess_quiz.pk).update(time_limit=10)
    tess_quiz.refresh_from_db()
    attempt = taking.start_attempt(tess_quiz, alice)
    assert attempt.deadline == attempt.started_at + timedelta(minutes=10)


def test_an_answer_sent_after_closing_is_not_counted(tess_quiz, classroom, alice):
    assignment = _assign(classroom, tess_quiz, opens=-1, closes=1)
    attempt = taking.start_attempt(tess_quiz, alice)
    item = attempt.items.select_related("attempt__quiz", "question").get(position=1)
    late = assignment.closes_at + timedelta(minutes=1)
    recorded = taking.record_answer(item, "Giang Tô", now=late)
    assert recorded.late and recorded.finished
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 0


def test_the_latest_closing_time_counts_when_the_quiz_is_set_to_two_classes(
    tess_quiz, classroom, teacher, alice
):
    other = Classroom.objects.create(name="Lớp 10B", teacher=teacher)
    other.students.add(alice)
    _assign(classroom, tess_quiz, opens=-1, closes=1)
    later = _assign(other, tess_quiz, opens=-1, closes=3)
    assert assignments.access(tess_quiz, alice).closes_at == later.closes_at


def test_an_assignment_must_close_after_it_opens(tess_quiz, classroom):
    assignment = Assignment(
        classroom=classroom,
        quiz=tess_quiz,
        opens_at=timezone.now(),
        closes_at=timezone.now() - HOUR,
    )
    with pytest.raises(ValidationError) as error:
        assignment.full_clean()
    assert "closes_at" in error.value.message_dict


def test_only_a_published_quiz_of_the_classs_teacher_may_be_assigned(
    make_quiz, classroom, other_teacher
):
    theirs = make_quiz([("cloze", "vi")], owner=other_teacher)
    draft = make_quiz([("cloze", "vi")], owner=classroom.teacher, status="draft")
    with translation.override("en"):
        with pytest.raises(ValidationError, match="your own quizzes"):
            Assignment(classroom=classroom, quiz=theirs).full_clean()
        with pytest.raises(ValidationError, match="Publish the quiz"):
            Assignment(classroom=classroom, quiz=draft).full_clean()


def test_the_home_rows_put_open_assignments_first_with_the_best_score(
    make_quiz, teacher, classroom, alice
):
    due_soon = make_quiz([("cloze", "vi")], owner=teacher, title="Due soon")
    no_end = make_quiz([("cloze", "vi")], owner=teacher, title="No end")
    later = make_quiz([("cloze", "vi")], owner=teacher, title="Later")
    closed = make_quiz([("cloze", "vi")], owner=teacher, title="Closed")
    _assign(classroom, no_end, opens=-1)
    _assign(classroom, due_soon, opens=-1, closes=1)
    _assign(classroom, later, opens=24)
    _assign(classroom, closed, opens=-3, closes=-1)
    attempt = taking.start_attempt(due_soon, alice)
    item = attempt.items.select_related("attempt__quiz", "question").get()
    taking.record_answer(item, "Giang Tô")
    rows = assignments.for_learner(alice)
    assert [a.quiz.title for a in rows.open] == ["Due soon", "No end"]
    assert [a.quiz.title for a in rows.upcoming] == ["Later"]
    assert rows.open[0].best == 100.0 and rows.open[0].started
    assert rows.open[1].best is None and not rows.open[1].started


def test_a_class_assignment_counts_the_students_who_finished_it(
    tess_quiz, classroom, alice, bob, teacher
):
    classroom.students.add(bob)
    _assign(classroom, tess_quiz)
    taking.finish_attempt(taking.start_attempt(tess_quiz, alice))
    taking.finish_attempt(taking.start_attempt(tess_quiz, alice))
    taking.start_attempt(tess_quiz, bob)  # not finished
    taking.finish_attempt(taking.start_attempt(tess_quiz, teacher))  # the owner's preview
    (row,) = assignments.for_class(classroom)
    assert row.completed == 1


def test_the_quiz_page_tells_a_student_it_closed(tess_quiz, classroom, alice_client):
    _assign(classroom, tess_quiz, opens=-3, closes=-1)
    html = alice_client.get(reverse("quizzes:quiz", args=[tess_quiz.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "This quiz is closed" in html.content.decode()
    assert "Start the quiz" not in html.content.decode()


def test_the_quiz_list_shows_an_open_assignment_but_not_an_upcoming_one(
    make_quiz, teacher, classroom, alice_client
):
    _assign(classroom, make_quiz([("cloze", "vi")], owner=teacher, title="Open one"))
    _assign(classroom, make_quiz([("cloze", "vi")], owner=teacher, title="Future"), opens=5)
    html = alice_client.get(reverse("quizzes:quiz_list")).content.decode()
    assert "Open one" in html and "Future" not in html
