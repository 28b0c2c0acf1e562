"""A learner opens their progress dashboard, reviews three flashcards on the review page with
the keyboard, answers a quiz, and finds the dashboard changed: cards due, reviews today, streak,
quiz history, the paragraph's tint. On a phone-sized screen, with the charts drawn by the
vendored ECharts under the strict CSP (the page fixture fails on any console error, CSP
refusals included). A screenshot is kept in test-artifacts/ for a person to look at."""

import re

from playwright.sync_api import expect

from flashcards.models import LearnerSettings, Rating, ReviewLog
from tests.support.browser import ARTIFACTS, check_a11y, in_menu, question_ready
from tests.support.users import PASSWORD


def _log_in(page, live_server, user):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(user.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(user.username)


def _figure(page, name):
    return page.locator(f'[data-figure="{name}"]')


def test_reviews_and_a_quiz_show_up_on_the_dashboard(
    page, live_server, alice, make_quiz, quiz_document
):
    quiz = make_quiz([("true_false", "vi"), ("cloze", "vi")], title="Kiểm tra nhanh")
    LearnerSettings.objects.create(user=alice, new_per_day=3)
    _log_in(page, live_server, alice)

    in_menu(page, "Progress", exact=True).click()
    expect(page).to_have_url(re.compile(r"/progress/$"))
    expect(_figure(page, "due-today")).to_have_text("0")
    expect(_figure(page, "reviews-today")).to_have_text("0")
    expect(_figure(page, "streak")).to_have_text("0 days")
    expect(page.locator("#quizzes-heading + p")).to_contain_text("You have not finished a quiz")
    expect(page.locator("#mastery .passage")).to_have_class(re.compile("band-unseen"))
    # The charts are drawn (a canvas each) and their tables kept for screen readers only.
    expect(page.locator("#forecast-chart canvas")).to_have_count(1)
    expect(page.locator("#year-chart canvas")).to_have_count(1)
    expect(page.locator("#forecast-table")).to_have_class(re.compile("visually-hidden"))
    check_a11y(page, "the empty dashboard")

    # Study the document as flashcards and review three new cards with the keyboard alone:
    # Space shows the answer, 3 rates it Good. Keys only work once htmx has set data-ready.
    page.goto(quiz_document.get_absolute_url())
    page.locator(f"form[action='/cards/study/{quiz_document.slug}/'] button").click()
    expect(page).to_have_url(re.compile(f"/cards/review/{quiz_document.slug}/$"))
    review = page.locator("[data-review]")

    def shown(side: str) -> str:
        expect(review).to_have_attribute("data-side", side)
        expect(review).to_have_attribute("data-ready", "true")
        return review.locator("input[name=card]").first.input_value()

    reviewed = []
    for _ in range(3):
        reviewed.append(shown("front"))
        page.keyboard.press("Space")
        assert shown("back") == reviewed[-1]
        expect(review.locator("[data-rating]")).to_have_count(4)
        page.keyboard.press("3")
    # The day's three new cards are done: the next one shown is one of them, ten minutes early.
    assert shown("front") in reviewed and len(set(reviewed)) == 3
    ratings = ReviewLog.objects.filter(user=alice).values_list("learner_card", "rating")
    assert sorted(ratings) == sorted((int(pk), Rating.GOOD) for pk in reviewed)

    # Answer a quiz through the web: True (key 1) is right, then the cloze typed.
    page.goto(quiz.get_absolute_url())
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/1/$"))
    page.wait_for_load_state()
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    expect(page.locator(".verdict")).to_contain_text("Correct")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/attempts/\d+/2/$"))
    # As for the first question: htmx must have bound the form before Enter sends it.
    question_ready(page)
    page.locator("input.typed-answer").fill("Giang Tô")
    page.keyboard.press("Enter")
    expect(page.locator(".verdict")).to_contain_text("Correct")
    page.get_by_role("link", name="See your results").click()
    expect(page.locator(".score")).to_contain_text("100%")
    check_a11y(page, "the results")

    in_menu(page, "Progress", exact=True).click()
    # The three cards are in learning, due again later today; three reviews today.
    expect(_figure(page, "due-today")).to_have_text("3")
    expect(_figure(page, "reviews-today")).to_have_text("3")
    expect(_figure(page, "streak")).to_have_text("1 day")
    expect(page.locator("#quiz-table")).to_contain_text("Kiểm tra nhanh")
    expect(page.locator("#quiz-table")).to_contain_text("100%")
    expect(page.locator("#quiz-chart canvas")).to_have_count(1)
    expect(page.locator("#mastery .passage")).to_have_class(re.compile("band-known"))
    expect(page.locator("#mastery .mastery-label")).to_contain_text("Mastery 100%")
    check_a11y(page, "the dashboard")

    # Readable on a phone: nothing wider than the 390-pixel screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px screen"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "progress-dashboard.png"), full_page=True)
