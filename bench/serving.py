"""Plumbing shared by the benches that serve the project over HTTP (bench_concurrency,
bench_load): a fresh database (a temporary SQLite file, or a PostgreSQL database created and
dropped here), manage.py and Django-side steps run in child processes, a server on a free port of
127.0.0.1 started and stopped, learners with a signed-in session each, and an HTTP client that
sends a fixed Cookie header. Not a bench itself (`make bench` runs bench/bench_*.py only).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class Skipped(Exception):
    """The set-up cannot run here (say, PostgreSQL is not reachable); the message says why."""


# --- the Django side, in a child process on the set-up's database ------------------------------


def django_setup(root: Path) -> None:
    sys.path.insert(0, str(root))
    os.chdir(root)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def signed_in(user) -> str:
    """A session key for `user`, made as a sign-in would."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def seed_learners(learners: int, prefix: str = "bench") -> dict:
    """Learners with a signed-in session each, studying every document's cards, and the
    practice quizzes they may take."""
    from accounts.models import User
    from content.models import Document
    from flashcards import services
    from flashcards.models import LearnerSettings
    from quizzes.models import Quiz

    documents = list(Document.objects.all())
    out = []
    for i in range(learners):
        user = User.objects.create_user(f"{prefix}{i}", password=None)
        LearnerSettings.objects.update_or_create(
            user=user, defaults={"new_per_day": 9999, "reviews_per_day": 9999}
        )
        for document in documents:
            services.start_studying(user, document)
        out.append({"user": user.pk, "session": signed_in(user)})
    quizzes = list(
        Quiz.objects.filter(owner__isnull=True, status="published").values_list("pk", flat=True)
    ) or list(Quiz.objects.values_list("pk", flat=True))
    return {"learners": out, "quizzes": quizzes}


def run_child(script: Path, root: Path, env: dict, *args: str) -> dict:
    """Run `script --child ARGS` (its Django side) and return the JSON of its last line."""
    out = subprocess.run(
        [sys.executable, str(script), "--child", *args],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=900,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def manage(root: Path, env: dict, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout


def load_documents(root: Path, env: dict) -> None:
    """Migrate, load the shipped documents and make their practice quizzes (what `make run`
    does)."""
    manage(root, env, "migrate", "--noinput")
    manage(root, env, "load_document", "content/documents")
    manage(root, env, "create_practice_quizzes")


# --- databases and servers ---------------------------------------------------------------------


def bench_env(**extra: str) -> dict:
    env = dict(os.environ, DEBUG="1", PYTHONDONTWRITEBYTECODE="1", LOG_LEVEL="WARNING")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(extra)
    return env


@contextlib.contextmanager
def database(kind: str, workdir: Path, name: str) -> Iterator[str]:
    """A DATABASE_URL for a fresh database of `kind` ("sqlite" or "postgres"), removed
    afterwards. PostgreSQL's server comes from BENCH_POSTGRES_URL (default
    postgres://postgres@127.0.0.1:5432/postgres); raises Skipped when it is not reachable."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / (name + '.sqlite3')}"
        return
    import psycopg

    server_url = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    db = f"dongxi_bench_{name.replace('-', '_')}_{os.getpid()}"
    try:
        with psycopg.connect(server_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}"')
            conn.execute(f'CREATE DATABASE "{db}"')
    except psycopg.OperationalError as error:
        raise Skipped(f"PostgreSQL not reachable ({str(error).strip()[:80]})") from None
    try:
        yield server_url.rsplit("/", 1)[0] + "/" + db
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(root: Path, env: dict, port: int, log: Path, *, runserver: bool = False):
    """gunicorn with config/gunicorn.conf.py (as the README's production section starts it), or
    `manage.py runserver`, on 127.0.0.1:`port`, in its own process group."""
    env = dict(env)
    if runserver:
        command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    else:
        command = [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"]
        env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    out = open(log, "w")  # noqa: SIM115 (the server writes to it until stopped)
    return subprocess.Popen(
        command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )


def start_worker(root: Path, env: dict, log: Path):
    """`manage.py worker` (the background tasks' runner), in its own process group."""
    out = open(log, "w")  # noqa: SIM115 (the worker writes to it until stopped)
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "0.2"],
        cwd=root,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_ready(base: str, server: subprocess.Popen, limit: float = 60) -> None:
    import requests

    end = time.monotonic() + limit
    while time.monotonic() < end:
        if server.poll() is not None:
            raise RuntimeError("the server stopped while starting")
        try:
            requests.get(base + "/accounts/login/", timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.3)
    raise RuntimeError("the server did not start in time")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# --- the client side ---------------------------------------------------------------------------


class NoCookies:
    """Cookie policy that stores nothing: each learner sends its fixed Cookie header."""

    netscape = True
    rfc2965 = hide_cookie2 = False

    def set_ok(self, cookie, request):
        return False

    def return_ok(self, cookie, request):
        return False

    def domain_return_ok(self, domain, request):
        return False

    def path_return_ok(self, path, request):
        return False


def http_session(base: str, session: str, csrf: str):
    """A requests session signed in with `session`, in English, sending `csrf` as its token."""
    import requests

    http = requests.Session()
    http.headers.update(
        {
            "Cookie": f"sessionid={session}; csrftoken={csrf}; django_language=en",
            "Origin": base,
            "Referer": base + "/",
        }
    )
    http.cookies.set_policy(NoCookies())
    return http


ATTEMPT_URL = re.compile(r"/attempts/(\d+)/(?:(\d+)/)?$")
CARD = re.compile(r'name="card" value="(\d+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')


def answer_form(html: str) -> dict | None:
    """A valid answer for the question form on the page (None when the page has no form)."""
    form = re.search(r"<form[^>]*data-answer-form.*?</form>", html, re.S)
    if not form:
        return None
    body = form.group(0)
    data: dict[str, str] = {}
    matches = sorted({int(n) for n in re.findall(r'name="match-(\d+)"', body)})
    ranks = sorted({int(n) for n in re.findall(r'name="rank-(\d+)"', body)})
    if matches:
        data.update({f"match-{i}": str(i) for i in matches})
    elif ranks:
        data.update({f"rank-{i}": str(i + 1) for i in ranks})
    elif 'id="response-text"' in body:
        data["response"] = "答案"
    else:
        value = re.search(r'name="response" value="([^"]*)"', body)
        data["response"] = value.group(1) if value else "0"
    return data
