"""The database as `make run` configures it serves a class: on SQLite a WAL journal, a busy
timeout and write transactions that begin IMMEDIATE (the fix for "database is locked" under 30
learners); PostgreSQL's configuration is left as it was. Each case runs the project's own
settings in a fresh interpreter, whatever database the suite itself runs on."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.db import connection, transaction
out = {"vendor": connection.vendor, "options": connection.settings_dict.get("OPTIONS", {})}
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
    environment = dict(
        os.environ,
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


def test_postgresql_gets_no_sqlite_options():
    found = probe("postgres://postgres@127.0.0.1:5432/unused")
    assert found["vendor"] == "postgresql"
    assert "transaction_mode" not in found["options"] and "init_command" not in found["options"]
