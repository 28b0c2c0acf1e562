"""A student downloads a large document deck: it is built in the background while the status
page polls (htmx), then the download link appears and the file imports into Anki."""

import threading

import pytest
from playwright.sync_api import expect

from accounts.models import User
from config import tasks
from quizzes.anki import jobs
from tests.conftest import PASSWORD
from tests.quizzes.anki_support import notes_after_import, tiny_document


@pytest.fixture
def held(monkeypatch):
    release = threading.Event()
    build = jobs.EXPORTERS["document"]

    def held_build(target, user):
        assert release.wait(30)
        return build(target, user)

    monkeypatch.setitem(jobs.EXPORTERS, "document", held_build)
    yield release
    release.set()
    assert tasks.wait(30)


def test_a_student_builds_and_downloads_a_large_deck(
    page, transactional_db, settings, tmp_path, held
):
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 0  # every deck counts as large
    settings.EXPORT_ROOT = tmp_path / "exports"
    document = tiny_document("tiny")
    User.objects.create_user("lan", password=PASSWORD)

    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill("lan")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.goto(document.get_absolute_url())
    page.locator("a[href$='/anki/']").click()
    page.locator("form[action$='/anki/export/'] button[type=submit]").click()

    status = page.locator("#export-status")
    expect(status).to_have_attribute("hx-trigger", "every 1s")
    expect(status.locator(".export-working")).to_be_visible()
    held.set()
    # htmx polls the status region until the deck is built: no reload.
    link = page.locator("#export-status a.button")
    expect(link).to_be_visible(timeout=10_000)
    expect(status).not_to_have_attribute("hx-trigger", "every 1s")

    with page.expect_download() as download:
        link.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "tiny.apkg"
    assert notes_after_import(path, tmp_path) == 4
