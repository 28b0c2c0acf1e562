"""Two web instances and a worker against one PostgreSQL database and Redis: any instance serves
any request (sessions, lockout counters, export jobs and their files are shared), the worker
builds the exports, and a worker killed mid-export leaves its job queued again, then built or
failed, never "building" forever.

Each instance is the production gunicorn (config/gunicorn.conf.py, one process each) on a free
port, the worker is `manage.py worker`; they share pytest-django's test database and a Redis
database (MULTISERVER_REDIS_URL, default redis://127.0.0.1:6379/14, flushed before use). The
test talks HTTP to the instances like a browser (cookies, CSRF) and reads the database to
check. PostgreSQL only: SQLite's test database lives in one process (skipped there).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from content.models import Document, Term
from flashcards.models import LearnerCard, ReviewLog
from quizzes.models import AttemptItem, ExportJob
from tests.conftest import PASSWORD
from tests.support.anki import notes_after_import

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = os.environ.get("MULTISERVER_REDIS_URL", "redis://127.0.0.1:6379/14")
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

pytestmark = [
    pytest.mark.multiserver,
    pytest.mark.skipif(
        not ON_POSTGRES,
        reason="needs PostgreSQL (DATABASE_URL=postgres://…): SQLite's test database is "
        "in one process, the instances could not share it",
    ),
    pytest.mark.django_db(transaction=True),  # the instances see what the test commits
]


def _redis_or_skip():
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError as error:
        if os.environ.get("CI"):
            pytest.fail(f"Redis at {REDIS_URL} is required in CI: {error}", pytrace=False)
        pytest.skip(f"no Redis at {REDIS_URL} ({error})")
    client.flushdb()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(tmp_path: Path) -> dict[str, str]:
    """One environment for every process: the test database, Redis, one exports folder."""
    db = connection.settings_dict
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="1",  # plain HTTP here: secure cookies would never be sent back
        DATABASE_URL=(
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        REDIS_URL=REDIS_URL,
        EXPORT_ROOT=str(tmp_path / "exports"),
        ANKI_DIRECT_EXPORT_MAX_NOTES="100",
        EXPORT_HEARTBEAT_SECONDS="1",
        WORKER_MAINTENANCE_SECONDS="1",
        LOG_LEVEL="WARNING",
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="4",
    )
    return env


class Processes:
    def __init__(self, env: dict[str, str], logs: Path):
        self.env, self.logs, self.running = env, logs, []

    def start(self, name: str, *command: str, stop=signal.SIGTERM) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("w")
        process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        self.running.append((process, stop))
        return process

    def web(self, name: str) -> str:
        port = free_port()
        # Each instance on its own port (config/gunicorn.conf.py leaves the control socket off).
        options = ["--bind", f"127.0.0.1:{port}"]
        # SIGINT: gunicorn's quick shutdown (SIGTERM would wait for idle keep-alive connections).
        self.start(name, sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py",
                   *options, "config.wsgi", stop=signal.SIGINT)  # fmt: skip
        return f"http://127.0.0.1:{port}"

    def worker(self, name: str) -> subprocess.Popen:
        return self.start(name, sys.executable, "manage.py", "worker", "--interval", "0.2")

    def stop(self) -> None:
        for process, stop in self.running:
            if process.poll() is None:
                process.send_signal(stop)
        for process, _ in self.running:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def processes(tmp_path):
    _redis_or_skip()
    running = Processes(environment(tmp_path), tmp_path)
    yield running
    running.stop()
    for log in tmp_path.glob("*.log"):  # shown by pytest when the test failed
        print(f"== {log.name}\n{log.read_text()[-3000:]}")


def wait_for(check: Callable[[], object], timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def wait_until_up(*urls: str) -> None:
    def up(url):
        try:
            return requests.get(f"{url}/accounts/login/", timeout=10).status_code == 200
        except (requests.ConnectionError, requests.Timeout):
            return False

    for url in urls:
        wait_for(lambda url=url: up(url), 40, f"{url} to serve")


class Browser:
    """One learner's cookies, sent to whichever instance is asked (cookies are per host, not
    per port): the session made on one instance must work on the other."""

    def __init__(self):
        self.http = requests.Session()
        self.http.headers["Accept-Language"] = "en"

    def get(self, url: str, **kwargs) -> requests.Response:
        return self.http.get(url, timeout=30, **kwargs)

    def post(self, url: str, data=None, **kwargs) -> requests.Response:
        """A form POST with the CSRF token of the cookie (set by any instance, valid on all)."""
        headers = {"X-CSRFToken": self.http.cookies["csrftoken"]}
        return self.http.post(url, data=data, headers=headers, timeout=30, **kwargs)

    def sign_in(self, base: str, username: str, password: str) -> requests.Response:
        page = self.get(f"{base}/accounts/login/").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.http.post(
            f"{base}/accounts/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": token},
            timeout=30,
        )


def learner(username: str) -> User:
    """A user whose password the instances can check: they use the production hashers (the
    tests' fast MD5 one is not among them); few iterations, to keep the test quick."""
    user = User.objects.create_user(username)
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "multiserversalt", iterations=1000)
    user.save(update_fields=["password"])
    return user


def big_document(slug: str, notes: int) -> Document:
    """A document whose deck has `notes` notes (one per bilingual term)."""
    document = Document.objects.create(
        slug=slug, title_zh="大", title_vi="Lớn", languages="zh,vi", source_text="…"
    )
    Term.objects.bulk_create(
        Term(document=document, key=f"place:{i}", kind="place", zh=f"地{i}", vi=f"Đất {i}")
        for i in range(notes)
    )
    return document


def test_two_instances_and_a_worker_serve_one_learner(
    processes, make_quiz, quiz_document, tmp_path
):
    learner("lan")
    quiz = make_quiz(
        [("true_false", "vi"), ("cloze", "vi"), ("translation", "vi"), ("cloze", "zh")]
    )
    big_document("big", 3000)
    a, b = processes.web("a"), processes.web("b")
    processes.worker("worker")
    wait_until_up(a, b)
    lan = Browser()

    # Signs in on A; B knows her (the session is a database row).
    assert lan.sign_in(a, "lan", PASSWORD).url.rstrip("/") == a
    assert "/accounts/login/" not in lan.get(f"{b}/quizzes/").url

    # Answers on A and B alternately: every answer is recorded once, in order.
    attempt_url = lan.post(f"{a}/quizzes/{quiz.pk}/start/").url
    attempt = int(re.search(r"/attempts/(\d+)/", attempt_url).group(1))
    items = AttemptItem.objects.filter(attempt_id=attempt).select_related("question")
    assert items.count() == 3
    for item in items.order_by("position"):
        position = item.position
        right = "true" if item.question.type == "true_false" else item.question.answer
        base = a if position % 2 else b
        page = lan.post(f"{base}/attempts/{attempt}/{position}/answer/", data={"response": right})
        assert page.status_code == 200, page.text[:500]
    assert {(item.answered_at is not None, item.correct) for item in items.all()} == {(True, True)}

    # Rates a card on A and undoes the rating on B.
    assert lan.post(f"{a}/cards/study/{quiz_document.slug}/").status_code == 200
    card = LearnerCard.objects.filter(user__username="lan").order_by("pk").first()
    before = (card.state, card.due, card.reps)
    rated = lan.post(
        f"{a}/cards/rate/", data={"card": card.pk, "version": card.version, "rating": 3}
    )
    assert rated.status_code == 200
    log = ReviewLog.objects.get(learner_card=card)
    undone = lan.post(f"{b}/cards/undo/", data={"log": log.pk})
    assert undone.status_code == 200 and "The last rating was undone." in undone.text
    card.refresh_from_db()
    assert (card.state, card.due, card.reps) == before
    assert not ReviewLog.objects.filter(learner_card=card).exists()

    # Starts a 3,000-note export on B; the worker builds it; A serves the file.
    status_url = lan.post(f"{b}/documents/big/anki/export/").url
    job = ExportJob.objects.get()
    assert status_url.endswith(job.get_absolute_url())
    wait_for(
        lambda: "/download/" in lan.get(f"{a}{job.get_absolute_url()}").text,
        40,
        "the worker to build the export",
    )
    job.refresh_from_db()
    assert (job.status, job.notes, job.attempts) == ("done", 3000, 1)
    task = DBTaskResult.objects.get()
    assert task.status == "SUCCESSFUL" and task.worker_ids  # built by the worker
    download = lan.get(f"{a}/exports/{job.pk}/download/")
    assert download.status_code == 200
    deck = tmp_path / "big.apkg"
    deck.write_bytes(download.content)
    assert notes_after_import(deck, tmp_path) == 3000

    # Failed sign-ins counted across instances: five, alternating, lock the login on both.
    learner("minh")
    stranger = Browser()
    for attempt_number in range(5):
        stranger.sign_in(a if attempt_number % 2 else b, "minh", "wrong password")
    assert stranger.sign_in(a, "minh", PASSWORD).status_code == 429


def test_a_worker_killed_mid_export_leaves_the_job_retried_not_running(processes, tmp_path):
    learner("lan")
    big_document("huge", 20_000)  # long enough to be killed while building it
    web = processes.web("web")
    first = processes.worker("first-worker")
    wait_until_up(web)
    browser = Browser()
    browser.sign_in(web, "lan", PASSWORD)
    browser.post(f"{web}/documents/huge/anki/export/")
    job = ExportJob.objects.get()

    wait_for(
        lambda: ExportJob.objects.filter(pk=job.pk, status="running").exists(),
        30,
        "the worker to start building",
    )
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("running", 1)  # what the dead worker left

    # Another worker's upkeep finds the job silent, queues it again and builds it.
    processes.worker("second-worker")
    wait_for(
        lambda: ExportJob.objects.filter(pk=job.pk, status__in=["done", "failed"]).exists(),
        45,
        "the job to be retried and finished",
    )
    job.refresh_from_db()
    assert (job.status, job.attempts, job.notes) == ("done", 2, 20_000)
    lost, retried = DBTaskResult.objects.order_by("enqueued_at")
    assert lost.status == "FAILED" and lost.exception_class_path.endswith("WorkerLost")
    # (the task's row is closed just after the job's)
    wait_for(lambda: DBTaskResult.objects.filter(pk=retried.pk, status="SUCCESSFUL"), 10, "")
    assert browser.get(f"{web}/exports/{job.pk}/download/").status_code == 200
