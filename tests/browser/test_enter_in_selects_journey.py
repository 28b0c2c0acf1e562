"""Enter on a matching or ordering select checks the answer, as on a typed answer (issue 16,
item 11). English interface."""

import re

import pytest
from playwright.sync_api import expect

from quizzes.models import AttemptItem
from tests.conftest import PASSWORD


@pytest.mark.parametrize("qtype", ["matching", "ordering"])
def test_enter_on_a_select_checks_the_answer(page, live_server, alice, make_quiz, qtype):
    quiz = make_quiz([(qtype, "vi")])
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(quiz.get_absolute_url())
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/1/$"))
    page.wait_for_load_state()
    item = AttemptItem.objects.select_related("question").get()
    if qtype == "matching":
        selects = [f"select[name=match-{i}]" for i in range(len(item.question.answer))]
        values = [str(item.choices.index(right)) for _left, right in item.question.answer]
    else:
        selects = [f"select[name=rank-{i}]" for i in range(len(item.choices))]
        values = [str(item.question.answer.index(c) + 1) for c in item.choices]
    for selector, value in zip(selects, values, strict=True):
        page.locator(selector).select_option(value)
    page.locator(selects[-1]).focus()
    page.keyboard.press("Enter")
    expect(page.locator("#question-card .verdict")).to_contain_text("Correct")


def test_after_next_question_the_focus_stays_in_the_card(page, live_server, alice, make_quiz):
    quiz = make_quiz([("true_false", "vi"), ("single_choice", "vi"), ("matching", "vi")])
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(quiz.get_absolute_url())
    page.get_by_role("button", name="Start the quiz").click()
    for position in (1, 2):
        expect(page).to_have_url(re.compile(rf"/attempts/\d+/{position}/$"))
        page.wait_for_load_state()
        page.keyboard.press("1")
        page.keyboard.press("Enter")
        expect(page.locator("#question-card .verdict")).to_be_visible()
        page.get_by_role("link", name="Next question").click()
        expect(page).to_have_url(re.compile(rf"/attempts/\d+/{position + 1}/$"))
        expect(page.locator("#question-card .verdict")).to_have_count(0)
        # (A locator, not wait_for_function: the CSP forbids evaluating strings.)
        expect(page.locator("#question-card :focus")).to_have_count(1)
