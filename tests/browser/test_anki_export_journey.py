"""A student downloads a large document deck: it waits for the worker while the status page
polls (htmx), the worker builds it, then the download link appears and the file imports into
Anki."""

from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import User
from tests.browser.conftest import check_a11y
from tests.conftest import PASSWORD
from tests.support.anki import notes_after_import, tiny_document


def test_a_student_builds_and_downloads_a_large_deck(
    page, transactional_db, settings, tmp_path, export_dir
):
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 0  # every deck counts as large
    document = tiny_document("tiny")
    User.objects.create_user("lan", password=PASSWORD)

    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill("lan")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.goto(document.get_absolute_url())
    check_a11y(page, "the document")
    page.locator("a[href$='/anki/']").click()
    check_a11y(page, "the deck's page")
    page.locator("form[action$='/anki/export/'] button[type=submit]").click()

    status = page.locator("#export-status")
    expect(status).to_have_attribute("hx-trigger", "every 1s")
    expect(status.locator(".export-working")).to_be_visible()
    check_a11y(page, "the export waiting")
    call_command("worker", batch=True, verbosity=0)  # what the worker process does
    # htmx polls the status region until the deck is built: no reload.
    link = page.locator("#export-status a.button")
    expect(link).to_be_visible(timeout=10_000)
    expect(status).not_to_have_attribute("hx-trigger", "every 1s")
    check_a11y(page, "the export ready")

    with page.expect_download() as download:
        link.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "tiny.apkg"
    assert notes_after_import(path, tmp_path) == 4
