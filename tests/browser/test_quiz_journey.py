"""A learner takes a quiz from the keyboard, in Chinese and in Vietnamese: start, answer each
type, read the feedback swapped in place with its source in both languages, reach the results,
send what they missed to their flashcards."""

import re

import pytest
from playwright.sync_api import expect

from quizzes.models import AttemptItem
from tests.support.browser import check_a11y, question_ready
from tests.support.users import PASSWORD

UI = {
    "zh": {
        "cookie": "zh-hans",
        "start": "开始测验",
        "correct": "正确！",
        "wrong": "不太对。",
        "next": "下一题",
        "results": "查看结果",
        "practise": re.compile("练习"),
        "queued": "复习队列",
    },
    "vi": {
        "cookie": "vi",
        "start": "Bắt đầu làm bài",
        "correct": "Chính xác!",
        "wrong": "Chưa đúng.",
        "next": "Câu tiếp theo",
        "results": "Xem kết quả",
        "practise": re.compile("Luyện lại"),
        "queued": "hàng đợi ôn tập",
    },
}


def _log_in(page, live_server, alice, language):
    page.context.add_cookies(
        [{"name": "django_language", "value": UI[language]["cookie"], "url": live_server.url}]
    )
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(alice.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(alice.username)


def _current_item(page) -> AttemptItem:
    position = int(re.search(r"/attempts/\d+/(\d+)/", page.url).group(1))
    return AttemptItem.objects.select_related("question").get(position=position)


@pytest.mark.parametrize("language", ["zh", "vi"])
def test_a_learner_takes_a_quiz_from_the_keyboard(page, live_server, alice, make_quiz, language):
    ui = UI[language]
    quiz = make_quiz(
        [
            ("single_choice", language),
            ("true_false", language),
            ("cloze", language),
            ("matching", language),
            ("ordering", language),
        ],
        title="Kiểm tra" if language == "vi" else "测验",
    )
    _log_in(page, live_server, alice, language)
    page.goto(quiz.get_absolute_url())
    check_a11y(page, "the quiz")
    page.get_by_role("button", name=ui["start"]).click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/1/$"))
    page.wait_for_load_state()
    check_a11y(page, "a single-choice question")

    # 1. Single choice: the right option by its number key, Enter checks; feedback in place.
    item = _current_item(page)
    expect(page.locator("progress")).to_have_attribute("value", "0")
    page.keyboard.press(str(item.choices.index(item.question.answer) + 1))
    page.keyboard.press("Enter")
    card = page.locator("#question-card")
    expect(card.locator(".verdict")).to_contain_text(ui["correct"])
    expect(card.locator("blockquote[lang=zh-Hans] mark")).to_have_count(1)
    expect(card.locator("blockquote[lang=vi] mark")).to_have_count(1)
    expect(page.locator("progress")).to_have_attribute("value", "1")
    check_a11y(page, "the feedback")
    page.keyboard.press("Enter")  # next question, fetched into the card
    expect(page).to_have_url(re.compile(r"/attempts/\d+/2/$"))
    # Focus is on the new question's heading (read out by a screen reader), not lost to <body>.
    expect(page.locator("#question-heading")).to_be_focused()

    # 2. True or false: answered wrong on purpose, with key 2 ("False").
    page.keyboard.press("2")
    page.keyboard.press("Enter")
    expect(card.locator(".verdict")).to_contain_text(ui["wrong"])
    page.get_by_role("link", name=ui["next"]).click()

    # 3. Cloze: typed, Enter submits.
    expect(page).to_have_url(re.compile(r"/attempts/\d+/3/$"))
    question_ready(page)
    answer = "江苏" if language == "zh" else "giang tô"  # without 省 / in lower case: still right
    page.locator("input.typed-answer").fill(answer)
    page.keyboard.press("Enter")
    expect(card.locator(".verdict")).to_contain_text(ui["correct"])
    page.keyboard.press("Enter")

    # 4. Matching: one select per left-hand item.
    expect(page).to_have_url(re.compile(r"/attempts/\d+/4/$"))
    expect(page.locator("#question-heading")).to_be_focused()
    check_a11y(page, "a matching question")
    item = _current_item(page)
    for i, (_left, right) in enumerate(item.question.answer):
        page.locator(f"select[name=match-{i}]").select_option(str(item.choices.index(right)))
    submit = page.locator("[data-answer-form] button[type=submit]")
    page.locator("select[name=match-0]").focus()
    page.keyboard.press("Enter")  # Enter in a select checks the answer too
    expect(card.locator(".verdict")).to_contain_text(ui["correct"])
    page.keyboard.press("Enter")

    # 5. Ordering: a position for each item; a repeated position is refused with a message.
    expect(page).to_have_url(re.compile(r"/attempts/\d+/5/$"))
    question_ready(page)
    item = _current_item(page)
    for i in range(len(item.choices)):
        page.locator(f"select[name=rank-{i}]").select_option("1")
    submit.click()
    expect(card.locator(".error")).to_be_visible()
    check_a11y(page, "a refused answer")
    for i, choice in enumerate(item.choices):
        rank = item.question.answer.index(choice) + 1
        page.locator(f"select[name=rank-{i}]").select_option(str(rank))
    page.locator("select[name=rank-0]").focus()
    page.keyboard.press("Enter")
    expect(card.locator(".verdict")).to_contain_text(ui["correct"])

    page.get_by_role("link", name=ui["results"]).click()
    expect(page.locator(".score")).to_contain_text("4")
    expect(page.locator(".results > li")).to_have_count(5)
    check_a11y(page, "the results")
    page.get_by_role("button", name=ui["practise"]).click()
    expect(page.locator(".messages")).to_contain_text(ui["queued"])


def test_a_refresh_in_the_middle_of_a_quiz_resumes_it(page, live_server, alice, make_quiz):
    quiz = make_quiz([("true_false", "vi"), ("cloze", "vi")])
    _log_in(page, live_server, alice, "vi")
    page.goto(quiz.get_absolute_url())
    page.get_by_role("button", name=UI["vi"]["start"]).click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/1/$"))
    page.wait_for_load_state()
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    expect(page.locator(".verdict")).to_be_visible()
    page.goto(quiz.get_absolute_url())
    page.get_by_role("button", name="Tiếp tục làm bài").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/2/$"))
    expect(page.locator("progress")).to_have_attribute("value", "1")
