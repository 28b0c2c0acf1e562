"""The worker command on the RQ backend (issue 19): an export queued in one process is built by
`manage.py worker` in another. The settings that choose the backend are in
tests/config/test_settings.py."""

import os

import pytest

from tests.support.manage import manage

REDIS_URL = os.environ.get("MULTISERVER_REDIS_URL", "redis://127.0.0.1:6379/14")


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
