"""Anki download views: a small deck at once; a large one built as a background job, whose
status page polls (htmx) and whose file only its owner downloads.

Jobs run synchronously here (Django's ImmediateBackend, queued on commit); the thread-pool
behaviour — other requests served while a deck is built — is in tests/quizzes/anki/test_jobs.py.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.anki import building
from quizzes.models import ExportJob
from tests.support.anki import notes_after_import, tiny_document

SLUG = "tiny"
NOTES = 4  # two terms, one sentence, one question

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def exports(settings, export_dir):
    settings.TASKS = IMMEDIATE
    return export_dir


@pytest.fixture
def document(db):
    return tiny_document(SLUG)


@pytest.fixture
def large(settings):
    """Every deck counts as large: it goes through a job."""
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 0


@pytest.fixture
def start(alice_client, document, large, django_capture_on_commit_callbacks):
    """Start Alice's export of the document and run it; returns the response."""

    def post(**headers):
        with django_capture_on_commit_callbacks(execute=True):
            return alice_client.post(
                reverse("quizzes:start_document_export", args=[SLUG]), headers=headers
            )

    return post


def save(response, path):
    path.write_bytes(b"".join(response.streaming_content))
    return path


# document_deck


def test_a_small_deck_downloads_at_once_and_imports_into_anki(document, alice_client, tmp_path):
    response = alice_client.get(reverse("quizzes:document_deck", args=[SLUG]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert f"{SLUG}.apkg" in response["Content-Disposition"]
    path = save(response, tmp_path / "downloaded.apkg")
    assert notes_after_import(path, tmp_path) == NOTES
    assert not ExportJob.objects.exists()


def test_the_document_page_links_to_the_deck(document, alice_client):
    url = reverse("quizzes:document_deck", args=[SLUG])
    page = alice_client.get(document.get_absolute_url()).content.decode()
    # No `download` attribute: for a large deck the link leads to a page, not a file.
    assert f'href="{url}">' in page


def test_a_large_deck_offers_to_build_it_in_the_background(document, alice_client, large):
    response = alice_client.get(reverse("quizzes:document_deck", args=[SLUG]))
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    page = response.content.decode()
    assert reverse("quizzes:start_document_export", args=[SLUG]) in page
    assert 'method="post"' in page
    assert not ExportJob.objects.exists()  # a GET starts nothing


def test_document_deck_refuses_anonymous_unknown_and_post(document, client, alice):
    url = reverse("quizzes:document_deck", args=[SLUG])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(alice)
    assert client.get(reverse("quizzes:document_deck", args=["nope"])).status_code == 404
    assert client.post(url).status_code == 405


# start_document_export


def test_starting_an_export_builds_it_and_shows_where_it_stands(start, alice, alice_client):
    response = start()
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("quizzes:export_status", args=[job.pk])
    assert (job.user, job.kind, job.target, job.status) == (alice, "document", SLUG, "done")
    assert building.export_storage().exists(job.file) and job.notes == NOTES
    page = alice_client.get(response["Location"]).content.decode()
    assert reverse("quizzes:export_download", args=[job.pk]) in page
    assert "every 1s" not in page  # finished: no more polling


def test_starting_again_while_one_runs_reuses_it(document, alice, alice_client, large):
    running = ExportJob.objects.create(
        user=alice, kind="document", target=SLUG, filename="x.apkg", status="running"
    )
    response = alice_client.post(reverse("quizzes:start_document_export", args=[SLUG]))
    assert response["Location"] == running.get_absolute_url()
    assert ExportJob.objects.count() == 1


def test_starting_with_htmx_renders_the_status_region(start):
    response = start(**{"HX-Request": "true"})
    job = ExportJob.objects.get()
    assert response.status_code == 200
    assert response["HX-Push-Url"] == job.get_absolute_url()
    html = response.content.decode()
    assert 'id="export-status"' in html and "<html" not in html


def test_start_refuses_anonymous_unknown_and_get(document, client, alice):
    url = reverse("quizzes:start_document_export", args=[SLUG])
    response = client.post(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(alice)
    assert client.post(reverse("quizzes:start_document_export", args=["nope"])).status_code == 404
    assert client.get(url).status_code == 405
    assert not ExportJob.objects.exists()


# export_status


@pytest.fixture
def job(alice, db):
    return ExportJob.objects.create(user=alice, kind="document", target=SLUG, filename="d.apkg")


def test_a_waiting_job_polls_every_second(job, alice_client, django_assert_num_queries):
    url = reverse("quizzes:export_status", args=[job.pk])
    with django_assert_num_queries(3):  # session, user, job
        response = alice_client.get(url, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'hx-trigger="every 1s"' in html and f'hx-get="{url}"' in html
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]
    full = alice_client.get(url).content.decode()
    assert "<html" in full and 'id="export-status"' in full
    assert f'href="{url}"' in full  # without JavaScript: a link to check again


def test_a_failed_job_says_so_and_offers_to_try_again(job, alice_client):
    job.fail(ExportJob.Failure.ERROR, "RuntimeError: boom")
    page = alice_client.get(job.get_absolute_url()).content.decode()
    assert str(ExportJob.Failure.ERROR.label) in page
    assert "boom" not in page  # the details are for the admins
    assert reverse("quizzes:document_deck", args=[SLUG]) in page
    assert "every 1s" not in page


def test_a_job_lost_with_its_process_shows_as_interrupted(job, alice_client):
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=1))
    page = alice_client.get(job.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "interrupted" in page
    assert "every 1s" not in page


def test_status_is_for_its_owner_only(job, client, bob):
    url = job.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(bob)
    assert client.get(url).status_code == 404
    assert client.get(url, headers={"HX-Request": "true"}).status_code == 404
    client.force_login(job.user)
    assert client.post(url).status_code == 405


# export_download


def test_the_owner_downloads_the_built_deck_and_it_imports(start, alice_client, tmp_path):
    start()
    job = ExportJob.objects.get()
    response = alice_client.get(reverse("quizzes:export_download", args=[job.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{SLUG}.apkg"'
    path = save(response, tmp_path / "built.apkg")
    assert notes_after_import(path, tmp_path) == job.notes


def test_download_is_for_its_owner_only(start, client, bob):
    start()
    url = reverse("quizzes:export_download", args=[ExportJob.objects.get().pk])
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(bob)
    assert client.get(url).status_code == 404
    client.force_login(ExportJob.objects.get().user)
    assert client.post(url).status_code == 405


def test_downloading_before_it_is_built_goes_to_the_status_page(job, alice_client):
    response = alice_client.get(reverse("quizzes:export_download", args=[job.pk]))
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()


def test_a_removed_file_is_not_found(start, alice_client):
    start()
    job = ExportJob.objects.get()
    building.export_storage().delete(job.file)
    assert alice_client.get(reverse("quizzes:export_download", args=[job.pk])).status_code == 404


# failures while building


def test_a_failing_build_shows_a_clear_message(start, alice_client, monkeypatch, exports):
    def broken(target, user):
        raise RuntimeError("disk full")

    monkeypatch.setitem(building.EXPORTERS, "document", broken)
    response = start()
    job = ExportJob.objects.get()
    assert (job.status, job.failure) == ("failed", "error")
    assert "RuntimeError: disk full" in job.error
    assert not list(exports.glob("*"))  # no half-written file left
    page = alice_client.get(response["Location"]).content.decode()
    assert str(ExportJob.Failure.ERROR.label) in page


def test_a_document_deleted_before_the_build_says_it_is_gone(
    start, alice_client, document, monkeypatch
):
    real = building.EXPORTERS["document"]

    def delete_first(target, user):
        document.delete()
        return real(target, user)

    monkeypatch.setitem(building.EXPORTERS, "document", delete_first)
    start()
    job = ExportJob.objects.get()
    assert (job.status, job.failure) == ("failed", "gone")
    page = alice_client.get(job.get_absolute_url()).content.decode()
    assert str(ExportJob.Failure.GONE.label) in page
