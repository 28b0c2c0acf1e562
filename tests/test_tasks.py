"""config.tasks.ThreadPoolBackend: enqueue returns at once, the task runs in a pool thread."""

import logging
import threading

import pytest
from django.db import connection, connections
from django.tasks import TaskResultStatus, task

from config import tasks

gate = threading.Event()
seen: dict[str, object] = {}


@task
def waits_for_the_gate() -> str:
    seen["thread"] = threading.current_thread().name
    assert gate.wait(10)
    return "done"


@task
def fails() -> None:
    raise ValueError("broken on purpose")


@task
def uses_the_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


@pytest.fixture(autouse=True)
def thread_pool(settings):
    settings.TASKS = {
        "default": {"BACKEND": "config.tasks.ThreadPoolBackend", "OPTIONS": {"MAX_WORKERS": 1}}
    }
    gate.clear()
    seen.clear()
    yield
    gate.set()
    assert tasks.wait(10)


def test_enqueue_returns_before_the_task_has_run():
    result = waits_for_the_gate.enqueue()
    assert result.status in (TaskResultStatus.READY, TaskResultStatus.RUNNING)
    assert not tasks.wait(0.05)  # still held
    assert tasks.running() == 1
    gate.set()
    assert tasks.wait(10)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "done"
    assert seen["thread"].startswith("tasks-default")


def test_a_failing_task_is_marked_failed_and_logged(caplog):
    with caplog.at_level(logging.ERROR, logger="config.tasks"):
        result = fails.enqueue()
        assert tasks.wait(10)
    assert result.status == TaskResultStatus.FAILED
    assert "ValueError" in result.errors[0].exception_class_path
    assert "broken on purpose" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_the_pool_thread_closes_its_database_connections(monkeypatch):
    # (SQLite's in-memory test database ignores close(), so watch the call itself.)
    close_all = connections.close_all

    def watched():
        seen["closed in"] = threading.current_thread().name
        close_all()

    monkeypatch.setattr(connections, "close_all", watched)
    uses_the_database.enqueue()
    assert tasks.wait(10)
    assert seen["closed in"].startswith("tasks-default")
