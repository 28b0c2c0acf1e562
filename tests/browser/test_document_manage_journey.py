"""A teacher adds a document, uploads the same text again and lands on the first copy, is
refused a text lacking Chinese with a message naming it, renames and hides the document, then
deletes it once nothing uses it (issue 16, item 6). English interface, as the other journeys."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.models import User
from content.models import Document
from tests.support.browser import check_a11y
from tests.support.users import PASSWORD

TEXT = (
    Path(__file__).resolve().parents[2] / "content" / "documents" / "000_09eee8d4159d2fdc.txt"
).read_text(encoding="utf-8")
VI_ONLY = "Hà Nội mùa thu\n\nHà Nội là thủ đô của Việt Nam. Thành phố có nhiều hồ đẹp.\n"


@pytest.fixture
def english(page, live_server):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return page


def test_a_teacher_manages_a_document(english, transactional_db):
    page = english
    User.objects.create_user("tess", password=PASSWORD, is_teacher=True)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("tess")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto("/documents/add/")
    page.get_by_label("Paste the document").fill(TEXT)
    # Analysing and generating a whole article takes seconds on a busy machine.
    page.get_by_role("button", name="Analyse and save").click(timeout=60_000)
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "What Dongxi made of", timeout=60_000
    )

    # The same text again opens the document already there.
    page.goto("/documents/add/")
    page.get_by_label("Paste the document").fill(TEXT)
    page.get_by_role("button", name="Analyse and save").click()
    expect(page.locator(".messages")).to_contain_text("This text is already in Dongxi")
    expect(page.locator(".passage").first).to_be_visible()
    check_a11y(page, "the existing document opened")
    assert Document.objects.count() == 1

    # A text without Chinese is refused, naming what is missing.
    page.goto("/documents/add/")
    page.get_by_label("Paste the document").fill(VI_ONLY)
    page.get_by_role("button", name="Analyse and save").click()
    expect(page.locator(".errorlist")).to_contain_text("No Chinese part was found")
    check_a11y(page, "a text with no Chinese part refused")

    # Rename and hide it.
    page.goto(Document.objects.get().get_absolute_url())
    page.get_by_role("link", name="Rename, hide or delete").click()
    page.get_by_label("Vietnamese title").fill("Hợp tác Đông Tây")
    page.get_by_label("Hide it from everyone else's lists").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("The document was saved.")
    page.goto("/documents/")
    item = page.locator(".card", has_text="Hợp tác Đông Tây")
    expect(item).to_contain_text("Hidden from others")
    check_a11y(page, "the teacher's document list")

    # Nothing uses it yet: the page says deleting removes it for good, and it does.
    item.get_by_role("link").click()
    page.get_by_role("link", name="Rename, hide or delete").click()
    expect(page.locator("#delete-document")).to_contain_text("Nobody uses this document yet")
    check_a11y(page, "the delete section")
    page.get_by_role("button", name="Delete the document").click()
    expect(page.locator(".messages")).to_contain_text("The document was deleted.")
    assert not Document.objects.exists()
