"""Background Anki exports (quizzes.anki.jobs) on the real thread-pool backend: while a deck is
being built, other requests are served; the job finishes, and its file imports into Anki.

The build is held on a threading.Event so "while it runs" is certain, and config.tasks.wait()
waits for it deterministically. These tests commit (transactional_db): the worker thread reads
the job from its own database connection.
"""

import threading
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from config import tasks
from quizzes.anki import jobs
from quizzes.models import ExportJob
from tests.quizzes.anki_support import notes_after_import, tiny_document

SLUG = "tiny"


@pytest.fixture(autouse=True)
def exports(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path / "exports"
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 0
    assert settings.TASKS["default"]["BACKEND"] == "config.tasks.ThreadPoolBackend"


@pytest.fixture
def held(monkeypatch):
    """Make document builds wait until the test sets the event; always released at the end."""
    release, started = threading.Event(), threading.Event()
    build = jobs.EXPORTERS["document"]

    def held_build(target, user):
        started.set()
        assert release.wait(30), "the test never released the build"
        return build(target, user)

    monkeypatch.setitem(jobs.EXPORTERS, "document", held_build)
    yield release, started
    release.set()
    assert tasks.wait(30)


@pytest.mark.django_db(transaction=True)
def test_other_requests_are_served_while_a_big_export_is_built(client, alice, held, tmp_path):
    release, started = held
    tiny_document(SLUG)
    client.force_login(alice)

    response = client.post(reverse("start_document_export", args=[SLUG]))
    assert response.status_code == 302
    assert started.wait(10), "the build never started"
    job = ExportJob.objects.get()
    assert job.status == "running"

    # The build is held in its thread: this request thread serves pages meanwhile.
    assert client.get(reverse("home")).status_code == 200
    status = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in status

    release.set()
    assert tasks.wait(30)
    job.refresh_from_db()
    assert job.status == "done" and job.finished_at is not None
    status = client.get(response["Location"]).content.decode()
    assert reverse("export_download", args=[job.pk]) in status and "every 1s" not in status
    download = client.get(reverse("export_download", args=[job.pk]))
    path = tmp_path / "built.apkg"
    path.write_bytes(b"".join(download.streaming_content))
    assert notes_after_import(path, tmp_path) == job.notes == 4


@pytest.mark.django_db(transaction=True)
def test_a_second_start_while_building_does_not_build_twice(client, alice, held):
    release, started = held
    tiny_document(SLUG)
    client.force_login(alice)
    url = reverse("start_document_export", args=[SLUG])
    first = client.post(url)
    assert started.wait(10)
    second = client.post(url)
    assert first["Location"] == second["Location"]
    assert ExportJob.objects.count() == 1
    release.set()
    assert tasks.wait(30)
    assert ExportJob.objects.get().status == "done"


@pytest.mark.django_db(transaction=True)
def test_a_failure_in_the_worker_thread_is_recorded(client, alice, monkeypatch):
    tiny_document(SLUG)
    client.force_login(alice)

    def broken(target):
        raise RuntimeError("out of memory")

    monkeypatch.setitem(jobs.EXPORTERS, "document", broken)
    response = client.post(reverse("start_document_export", args=[SLUG]))
    assert tasks.wait(30)
    job = ExportJob.objects.get()
    assert (job.status, job.failure) == ("failed", "error")
    assert str(ExportJob.Failure.ERROR.label) in client.get(response["Location"]).content.decode()


def test_a_job_runs_once(alice, tmp_path):
    tiny_document(SLUG)
    job = ExportJob.objects.create(user=alice, kind="document", target=SLUG, filename="t.apkg")
    jobs.run(job.pk)
    job.refresh_from_db()
    first = job.file
    jobs.run(job.pk)  # a duplicate delivery of the task
    job.refresh_from_db()
    assert job.file == first and len(list(jobs.export_root().iterdir())) == 1
    jobs.run(10_000)  # a job deleted meanwhile: nothing happens


def test_old_jobs_and_their_files_are_pruned(alice, bob):
    tiny_document(SLUG)
    old = ExportJob.objects.create(user=alice, kind="document", target=SLUG, filename="o.apkg")
    jobs.run(old.pk)
    recent = ExportJob.objects.create(user=bob, kind="document", target=SLUG, filename="r.apkg")
    jobs.run(recent.pk)
    old.refresh_from_db()
    recent.refresh_from_db()
    ExportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert jobs.prune() == 1
    assert list(ExportJob.objects.all()) == [recent]
    assert not old.path().exists()
    assert recent.path().exists()
