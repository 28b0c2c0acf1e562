"""A teacher adds a bilingual text that names nothing, counts nothing and dates nothing, and is
told on the page she lands on that it gives no question, what to change, and why each sentence
gave nothing; the report stays one click away from the document. The interface is in English so
the test reads the same in every catalog."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from tests.support.browser import check_a11y
from tests.support.users import PASSWORD

NOTHING = """湖边

我们今天去了湖边散步。天气很好。

大家都很高兴。

Bờ hồ

Hôm nay chúng tôi đi dạo bên hồ. Trời rất đẹp.

Mọi người đều rất vui.
"""


@pytest.fixture
def english(page, live_server):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return page


def test_a_teacher_adds_a_document_that_yields_nothing_and_reads_why(english, transactional_db):
    page = english
    User.objects.create_user("tess", password=PASSWORD, is_teacher=True)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("tess")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto("/documents/")
    page.get_by_role("link", name="Add a document").last.click()
    check_a11y(page, "the new document form")
    page.get_by_label("Paste the document").fill(NOTHING)
    page.get_by_role("button", name="Analyse and save").click()

    # The page the teacher lands on says plainly that nothing came of it, and what to change.
    expect(page.get_by_role("heading", level=1)).to_contain_text("What Dongxi made of")
    verdict = page.locator("#no-questions")
    expect(verdict).to_contain_text("This document gives no question.")
    expect(verdict).to_contain_text("Add facts a learner can be asked about")
    figures = page.locator("#report-figures")
    expect(figures).to_contain_text("Facts found")
    expect(figures).to_contain_text("0 / 3")
    check_a11y(page, "the report")

    # Each silent sentence is shown in both languages with its reason.
    silent = page.locator("#silent-sentences > li")
    expect(silent).to_have_count(3)
    expect(silent.first).to_contain_text("我们今天去了湖边散步。")
    expect(silent.first).to_contain_text("Hôm nay chúng tôi đi dạo bên hồ.")
    expect(silent.first).to_contain_text("share no name, number, date or key term")

    # The titles were set aside as layout, not read as sentences.
    expect(page.locator("#clutter-lines")).to_contain_text("Bờ hồ")

    # The report stays one click away from the document.
    page.get_by_role("link", name="Read the document").click()
    expect(page.locator(".passage")).to_have_count(2)
    check_a11y(page, "the document")
    page.get_by_role("link", name="What Dongxi made of it").click()
    expect(page.locator("#no-questions")).to_be_visible()
