"""Settings for more than one process (issue 19), and the worker on the RQ backend.

The settings are read in a fresh process (manage.py shell) with the environment a deployment
would set: tests.settings overrides some of them for the rest of the suite.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = os.environ.get("MULTISERVER_REDIS_URL", "redis://127.0.0.1:6379/14")

SHOW = """
import json
from django.conf import settings
print(json.dumps({
    "tasks": settings.TASKS["default"]["BACKEND"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "sessions": settings.SESSION_ENGINE,
    "axes": settings.AXES_HANDLER,
    "exports": settings.STORAGES["exports"],
}, default=str))
"""


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1"}
    for name in ("REDIS_URL", "TASKS_BACKEND", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        environment.pop(name, None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_with(**env: str) -> dict:
    result = manage("shell", "-v", "0", "-c", SHOW, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_by_default_the_queue_and_all_state_are_in_the_database(tmp_path):
    shown = settings_with(EXPORT_ROOT=str(tmp_path))
    assert shown["tasks"] == "django_tasks_db.DatabaseBackend"
    assert shown["sessions"] == "django.contrib.sessions.backends.db"
    assert shown["axes"] == "axes.handlers.database.AxesDatabaseHandler"
    assert shown["exports"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert shown["exports"]["OPTIONS"]["location"] == str(tmp_path)


def test_with_redis_the_cache_is_shared_and_rq_can_be_chosen():
    shown = settings_with(REDIS_URL=REDIS_URL)
    assert shown["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert shown["tasks"] == "django_tasks_db.DatabaseBackend"  # still, unless chosen
    assert settings_with(REDIS_URL=REDIS_URL, TASKS_BACKEND="rq")["tasks"] == (
        "django_tasks_rq.RQBackend"
    )


@pytest.mark.parametrize(
    "env, message",
    [
        ({"TASKS_BACKEND": "rq"}, "TASKS_BACKEND=rq needs REDIS_URL"),
        ({"TASKS_BACKEND": "threads"}, "TASKS_BACKEND must be database or rq"),
    ],
)
def test_a_wrong_tasks_backend_stops_at_start(env, message):
    result = manage("check", **env)
    assert result.returncode != 0 and message in result.stderr


def test_the_worker_builds_an_export_from_the_rq_queue(tmp_path):
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.ConnectionError as error:
        if os.environ.get("CI"):
            pytest.fail(f"Redis at {REDIS_URL} is required in CI: {error}", pytrace=False)
        pytest.skip(f"no Redis at {REDIS_URL} ({error})")
    env = {
        "TASKS_BACKEND": "rq",
        "REDIS_URL": REDIS_URL,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "EXPORT_ROOT": str(tmp_path / "exports"),
    }
    assert manage("migrate", "-v", "0", **env).returncode == 0
    start = """
from accounts.models import User
from quizzes.anki import jobs
from tests.support.anki import tiny_document
tiny_document("tiny")
jobs.start(User.objects.create_user("lan"), "document", "tiny", "tiny.apkg")
"""
    started = manage("shell", "-v", "0", "-c", start, **env)
    assert started.returncode == 0, started.stderr
    worked = manage("worker", "--batch", **env)
    assert worked.returncode == 0, worked.stderr
    assert "Job OK" in worked.stdout + worked.stderr
    show = """
from quizzes.models import ExportJob
from quizzes.anki import jobs
job = ExportJob.objects.get()
print(job.status, job.notes, jobs.open_file(job).read(2))
"""
    shown = manage("shell", "-v", "0", "-c", show, **env)
    assert shown.stdout.strip().splitlines()[-1] == "done 4 b'PK'", shown.stderr
