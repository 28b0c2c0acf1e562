"""A student starts studying a shipped document and reviews it with the keyboard alone: Space
shows the answer, 1–4 rate, U undoes; the session ends on the "done for today" screen."""

import re
from pathlib import Path

from playwright.sync_api import expect

from accounts.models import User
from content.loading import load_path
from flashcards.models import LearnerCard, LearnerSettings, ReviewLog
from tests.browser.conftest import check_a11y

DOCUMENTS = Path(__file__).resolve().parents[2] / "content" / "documents"
DOCUMENT = DOCUMENTS / "001_dui_kou_zhi_yuan.txt"
PASSWORD = "a long Pass-phrase 42"


def test_a_student_reviews_flashcards_with_the_keyboard_only(page):
    document = load_path(DOCUMENT).document
    user = User.objects.create_user("lan", password=PASSWORD)
    LearnerSettings.objects.create(user=user, new_per_day=3)

    page.goto("/accounts/login/")
    check_a11y(page, "log-in")
    page.locator("input[name=username]").fill("lan")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("lan")

    page.goto(document.get_absolute_url())
    check_a11y(page, "the document")
    page.locator(f"form[action='/cards/study/{document.slug}/'] button").click()
    expect(page).to_have_url(re.compile(f"/cards/review/{document.slug}/$"))
    page.wait_for_load_state()  # review.js and htmx are ready
    page.evaluate("window.sameDocument = true")  # htmx swaps the card: the page never reloads
    review = page.locator("[data-review]")
    card_id = review.locator("input[name=card]")

    def shown(side: str) -> None:
        expect(review).to_have_attribute("data-side", side)
        expect(review).to_have_attribute("data-ready", "true")  # keys work from here on

    def front() -> str:
        shown("front")
        return card_id.first.input_value()

    def reveal_and_rate(key: str) -> None:
        page.keyboard.press("Space")
        shown("back")
        expect(review.locator("[data-rating]")).to_have_count(4)
        page.keyboard.press(key)

    first = front()
    check_a11y(page, "a card's front")
    page.keyboard.press("Space")
    shown("back")
    check_a11y(page, "a card's back")
    page.keyboard.press("4")  # Easy: back in a few days
    second = front()
    assert second != first
    # Good (again in ten minutes), by Space on the focused button: Space presses a focused
    # button, as everywhere, and shows the answer only from the card itself.
    page.keyboard.press("Space")
    shown("back")
    review.locator('[data-rating="3"]').focus()
    page.keyboard.press("Space")
    third = front()
    reveal_and_rate("1")  # Again: back in a minute, so it comes straight back
    assert front() == third

    page.keyboard.press("u")  # take the Again back
    expect(review.locator(".notice")).to_be_visible()
    assert front() == third
    assert list(ReviewLog.objects.order_by("pk").values_list("rating", flat=True)) == [4, 3]

    reveal_and_rate("4")
    assert front() == second  # the learning card, ten minutes early as nothing else is left
    reveal_and_rate("4")

    expect(review.locator(".review-done")).to_be_visible()
    expect(review.locator(".tomorrow")).to_be_visible()
    check_a11y(page, "done for today")
    assert page.evaluate("window.sameDocument") is True
    assert list(ReviewLog.objects.order_by("pk").values_list("rating", flat=True)) == [4, 3, 4, 4]
    assert ReviewLog.objects.filter(duration_ms__isnull=False).count() == 4, (
        "the page timed each card"
    )
    assert LearnerCard.objects.filter(user=user, reps__gt=0).count() == 3
