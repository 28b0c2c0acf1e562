"""Phones first (issue 16, item 8): on a 390×844 touch screen the menu folds behind one button,
keyboard hints are gone, ruby and tables stay inside the screen; the quiz, the review and the
dashboard are shown in screenshots under test-artifacts/ for a person to look at. At 1280×800
the whole menu of a teacher fits on one line, in every interface language."""

import re

import pytest
from playwright.sync_api import expect

from content.loading import load_path
from flashcards import services
from flashcards.models import LearnerSettings
from tests.browser.conftest import ARTIFACTS, CSP_LISTENER, check_a11y
from tests.browser.test_review_journey import DOCUMENT
from tests.conftest import PASSWORD

# The vertical middle of every item of the menu (brand, links, language form).
MENU_ITEM_MIDDLES = """() => {
  const items = document.querySelectorAll(".brand, .nav-links > li, .language-form");
  return [...items].map((el) => {
    const box = el.getBoundingClientRect();
    return Math.round(box.top + box.height / 2);
  });
}"""
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(browser, live_server):
    """A touch phone's tab, interface in English; fails on any console error."""
    context = browser.new_context(base_url=live_server.url, locale="en-US", **PHONE)
    context.add_init_script(CSP_LISTENER)
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not errors, f"the page logged errors: {errors}"


def _log_in(page, username):
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(username)


def _fits_the_screen(page, what):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{what} is {width}px wide on a 390px screen"


def _shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"phone-{name}.png"))  # what the phone shows


def _no_key_hints(page):
    shown = page.evaluate(
        """() => [...document.querySelectorAll("kbd, .keys-hint, .review-keys, .key")]
            .filter(el => el.getClientRects().length > 0).length"""
    )
    assert shown == 0, f"{shown} keyboard hints shown on a touch screen"


def test_on_a_phone_the_menu_folds_and_quiz_review_and_dashboard_fit(phone, alice, make_quiz):
    page = phone
    quiz = make_quiz([("single_choice", "zh"), ("matching", "vi")], title="Kiểm tra")
    _log_in(page, "alice")

    # The menu folds behind one button: the header takes little of the screen.
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    links = page.locator(".nav-links")
    expect(links).to_be_hidden()
    header = page.locator(".site-header").bounding_box()["height"]
    assert header <= 80, f"the header takes {header}px of an 844px screen"
    check_a11y(page, "home, menu folded")
    _shoot(page, "home")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(links.get_by_role("link", name="Progress")).to_be_visible()
    check_a11y(page, "home, menu open")
    _shoot(page, "menu")
    page.keyboard.press("Escape")
    expect(links).to_be_hidden()
    expect(toggle).to_be_focused()

    # The quiz: no keyboard hints on a touch screen, nothing wider than the screen.
    page.goto(quiz.get_absolute_url())
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/1/$"))
    page.wait_for_load_state()
    _no_key_hints(page)
    _fits_the_screen(page, "a quiz question")
    check_a11y(page, "a quiz question")
    _shoot(page, "quiz")
    page.locator("label.option").first.click()
    page.get_by_role("button", name="Check").click()
    expect(page.locator(".verdict")).to_be_visible()
    _fits_the_screen(page, "the feedback")
    _shoot(page, "quiz-feedback")

    # The review, front and back.
    document = load_path(DOCUMENT).document
    LearnerSettings.objects.create(user=alice, new_per_day=5)
    services.start_studying(alice, document)
    page.goto(f"/cards/review/{document.slug}/")
    review = page.locator("[data-review]")
    expect(review).to_have_attribute("data-ready", "true")
    _no_key_hints(page)
    _fits_the_screen(page, "a card's front")
    _shoot(page, "review-front")
    review.get_by_role("button", name="Show answer").click()
    expect(review).to_have_attribute("data-side", "back")
    expect(review).to_have_attribute("data-ready", "true")
    _no_key_hints(page)
    _fits_the_screen(page, "a card's back")
    check_a11y(page, "a card's back")
    _shoot(page, "review-back")

    # The dashboard, and the reading view with its ruby.
    page.goto("/progress/")
    expect(page.locator("#forecast-chart canvas")).to_have_count(1)
    _fits_the_screen(page, "the dashboard")
    _shoot(page, "dashboard")
    page.goto(document.get_absolute_url())
    _fits_the_screen(page, "the reading view")
    _shoot(page, "document")


@pytest.mark.parametrize("language", ["en", "vi", "zh-hans"])
def test_at_1280_pixels_a_teachers_menu_fits_on_one_line(browser, live_server, teacher, language):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    try:
        _log_in(page, "tess")
        expect(page.locator(".nav-toggle")).to_be_hidden()
        tops = page.evaluate(MENU_ITEM_MIDDLES)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"desktop-home-{language}.png"))
        assert max(tops) - min(tops) <= 8, f"the menu wraps in {language}: {tops}"
    finally:
        context.close()


def test_a_csp_refusal_fails_a_journey(browser, live_server, db):
    """The journeys' listener works: an inline style the CSP refuses is reported as an error
    (htmx is configured not to add its own: includeIndicatorStyles is false in base.html)."""
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        page.goto("/accounts/login/")
        assert page.evaluate("htmx.config.includeIndicatorStyles") is False
        assert errors == []
        page.evaluate(
            """() => {
                const style = document.createElement("style");
                style.textContent = "body { color: red; }";
                document.head.append(style);
            }"""
        )
        page.wait_for_timeout(200)
        assert any("CSP violation: style-src" in error for error in errors), errors
    finally:
        context.close()
