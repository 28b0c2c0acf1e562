"""Building one Anki export job's file, in a worker (quizzes.anki.tasks.build_export runs `run`).

EXPORTERS maps a job's kind to the function building its decks from its target for the job's
user (decks hold only the keys that user may see: quizzes.access), so quiz, class and learner
decks only add an entry here. The built .apkg is saved in the "exports" storage
(export_storage(): a folder or a bucket every instance sees); while it builds, the job's
heartbeat is renewed, so the worker's upkeep (quizzes.anki.jobs.reap) tells a dead worker from
a slow one. A learner's deck is built only when that learner is the job's own user (is_allowed,
checked again here whoever made the job's row). Starting jobs and their upkeep are
quizzes.anki.jobs'.
"""

from __future__ import annotations

import logging
import secrets
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import genanki
from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import connection
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


class TargetGone(LookupError):
    """What the job exports was deleted after the job started."""


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


def is_allowed(user_id: int, kind: str, target: str) -> bool:
    return kind not in PERSONAL or target == str(user_id)


def export_storage() -> Storage:
    """Where built files live: settings.STORAGES["exports"], shared by every instance."""
    return storages["exports"]


def run(job_id: int) -> None:
    """Build the job's decks, save the file in the exports storage and record the outcome."""
    job = ExportJob.objects.filter(pk=job_id).first()
    if job is None or not job.claim():
        return
    if not is_allowed(job.user_id, job.kind, job.target):
        job.fail(ExportJob.Failure.ERROR, f"{job.kind} {job.target} is not user {job.user_id}")
        return
    try:
        with _heartbeat(job.pk), tempfile.TemporaryDirectory(prefix="export-") as folder:
            decks = EXPORTERS[job.kind](job.target, job.user)
            built = Path(folder) / "deck.apkg"
            written = write_package(decks, built)
            with built.open("rb") as content:
                # The job is marked done only once the whole file is saved: a download never
                # sees half a file.
                name = export_storage().save(f"{job.pk}-{secrets.token_hex(8)}.apkg", content)
    except TargetGone as error:
        job.fail(ExportJob.Failure.GONE, str(error))
    except Exception as error:
        logger.exception("Anki export %s (%s %s) failed", job.pk, job.kind, job.target)
        job.fail(ExportJob.Failure.ERROR, f"{type(error).__name__}: {error}")
    else:
        job.finish(name, written.notes)


@contextmanager
def _heartbeat(job_pk: int) -> Iterator[None]:
    """While the block runs, a thread renews the job's heartbeat_at every
    settings.EXPORT_HEARTBEAT_SECONDS, so a job whose worker died is told from a slow one."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(settings.EXPORT_HEARTBEAT_SECONDS):
                ExportJob.objects.filter(pk=job_pk, status=ExportJob.Status.RUNNING).update(
                    heartbeat_at=timezone.now()
                )
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"export-{job_pk}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
