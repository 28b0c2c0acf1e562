"""A learner chooses the language of a practice quiz (issue 16, item 1): Chinese, and every
question comes in Chinese; the next time the quiz page remembers the choice. English UI."""

import re

import pytest
from playwright.sync_api import expect

from quizzes import taking
from quizzes.models import Attempt, AttemptItem
from tests.browser.conftest import check_a11y
from tests.conftest import PASSWORD
from tests.support.quiz_fixtures import TYPES


@pytest.fixture
def english(page, live_server):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return page


def test_a_learner_takes_a_practice_quiz_in_chinese(english, alice, make_quiz):
    page = english
    quiz = make_quiz(
        [(t, lang) for t in TYPES for lang in ("vi", "zh")],
        owner=None,
        language="mixed",
        order="random",
        draw=4,
    )
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(quiz.get_absolute_url())
    choice = page.locator("#practice-language")
    expect(choice.get_by_label("Mixed")).to_be_checked()
    check_a11y(page, "the language choice")
    choice.get_by_label("Chinese").check()
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/1/$"))
    expect(page.locator("#question-card [lang=zh-Hans]").first).to_be_visible()
    check_a11y(page, "a question in Chinese")
    assert set(AttemptItem.objects.values_list("question__language", flat=True)) == {"zh"}

    # Once that attempt is over, the quiz page offers the same choice again.
    taking.finish_attempt(Attempt.objects.get())
    page.goto(quiz.get_absolute_url())
    expect(page.locator("#practice-language").get_by_label("Chinese")).to_be_checked()
