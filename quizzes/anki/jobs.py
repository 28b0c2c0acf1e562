"""Anki decks built in the background: start an ExportJob, find a user's, and the upkeep.

A deck too large to build during a request (quizzes.anki.documents.note_estimate over
settings.ANKI_DIRECT_EXPORT_MAX_NOTES) becomes an ExportJob; starting it queues the task
quizzes.anki.tasks.build_export, which a worker process runs through Django's tasks framework
(`manage.py worker`; settings.TASKS): quizzes.anki.building builds the .apkg and saves it in the
"exports" storage (a folder or a bucket every instance sees); the owner polls the job's page and
downloads the file from any web instance. The worker's periodic upkeep (maintain) queues again,
or fails, a job whose worker died, and deletes what is a day old.

A learner's deck ("my cards") is personal: its target is the learner's pk, and a job builds it
only when that learner is the job's own user (start refuses anything else, and the build checks
again, so a job row made any other way cannot hand one learner's cards to another).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from quizzes.anki.building import export_storage, is_allowed
from quizzes.anki.tasks import build_export
from quizzes.models import ExportJob

logger = logging.getLogger(__name__)

KEEP = timedelta(days=1)  # built files are removed, with their jobs, after a day


class TooManyJobs(RuntimeError):
    """The user already has settings.ANKI_EXPORTS_PER_USER exports waiting or being built."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} exports at once")
        self.limit = limit


class WorkerLost(RuntimeError):
    """The worker building a job stopped without a word (killed, machine lost): the name
    recorded on the task's row."""


def open_file(job: ExportJob) -> File | None:
    """The job's built file, open for reading; None when it has none or it was removed. Its
    name is the one the worker chose (never anything a user sent)."""
    storage = export_storage()
    if not job.file or not storage.exists(job.file):
        return None
    return storage.open(job.file, "rb")


def start(user, kind: str, target: str, filename: str) -> ExportJob:
    """The user's unfinished job for this target, else a new one, queued once it is saved.
    A personal deck's target must be the user's own pk (ValueError otherwise). A user has at
    most settings.ANKI_EXPORTS_PER_USER jobs waiting or building at once (TooManyJobs
    otherwise), so that one account cannot fill the workers."""
    if not is_allowed(user.pk, kind, target):
        raise ValueError(f"a {kind} deck is built only for its own user")

    with transaction.atomic():
        # Starts by one user run one at a time, so two at once cannot both pass the count.
        User.objects.select_for_update().filter(pk=user.pk).first()
        active = active_jobs(user)
        for job in active:
            if job.kind == kind and job.target == target:
                return job
        limit = settings.ANKI_EXPORTS_PER_USER
        if len(active) >= limit:
            raise TooManyJobs(limit)
        prune()
        job = ExportJob.objects.create(user=user, kind=kind, target=target, filename=filename)
        # The worker reads the row from its own connection: queue it after the commit.
        transaction.on_commit(partial(build_export.enqueue, job.pk))
    return job


def active_jobs(user) -> list[ExportJob]:
    """The user's jobs waiting or being built (not those lost long ago), oldest first."""
    unfinished = ExportJob.objects.filter(
        user=user, status__in=[ExportJob.Status.PENDING, ExportJob.Status.RUNNING]
    ).order_by("created_at", "pk")
    return [job for job in unfinished if job.is_active]


def reap(now=None) -> tuple[int, int]:
    """Jobs whose worker died while building them (no heartbeat for ExportJob.lost_after()):
    queued again while they have attempts left, else marked failed; and jobs waiting longer than
    ExportJob.STUCK_AFTER (no worker took them) are marked failed. Nothing stays "building"
    forever. Returns (queued again, failed)."""
    now = now or timezone.now()
    requeued = failed = 0
    lost = ExportJob.objects.filter(
        status=ExportJob.Status.RUNNING, heartbeat_at__lt=now - ExportJob.lost_after()
    )
    for job in lost:
        # Only if nothing touched it since we read it (another upkeep, a late heartbeat).
        same = ExportJob.objects.filter(
            pk=job.pk, status=ExportJob.Status.RUNNING, heartbeat_at=job.heartbeat_at
        )
        _fail_lost_task_rows(job.pk, now)
        if job.attempts < ExportJob.MAX_ATTEMPTS:
            if same.update(status=ExportJob.Status.PENDING):
                build_export.enqueue(job.pk)
                requeued += 1
        elif same.update(
            status=ExportJob.Status.FAILED,
            failure=ExportJob.Failure.ERROR,
            error=f"the worker stopped while building it ({job.attempts} attempts)",
            finished_at=now,
        ):
            failed += 1
    failed += ExportJob.objects.filter(
        status=ExportJob.Status.PENDING, created_at__lt=now - ExportJob.STUCK_AFTER
    ).update(
        status=ExportJob.Status.FAILED,
        failure=ExportJob.Failure.ERROR,
        error="no worker took it",
        finished_at=now,
    )
    if requeued or failed:
        logger.warning("Export upkeep: %d lost jobs queued again, %d failed", requeued, failed)
    return requeued, failed


def _fail_lost_task_rows(job_pk: int, now) -> None:
    """With the database queue, the task row of a build whose worker died says "RUNNING"
    forever (django-tasks-db cannot tell): mark it failed too, so its table tells the truth."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(build_export.get_backend(), DatabaseBackend):
        return  # RQ moves a job whose worker died to its failed registry itself
    rows = DBTaskResult.objects.filter(status="RUNNING", task_path=build_export.module_path)
    lost = [row.pk for row in rows.only("args_kwargs") if row.args_kwargs["args"] == [job_pk]]
    rows.filter(pk__in=lost).update(
        status="FAILED",
        finished_at=now,
        exception_class_path=f"{__name__}.{WorkerLost.__qualname__}",
        traceback="The worker stopped while running this task (no heartbeat).",
    )


def prune(now=None) -> int:
    """Delete jobs older than KEEP and their files; how many jobs went."""
    cutoff = (now or timezone.now()) - KEEP
    storage = export_storage()
    old = list(ExportJob.objects.filter(created_at__lt=cutoff))
    for job in old:
        if job.file:
            storage.delete(job.file)
    ExportJob.objects.filter(pk__in=[job.pk for job in old]).delete()
    return len(old)


def sweep(now=None) -> int:
    """Delete files of the exports storage older than KEEP that no job names (a worker killed
    while saving one); how many went. Lists the whole storage: for the upkeep, not a request."""
    cutoff = (now or timezone.now()) - KEEP
    storage = export_storage()
    try:
        _, files = storage.listdir("")
    except FileNotFoundError:  # nothing was ever exported
        return 0
    kept = set(ExportJob.objects.exclude(file="").values_list("file", flat=True))
    stray = [name for name in files if name not in kept]
    stray = [name for name in stray if storage.get_modified_time(name) < cutoff]
    for name in stray:
        storage.delete(name)
    return len(stray)


def maintain(now=None) -> None:
    """The worker's periodic upkeep (`manage.py worker`): reap, prune and sweep."""
    reap(now)
    prune(now)
    sweep(now)
