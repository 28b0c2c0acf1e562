"""Phones first (issue 16, item 8): on a 390×844 touch screen the menu folds behind one button,
keyboard hints are gone, ruby and tables stay inside the screen; the quiz, the review and the
dashboard are shown in screenshots under test-artifacts/ for a person to look at. At 1280×800
the whole menu of a teacher fits on one line, in every interface language. On both, a card's
pinyin sits over its words at a readable size without pushing the characters apart."""

import base64
import itertools
import re

import pytest
from playwright.sync_api import expect

from content.loading import load_path
from flashcards import services
from flashcards.models import Card, LearnerCard, LearnerSettings
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


# Each Chinese character under ruby in `selector`, in reading order: its box, its word (ruby), and
# whether nothing (no digit, no comma) stands between its word and the word before; each rt's box
# and font size, and its ruby's font size.
RUBY_LAYOUT = """(selector) => {
  const chars = [], rts = [];
  let previous = null;
  document.querySelectorAll(selector + " ruby").forEach((ruby, word) => {
    let touching = false;
    if (previous) {
      const between = document.createRange();
      between.setStartAfter(previous);
      between.setEndBefore(ruby);
      touching = between.toString() === "";
    }
    previous = ruby;
    const base = [...ruby.childNodes].find((node) => node.nodeType === Node.TEXT_NODE);
    for (let i = 0; base && i < base.length; i++) {
      const range = document.createRange();
      range.setStart(base, i);
      range.setEnd(base, i + 1);
      const { left, right, top, bottom } = range.getBoundingClientRect();
      chars.push({ word, touching: i > 0 || touching, left, right, top, bottom });
    }
    const rt = ruby.querySelector("rt");
    const { left, right, top, bottom } = rt.getBoundingClientRect();
    rts.push({
      word, left, right, top, bottom,
      size: parseFloat(getComputedStyle(rt).fontSize),
      base: parseFloat(getComputedStyle(ruby).fontSize),
    });
  });
  return { chars, rts };
}"""
# The ink of each box in a screenshot (PNG, base64): its leftmost and rightmost dark column. A
# character's box may hold space the ruby added around it; its ink is where the glyph is.
# Run in a blank page: the site's CSP rightly refuses a data: image.
INK = """async ({ png, boxes, scale }) => {
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext("2d");
  context.drawImage(bitmap, 0, 0);
  const { data, width } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  const dark = (x, y) => {
    const i = (y * width + x) * 4;
    return data[i] + data[i + 1] + data[i + 2] < 384;  // half the ink of text or pinyin
  };
  return boxes.map((box) => {
    // The middle of the box: clear of the pinyin above a character, of the line below pinyin.
    const margin = (box.bottom - box.top) / 8;
    const [top, bottom] = [box.top + margin, box.bottom - margin].map((y) => Math.round(y * scale));
    let first = null, last = null;
    for (let x = Math.ceil(box.left * scale); x < Math.floor(box.right * scale); x++) {
      for (let y = top; y < bottom; y++) {
        if (dark(x, y)) { first ??= x; last = x + 1; break; }
      }
    }
    return first === null ? null : [first / scale, last / scale];
  });
}"""


def _check_ruby(page, selector, where):
    """Pinyin at a readable size (at least 11px and 0.6em); between the ink of two characters side
    by side, no more than in plain text inside a word, and little on average over the line; two
    words' pinyin apart. Gaps are in characters (em of the Chinese text)."""
    page.locator(selector).scroll_into_view_if_needed()
    layout = page.evaluate(RUBY_LAYOUT, selector)
    chars, rts = layout["chars"], layout["rts"]
    assert len(chars) >= 2, f"{where}: no ruby in {selector}"
    for rt in rts:
        assert rt["size"] >= 11 and rt["size"] >= 0.6 * rt["base"] - 0.1, f"{where}: tiny {rt}"
    png = base64.b64encode(page.screenshot()).decode()
    blank = page.context.new_page()
    try:
        scale = page.evaluate("devicePixelRatio")
        ink = blank.evaluate(INK, {"png": png, "boxes": chars + rts, "scale": scale})
    finally:
        blank.close()
    ink, rt_ink = ink[: len(chars)], ink[len(chars) :]
    em = rts[0]["base"]
    inside, between = [], []
    for (a, b), a_ink, b_ink in zip(itertools.pairwise(chars), ink, ink[1:], strict=False):
        if abs(a["top"] - b["top"]) < 1 and b["touching"] and a_ink and b_ink:
            gap = (b_ink[0] - a_ink[1]) / em
            (inside if a["word"] == b["word"] else between).append(round(gap, 2))
    assert inside or between, f"{where}: no two characters side by side"
    assert all(gap <= 0.25 for gap in inside), f"{where}: a word's characters apart: {inside}"
    # Between words, the space a long reading needs (guǎngdōngshěng over 广东省: 1.4em).
    assert all(gap <= 1.5 for gap in between), f"{where}: words far apart: {between}"
    # Over the whole line, a character's ink is about 0.1em from the next one's in plain text;
    # here 0.26em (phone) to 0.32em (1280px), where a syllable over each character spread them by
    # 0.41em with its pinyin run together.
    mean = sum(inside + between) / len(inside + between)
    assert mean <= 0.35, f"{where}: characters {mean:.2f}em apart on average: {inside} {between}"
    # Two words' pinyin apart by a space at least (the old ruby ran "háijiànhú" together).
    for (a, b), a_ink, b_ink in zip(itertools.pairwise(rts), rt_ink, rt_ink[1:], strict=False):
        if abs(a["top"] - b["top"]) < 1 and a_ink and b_ink:
            space = (b_ink[0] - a_ink[1]) / a["size"]
            assert space >= 0.2, f"{where}: pinyin of two words {space:.2f}em apart: {a} {b}"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_pinyin_reads_over_words_without_spreading_the_characters(
    browser, live_server, alice, size
):
    """Issue 16: ruby pinyin was tiny and pushed the characters apart. On a card's back, the
    term and its source sentence carry their pinyin per word, at a readable size."""
    document = load_path(DOCUMENT).document
    services.start_studying(alice, document)
    cards = LearnerCard.objects.filter(
        user=alice, card__template=Card.Template.ZH_VI, card__note__document=document
    ).select_related("card__note")
    # The card whose Chinese source sentence is the longest: the hardest to lay out.
    card = max(cards, key=lambda c: len(c.card.note.fields.get("source_zh", "")))
    options = PHONE if size == "phone" else {"viewport": {"width": 1280, "height": 800}}
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", device_scale_factor=2, **options
    )
    context.add_init_script(CSP_LISTENER)
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        _log_in(page, "alice")
        page.goto(f"/cards/review/{document.slug}/?card={card.pk}&version={card.version}&show=1")
        expect(page.locator(".flashcard-sources .zh ruby").first).to_be_visible()
        _check_ruby(page, ".flashcard-front", f"{size}, the term")
        _check_ruby(page, ".flashcard-sources .zh", f"{size}, the sentence")
        if size == "phone":
            _fits_the_screen(page, "a card with ruby")
            check_a11y(page, "a card with ruby")
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator(".flashcard").screenshot(path=str(ARTIFACTS / f"{size}-ruby.png"))
    finally:
        context.close()
    assert not errors, errors
