"""Background Anki exports (quizzes.anki.jobs) on django-tasks' database backend: starting one
only queues it (the web request builds nothing), `manage.py worker` builds it, the file lands
in the exports storage and imports into Anki; a job whose worker died is queued again, then
failed; old files go. These tests commit (transactional_db) where the job is queued on commit.
"""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from quizzes.anki import building, jobs
from quizzes.anki.tasks import build_export
from quizzes.models import ExportJob
from tests.support.anki import notes_after_import, tiny_document

SLUG = "tiny"


@pytest.fixture(autouse=True)
def exports(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "exports"},
        },
    }
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 0
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    return tmp_path / "exports"


def work() -> None:
    """What one worker does with the queue as it is now: its upkeep, then every task."""
    call_command("worker", batch=True, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_big_export_is_queued_then_built_by_the_worker(client, alice, tmp_path):
    tiny_document(SLUG)
    client.force_login(alice)

    response = client.post(reverse("quizzes:start_document_export", args=[SLUG]))
    assert response.status_code == 302
    job = ExportJob.objects.get()
    assert job.status == "pending"  # the request only queued it
    task = DBTaskResult.objects.get()
    assert (task.status, task.args_kwargs["args"]) == ("READY", [job.pk])
    assert client.get(reverse("quizzes:home")).status_code == 200
    status = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in status

    work()
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("done", 1) and job.finished_at is not None
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    status = client.get(response["Location"]).content.decode()
    assert reverse("quizzes:export_download", args=[job.pk]) in status and "every 1s" not in status
    download = client.get(reverse("quizzes:export_download", args=[job.pk]))
    path = tmp_path / "built.apkg"
    path.write_bytes(b"".join(download.streaming_content))
    assert notes_after_import(path, tmp_path) == job.notes == 4


@pytest.mark.django_db(transaction=True)
def test_a_second_start_before_it_is_built_does_not_build_twice(client, alice):
    tiny_document(SLUG)
    client.force_login(alice)
    url = reverse("quizzes:start_document_export", args=[SLUG])
    first = client.post(url)
    second = client.post(url)
    assert first["Location"] == second["Location"]
    assert ExportJob.objects.count() == 1 and DBTaskResult.objects.count() == 1
    work()
    assert ExportJob.objects.get().status == "done"


@pytest.mark.django_db(transaction=True)
def test_a_failure_in_the_worker_is_recorded(client, alice, monkeypatch):
    tiny_document(SLUG)
    client.force_login(alice)

    def broken(target, user):
        raise RuntimeError("out of memory")

    monkeypatch.setitem(building.EXPORTERS, "document", broken)
    response = client.post(reverse("quizzes:start_document_export", args=[SLUG]))
    work()
    job = ExportJob.objects.get()
    assert (job.status, job.failure) == ("failed", "error")
    assert "out of memory" in job.error
    assert str(ExportJob.Failure.ERROR.label) in client.get(response["Location"]).content.decode()


def test_a_job_runs_once(alice, exports):
    tiny_document(SLUG)
    job = ExportJob.objects.create(user=alice, kind="document", target=SLUG, filename="t.apkg")
    building.run(job.pk)
    job.refresh_from_db()
    first = job.file
    building.run(job.pk)  # a duplicate delivery of the task
    job.refresh_from_db()
    assert job.file == first and [p.name for p in exports.iterdir()] == [first]
    building.run(10_000)  # a job deleted meanwhile: nothing happens


def test_the_file_name_is_the_workers_own(alice):
    tiny_document(SLUG)
    job = ExportJob.objects.create(
        user=alice, kind="document", target=SLUG, filename="../../etc/passwd"
    )
    building.run(job.pk)
    job.refresh_from_db()
    assert job.file.startswith(f"{job.pk}-") and "/" not in job.file
    assert jobs.open_file(job).read(2) == b"PK"  # an .apkg is a zip


def _building(user, heartbeat_age: timedelta, attempts: int) -> ExportJob:
    job = ExportJob.objects.create(user=user, kind="document", target=SLUG, filename="t.apkg")
    ExportJob.objects.filter(pk=job.pk).update(
        status="running", attempts=attempts, heartbeat_at=timezone.now() - heartbeat_age
    )
    job.refresh_from_db()
    return job


def test_a_job_whose_worker_died_is_queued_again_then_failed(alice, settings):
    settings.EXPORT_HEARTBEAT_SECONDS = 10
    tiny_document(SLUG)
    alive = _building(alice, timedelta(seconds=5), attempts=1)
    dead = _building(alice, timedelta(seconds=40), attempts=1)
    dead_twice = _building(alice, timedelta(seconds=40), attempts=2)
    # The page keeps polling a job that will be queued again; one out of attempts is lost.
    assert (alive.is_stuck, dead.is_stuck, dead_twice.is_stuck) == (False, False, True)
    alive.created_at -= timedelta(hours=2)
    assert not alive.is_stuck  # a long build with a heartbeat is not lost

    lost_task = build_export.enqueue(dead.pk)
    DBTaskResult.objects.filter(pk=lost_task.id).update(status="RUNNING")

    assert jobs.reap() == (1, 1)
    assert DBTaskResult.objects.get(pk=lost_task.id).status == "FAILED"
    for job in (alive, dead, dead_twice):
        job.refresh_from_db()
    assert alive.status == "running"
    assert dead.status == "pending"
    again = DBTaskResult.objects.get(status="READY")  # queued again
    assert again.args_kwargs["args"] == [dead.pk]
    assert (dead_twice.status, dead_twice.failure) == ("failed", "error")
    assert "worker stopped" in dead_twice.error
    assert jobs.reap() == (0, 0)


def test_a_job_no_worker_took_is_failed(alice):
    job = ExportJob.objects.create(user=alice, kind="document", target=SLUG, filename="t.apkg")
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert jobs.reap() == (0, 1)
    job.refresh_from_db()
    assert job.status == "failed"


def test_old_jobs_and_their_files_are_pruned(alice, bob, exports):
    tiny_document(SLUG)
    old = ExportJob.objects.create(user=alice, kind="document", target=SLUG, filename="o.apkg")
    building.run(old.pk)
    recent = ExportJob.objects.create(user=bob, kind="document", target=SLUG, filename="r.apkg")
    building.run(recent.pk)
    old.refresh_from_db()
    recent.refresh_from_db()
    ExportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    stray = exports / "stray.apkg"
    stray.write_bytes(b"left by a killed worker")
    assert jobs.prune() == 1
    assert not (exports / old.file).exists()
    assert (exports / recent.file).exists()
    assert jobs.sweep() == 0  # the stray file is recent: kept
    assert stray.exists()
    later = timezone.now() + timedelta(days=2)
    assert jobs.sweep(later) == 1 and not stray.exists()
    jobs.maintain(later)  # a day later: all of it
    assert not ExportJob.objects.exists() and list(exports.iterdir()) == []


def test_upkeep_with_nothing_exported_yet(db):
    assert jobs.prune() == 0 and jobs.sweep() == 0
    jobs.maintain()


@pytest.mark.django_db(transaction=True)  # the heartbeat thread writes from its own connection
def test_a_building_job_renews_its_heartbeat(alice, settings, monkeypatch):
    settings.EXPORT_HEARTBEAT_SECONDS = 0.05
    tiny_document(SLUG)
    job = ExportJob.objects.create(user=alice, kind="document", target=SLUG, filename="t.apkg")
    build, seen = building.EXPORTERS["document"], []

    def slow_build(target, user):
        first = ExportJob.objects.get(pk=job.pk).heartbeat_at
        time.sleep(0.4)
        seen.append((first, ExportJob.objects.get(pk=job.pk).heartbeat_at))
        return build(target, user)

    monkeypatch.setitem(building.EXPORTERS, "document", slow_build)
    building.run(job.pk)
    first, later = seen[0]
    assert later > first
    job.refresh_from_db()
    assert job.status == "done" and not job.is_stuck
