"""A visitor lands on "/" and sees what Dongxi does (issue 16, item 9): an aligned sentence, a
sample question whose answer they may reveal, a card; then signs up from there."""

import re

from playwright.sync_api import expect

from tests.support.browser import check_a11y


def test_a_visitor_reads_the_landing_page_and_signs_up(page, live_server, db):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Learn Chinese and Vietnamese from real texts"
    )
    expect(page.locator(".landing-sample .col.zh")).to_contain_text("江苏省")
    expect(page.locator(".landing-sample .col.vi")).to_contain_text("Giang Tô")
    check_a11y(page, "the landing page")
    page.get_by_text("Show the answer").click()
    expect(page.locator("details strong")).to_have_text("Giang Tô")
    expect(page.locator(".landing-card .flashcard-answer")).to_have_text("Giang Tô")
    page.get_by_role("link", name="Create a student account").first.click()
    expect(page).to_have_url(re.compile("/accounts/signup/$"))
