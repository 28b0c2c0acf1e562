"""Building Anki decks in the background: start an ExportJob, run it, prune old ones.

A deck too large to build during a request (quizzes.anki.documents.note_estimate over
settings.ANKI_DIRECT_EXPORT_MAX_NOTES) becomes an ExportJob; the task quizzes.tasks.build_export
runs `run(job_id)` through Django's tasks framework (config.tasks.ThreadPoolBackend: a thread of
the web process), which writes the .apkg under settings.EXPORT_ROOT; the owner polls the job's
page and downloads the file. EXPORTERS maps a job's kind to the function building its decks
from its target for the job's user (decks hold only the keys that user may see:
quizzes.access), so quiz, class and learner decks only add an entry here.

A learner's deck ("my cards") is personal: its target is the learner's pk, and a job builds it
only when that learner is the job's own user (start refuses anything else, and run checks again,
so a job row made any other way cannot hand one learner's cards to another).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path

import genanki
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import Classroom, User
from content.models import Document
from quizzes.anki.classes import class_decks
from quizzes.anki.deck import write_package
from quizzes.anki.documents import document_decks
from quizzes.anki.learners import learner_decks
from quizzes.anki.quizzes import quiz_decks
from quizzes.models import ExportJob, Quiz

logger = logging.getLogger(__name__)

KEEP = timedelta(days=1)  # built files are removed, with their jobs, after a day


class TargetGone(LookupError):
    """What the job exports was deleted after the job started."""


class TooManyJobs(RuntimeError):
    """The user already has settings.ANKI_EXPORTS_PER_USER exports waiting or being built."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} exports at once")
        self.limit = limit


def _document(slug: str, user) -> list[genanki.Deck]:
    document = Document.objects.filter(slug=slug).first()
    if document is None:
        raise TargetGone(f"no document {slug!r}")
    return document_decks(document, for_user=user)


def _quiz(pk: str, user) -> list[genanki.Deck]:
    quiz = Quiz.objects.select_related("document").filter(pk=int(pk)).first()
    if quiz is None:
        raise TargetGone(f"no quiz {pk}")
    return quiz_decks(quiz, for_user=user)


def _class(pk: str, user) -> list[genanki.Deck]:
    classroom = Classroom.objects.filter(pk=int(pk)).first()
    if classroom is None:
        raise TargetGone(f"no class {pk}")
    return class_decks(classroom, for_user=user)


def _learner(pk: str, user) -> list[genanki.Deck]:
    user = User.objects.filter(pk=int(pk)).first()
    if user is None:
        raise TargetGone(f"no user {pk}")
    return learner_decks(user)


EXPORTERS: dict[str, Callable[[str, User], list[genanki.Deck]]] = {
    ExportJob.Kind.DOCUMENT: _document,
    ExportJob.Kind.QUIZ: _quiz,
    ExportJob.Kind.CLASS: _class,
    ExportJob.Kind.LEARNER: _learner,
}

# Kinds whose target is a user: only that user's own job may build it.
PERSONAL = {ExportJob.Kind.LEARNER}


def _is_allowed(user_id: int, kind: str, target: str) -> bool:
    return kind not in PERSONAL or target == str(user_id)


def export_root() -> Path:
    return Path(settings.EXPORT_ROOT)


def start(user, kind: str, target: str, filename: str) -> ExportJob:
    """The user's unfinished job for this target, else a new one, queued once it is saved.
    A personal deck's target must be the user's own pk (ValueError otherwise). A user has at
    most settings.ANKI_EXPORTS_PER_USER jobs waiting or building at once (TooManyJobs
    otherwise), so that one account cannot fill the workers."""
    from quizzes.tasks import build_export

    if not _is_allowed(user.pk, kind, target):
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


def run(job_id: int) -> None:
    """Build the job's decks into a file under EXPORT_ROOT and record the outcome."""
    job = ExportJob.objects.filter(pk=job_id).first()
    if job is None or not job.claim():
        return
    if not _is_allowed(job.user_id, job.kind, job.target):
        job.fail(ExportJob.Failure.ERROR, f"{job.kind} {job.target} is not user {job.user_id}")
        return
    root = export_root()
    name = f"{job.pk}-{secrets.token_hex(8)}.apkg"
    partial_file = root / f"{name}.part"
    try:
        decks = EXPORTERS[job.kind](job.target, job.user)
        root.mkdir(parents=True, exist_ok=True)
        written = write_package(decks, partial_file)
        partial_file.replace(root / name)  # a download never sees half a file
    except TargetGone as error:
        job.fail(ExportJob.Failure.GONE, str(error))
    except Exception as error:
        logger.exception("Anki export %s (%s %s) failed", job.pk, job.kind, job.target)
        partial_file.unlink(missing_ok=True)
        job.fail(ExportJob.Failure.ERROR, f"{type(error).__name__}: {error}")
    else:
        job.finish(name, written.notes)


def prune(now=None) -> int:
    """Delete jobs older than KEEP and their files; how many jobs went."""
    cutoff = (now or timezone.now()) - KEEP
    old = list(ExportJob.objects.filter(created_at__lt=cutoff))
    for job in old:
        path = job.path()
        if path is not None:
            path.unlink(missing_ok=True)
    ExportJob.objects.filter(pk__in=[job.pk for job in old]).delete()
    return len(old)
