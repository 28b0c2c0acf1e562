"""A Django tasks backend that runs each task in a thread pool of the web process itself.

Django's tasks framework (django.tasks) ships only the Immediate backend (runs the task inside
the request) and the Dummy one (never runs it). This one returns from enqueue() at once and runs
the task in a small pool of threads in the same process: long work such as a 10,000-note Anki
export leaves the request threads free, with no broker or extra process to run. It is not a
durable queue: a task in flight when the process stops is lost, so callers record their own
state (quizzes.models.ExportJob) and treat a job that never finished as interrupted. Moving to
a worker process later is a TASKS setting, not a code change.

Settings: TASKS = {"default": {"BACKEND": "config.tasks.ThreadPoolBackend",
"OPTIONS": {"MAX_WORKERS": 1}}}.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for

from django.db import connections
from django.tasks import TaskResult, TaskResultStatus
from django.tasks.backends.immediate import ImmediateBackend
from django.utils.crypto import get_random_string

logger = logging.getLogger(__name__)

# Django builds a backend object per thread (like cache connections); the pool and what runs in
# it must be one per process, so they live here, keyed by the backend's alias.
_lock = threading.Lock()
_pools: dict[str, ThreadPoolExecutor] = {}
_running: set[Future] = set()


class ThreadPoolBackend(ImmediateBackend):
    """ImmediateBackend's bookkeeping (statuses, signals, errors) run in a pool thread."""

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_string(32),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        future = self._pool().submit(self._run, result)
        with _lock:
            _running.add(future)
        future.add_done_callback(_done)
        return result

    def _pool(self) -> ThreadPoolExecutor:
        with _lock:
            if self.alias not in _pools:
                workers = int(self.options.get("MAX_WORKERS", 1))
                _pools[self.alias] = ThreadPoolExecutor(workers, f"tasks-{self.alias}")
            return _pools[self.alias]

    def _run(self, result) -> None:
        try:
            self._execute_task(result)
            if result.status == TaskResultStatus.FAILED:
                logger.error("Task %s failed:\n%s", result.task.name, result.errors[-1].traceback)
        finally:
            # Each pool thread has its own database connections: close them after every task,
            # so none is left open (or stale) between tasks.
            connections.close_all()


def _done(future: Future) -> None:
    with _lock:
        _running.discard(future)
    if future.exception() is not None:  # the runner itself broke, not the task: say so
        logger.error("Task runner failed", exc_info=future.exception())


def wait(timeout: float | None = None) -> bool:
    """Block until every task enqueued so far has finished; False on timeout. For tests and
    for a clean shutdown."""
    with _lock:
        pending = set(_running)
    _, not_done = wait_for(pending, timeout)
    return not not_done


def running() -> int:
    """How many enqueued tasks have not finished yet."""
    with _lock:
        return len(_running)
