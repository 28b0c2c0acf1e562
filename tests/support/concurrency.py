"""Helpers for tests where requests really run at once: threads released together, each with its
own database connection, on a database they can share.

PostgreSQL: the test database itself (the test commits: transactional_db). SQLite: the test
database is one in-memory database whose shared cache locks whole tables and never waits, so the
`shared_database` fixture copies its schema into a file and points every new connection at it,
with the project's own SQLite options (WAL, busy timeout, IMMEDIATE transactions): the set-up
`make run` serves.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
from django.db import connection, connections


def at_once(*calls):
    """Run the calls in threads released together; return their results (or the exception each
    raised) in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except Exception as error:  # reported to the test, which decides
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def shared_database(transactional_db, django_db_blocker, tmp_path):
    """A database that threads with their own connections share, empty, for this test."""
    if connection.vendor != "sqlite":
        yield
        return
    with django_db_blocker.unblock():
        memory = connections["default"]
        memory.ensure_connection()
        path = tmp_path / "shared.sqlite3"
        target = sqlite3.connect(path)
        memory.connection.backup(target)
        target.close()
        settings_dict = connections.settings["default"]
        name = settings_dict["NAME"]
        settings_dict["NAME"] = str(path)
        shared = connections.create_connection("default")
        connections["default"] = shared
        try:
            yield
        finally:
            shared.close()
            settings_dict["NAME"] = name
            connections["default"] = memory
