"""Practise what I missed in the browser (issue 16, item 7): a learner misses two authored
questions of a teacher's quiz, and the results page's button re-asks exactly those two as a
short quiz of their own. English interface."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Classroom
from quizzes.models import Assignment, AttemptItem, Question
from tests.support.browser import check_a11y, question_ready
from tests.support.users import PASSWORD


@pytest.fixture
def english(page, live_server):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return page


def test_a_learner_practises_the_authored_questions_they_missed(
    english, alice, teacher, make_quiz, make_question
):
    page = english
    authored = [
        make_question(t, "vi", origin=Question.Origin.AUTHORED, fact=None, key="", variant="")
        for t in ("true_false", "cloze")
    ]
    quiz = make_quiz(authored, owner=teacher, title="Bài của cô Tess")
    classroom = Classroom.objects.create(name="A1", teacher=teacher)
    classroom.students.add(alice)
    Assignment.objects.create(classroom=classroom, quiz=quiz)

    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(quiz.get_absolute_url())
    page.get_by_role("button", name="Start the quiz").click()

    # Both wrong: "False" for a true statement, a wrong name in the blank.
    expect(page).to_have_url(re.compile(r"/attempts/\d+/1/$"))
    page.wait_for_load_state()  # htmx has bound the form
    page.get_by_label("False").check()
    page.locator("[data-answer-form] button[type=submit]").click()
    expect(page.locator(".verdict")).to_be_visible()
    check_a11y(page, "the feedback")
    page.get_by_role("link", name="Next question").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/2/$"))
    question_ready(page)
    page.locator("input.typed-answer").fill("Huế")
    page.locator("[data-answer-form] button[type=submit]").click()
    page.get_by_role("link", name="See your results").click()

    page.get_by_role("button", name="Practise the 2 questions I missed").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/1/$"))
    items = AttemptItem.objects.filter(attempt__quiz__practice_of__isnull=False)
    assert sorted(items.values_list("question_id", flat=True)) == sorted(q.pk for q in authored)
    page.goto(items.first().attempt.quiz.get_absolute_url())
    expect(page.locator(".notice")).to_contain_text("Your own practice of the questions you missed")
    check_a11y(page, "the practice of the missed questions")
