"""`manage.py worker`: the background worker process, beside the web processes.

It runs the tasks queued through Django's tasks framework (settings.TASKS) with the engine of
the configured backend: django-tasks-db's `db_worker` (the queue is a database table) or, with
TASKS_BACKEND=rq, django-rq's `rqworker` (the queue is in Redis). Beside it, a thread runs the
exports' upkeep every settings.WORKER_MAINTENANCE_SECONDS (quizzes.anki.jobs.maintain: exports
whose worker died are queued again or failed, files older than a day deleted); so the periodic
clean-up needs no cron. Run one or more; each task runs once whichever worker takes it.

`--batch` runs the upkeep once, then every task already queued, and exits (tests, cron).
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from quizzes.anki import jobs

logger = logging.getLogger(__name__)


def _upkeep() -> None:
    try:
        jobs.maintain()
    except Exception:  # the next round tries again; the worker itself goes on
        logger.exception("Export upkeep failed")
    finally:
        connection.close()


def _upkeep_loop(every: float, stop: threading.Event) -> None:
    while not stop.is_set():
        _upkeep()
        stop.wait(every)


class Command(BaseCommand):
    help = "Run queued background tasks (Anki exports) and the exports' periodic upkeep."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Run what is queued now, then exit."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between two looks at an empty database queue (default 1).",
        )

    def handle(self, *, batch: bool, interval: float, verbosity: int, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if batch:
            _upkeep()
        else:
            stop = threading.Event()
            every = settings.WORKER_MAINTENANCE_SECONDS
            threading.Thread(
                target=_upkeep_loop, args=(every, stop), name="upkeep", daemon=True
            ).start()
        if backend == "django_tasks_rq.RQBackend":
            call_command(
                "rqworker",
                *settings.TASKS["default"].get("QUEUES", ["default"]),
                job_class="django_tasks_rq.backend.Job",
                burst=batch,
                verbosity=verbosity,
            )
        else:
            call_command(
                "db_worker",
                batch=batch,
                reload=False,
                interval=interval,
                startup_delay=False,
                verbosity=verbosity,
            )
