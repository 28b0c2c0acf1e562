"""The database as `make run` configures it serves a class: on SQLite a WAL journal, a busy
timeout and write transactions that begin IMMEDIATE (the fix for "database is locked" under 30
learners); PostgreSQL's configuration is left as it was. Each case runs the project's own
settings in a fresh interpreter, whatever database the suite itself runs on.

Settings for more than one process (issue 19) are read the same way, through manage.py with
the environment a deployment would set."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.manage import manage

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.db import connection, transaction
out = {"vendor": connection.vendor, "options": connection.settings_dict.get("OPTIONS", {})}
out["conn_max_age"] = connection.settings_dict["CONN_MAX_AGE"]
if connection.vendor == "sqlite":
    with connection.cursor() as cursor:
        for pragma in ("journal_mode", "synchronous", "busy_timeout"):
            out[pragma] = cursor.execute(f"PRAGMA {pragma}").fetchone()[0]
    with transaction.atomic():
        out["in_transaction"] = connection.connection.in_transaction
    out["transaction_mode"] = connection.transaction_mode
print(json.dumps(out))
"""


def probe(database_url: str, **env) -> dict:
    inherited = {k: v for k, v in os.environ.items() if k not in ("CONN_MAX_AGE", "SQLITE_TIMEOUT")}
    environment = dict(
        inherited,
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="1",
        **env,
    )
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_sqlite_runs_in_wal_with_a_busy_timeout_and_immediate_transactions(tmp_path):
    found = probe(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    assert found["journal_mode"] == "wal"
    assert found["synchronous"] == 1  # NORMAL
    assert found["busy_timeout"] == 20_000
    assert found["transaction_mode"] == "IMMEDIATE" and found["in_transaction"]


def test_the_sqlite_timeout_comes_from_the_environment(tmp_path):
    found = probe(f"sqlite:///{tmp_path / 'class.sqlite3'}", SQLITE_TIMEOUT="5")
    assert found["busy_timeout"] == 5_000


def test_sqlite_keeps_its_connections_a_minute_unless_told(tmp_path):
    """No connection opened (and the journal copied back) per request; CONN_MAX_AGE rules."""
    assert probe(f"sqlite:///{tmp_path / 'class.sqlite3'}")["conn_max_age"] == 60
    told = probe(f"sqlite:///{tmp_path / 'class.sqlite3'}", CONN_MAX_AGE="0")
    assert told["conn_max_age"] == 0


def test_postgresql_gets_no_sqlite_options():
    """Nor persistent connections by default: every instance's threads would hold one, which
    max_connections must allow for (README)."""
    found = probe("postgres://postgres@127.0.0.1:5432/unused")
    assert found["vendor"] == "postgresql"
    assert "transaction_mode" not in found["options"] and "init_command" not in found["options"]
    assert found["conn_max_age"] == 0


# --- more than one process (issue 19) ---------------------------------------------------------

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
