"""A class at once: N learners answer quiz questions and rate flashcards with no think time, for
a fixed duration, on three set-ups, and every HTTP outcome is checked against the rows.

Set-ups (each on a fresh database, a server on a free port of 127.0.0.1, stopped and cleaned up
afterwards):
- runserver: what `make run` does — SQLite in a temporary file, migrate, load_document,
  create_practice_quizzes, `manage.py runserver` (threaded, as `make run` serves);
- gunicorn-sqlite: the same database served by gunicorn with config/gunicorn.conf.py;
- gunicorn-postgres: gunicorn on PostgreSQL, in a database the bench creates and drops
  (server from BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres).
All three run with DEBUG=1 (as `make run` does), so plain http and no collected static files.

Each learner, signed in through a session made by the seeding step, loops: start (or resume) an
attempt at a practice quiz, GET the question, POST an answer (a valid one read from the form),
then GET the review page and POST a rating of the card shown. Afterwards the rows are compared
with what the client was told, per question of an attempt and per card version (a learner told
that a write failed sees the same question or card again and sends it again):
- lost: an answer (or rating) that got 2xx/3xx but is not stored as graded (as a review log);
- phantom: one whose every try got an error (4xx/5xx or no response) but is stored anyway;
- attempts whose stored score is not the sum of their items, or left open with every item
  answered.

Run: .venv/bin/python bench/bench_concurrency.py [--duration 60] [--learners 30]
       [--setups runserver,gunicorn-sqlite,gunicorn-postgres] [--root DIR]
(--root runs another checkout of the project, e.g. an older commit, with this bench.)
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from serving import (
    ATTEMPT_URL,
    CARD,
    ROOT,
    VERSION,
    Skipped,
    answer_form,
    bench_env,
    database,
    django_setup,
    free_port,
    http_session,
    load_documents,
    run_child,
    seed_learners,
    start_server,
    stop,
    wait_ready,
)

HERE = Path(__file__).resolve()
SETUPS = ("runserver", "gunicorn-sqlite", "gunicorn-postgres")
REQUEST_TIMEOUT = 30  # seconds; a request that takes longer counts as an error


# --- the Django side: seeding and checking, run in a child process on the set-up's database ----


def check(outcomes: dict) -> dict:
    """Compare the client's outcomes with the rows (see the module docstring)."""
    from django.db.models import Sum

    from flashcards.models import ReviewLog
    from quizzes.models import Attempt, AttemptItem

    lost = Counter()
    phantom = Counter()
    answers: dict[tuple[int, int], list[bool]] = {}
    for attempt, position, ok in outcomes["answers"]:
        answers.setdefault((attempt, position), []).append(ok)
    graded = set(
        AttemptItem.objects.filter(
            attempt_id__in={a for a, _ in answers}, answered_at__isnull=False
        ).values_list("attempt_id", "position")
    )
    # A failed answer leaves its question unanswered, and the learner answers it again.
    for key, oks in answers.items():
        if any(oks) and key not in graded:
            lost["answer"] += 1
        if not any(oks) and key in graded:
            phantom["answer"] += 1
    # A rating that failed leaves the card as it was: the learner is shown it again and may rate
    # the same version a second time, so outcomes are compared per (card, version) too.
    ratings: dict[tuple[int, int], list[bool]] = {}
    for card, version, ok in outcomes["ratings"]:
        ratings.setdefault((card, version), []).append(ok)
    logged = set(ReviewLog.objects.values_list("learner_card_id", "version"))
    for (card, version), oks in ratings.items():
        stored = (card, version + 1) in logged
        if any(oks) and not stored:
            lost["rating"] += 1
        if not any(oks) and stored:
            phantom["rating"] += 1
    bad_score = open_complete = 0
    attempts = Attempt.objects.filter(pk__in={a for a, _ in answers}).annotate(
        total=Sum("items__score")
    )
    for attempt in attempts:
        unanswered = attempt.items.filter(answered_at__isnull=True).exists()
        if attempt.finished_at is None and not unanswered:
            open_complete += 1
        stored, total = attempt.score or 0, attempt.total or 0
        if attempt.finished_at is not None and abs(stored - total) > 1e-6:
            bad_score += 1
    return {
        "lost": dict(lost),
        "phantom": dict(phantom),
        "bad_score": bad_score,
        "open_complete": open_complete,
    }


def child(argv: list[str]) -> None:
    mode, root = argv[0], Path(argv[1])
    django_setup(root)
    if mode == "seed":
        print(json.dumps(seed_learners(int(argv[2]))))
    else:
        print(json.dumps(check(json.loads(Path(argv[2]).read_text()))))


# --- the client side ---------------------------------------------------------------------------


@dataclass
class Tally:
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    answers: list = field(default_factory=list)
    ratings: list = field(default_factory=list)
    samples: dict = field(default_factory=dict)  # one message per kind of failed request
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, what: str, status: int | str) -> bool:
        ok = isinstance(status, int) and status < 400
        with self.lock:
            self.statuses[what] += 1
            if not ok:
                self.errors[f"{what} {status}"] += 1
        return ok


class Learner:
    def __init__(self, base: str, session: str, quiz: int, tally: Tally):
        self.base, self.quiz, self.tally = base, quiz, tally
        self.csrf = secrets.token_hex(16)
        self.http = http_session(base, session, self.csrf)
        self.attempt: int | None = None

    def call(self, what: str, method: str, path: str, data=None):
        try:
            response = self.http.request(
                method,
                self.base + path,
                data=dict(data or {}, csrfmiddlewaretoken=self.csrf) if method == "POST" else None,
                allow_redirects=False,
                timeout=REQUEST_TIMEOUT,
            )
        except Exception as error:  # a refused or timed-out request is an error outcome
            self.tally.note(what, type(error).__name__)
            with self.tally.lock:
                self.tally.samples.setdefault(f"{what} {type(error).__name__}", repr(error)[:300])
            return None
        self.tally.note(what, response.status_code)
        return response

    def position(self) -> int | None:
        """The attempt's next unanswered question, starting an attempt when needed."""
        for _ in range(2):
            if self.attempt is None:
                r = self.call("start", "POST", f"/quizzes/{self.quiz}/start/")
                match = r is not None and ATTEMPT_URL.search(r.headers.get("Location", ""))
                if not match:
                    return None
                self.attempt = int(match.group(1))
            r = self.call("resume", "GET", f"/attempts/{self.attempt}/")
            match = r is not None and ATTEMPT_URL.search(r.headers.get("Location", ""))
            if match and match.group(2):
                return int(match.group(2))
            self.attempt = None  # finished: start the next one
        return None

    def answer(self) -> None:
        position = self.position()
        if position is None:
            return
        page = self.call("question", "GET", f"/attempts/{self.attempt}/{position}/")
        data = answer_form(page.text) if page is not None and page.status_code == 200 else None
        if data is None:
            return
        r = self.call("answer", "POST", f"/attempts/{self.attempt}/{position}/answer/", data)
        ok = r is not None and r.status_code < 400
        with self.tally.lock:
            self.tally.answers.append((self.attempt, position, ok))

    def rate(self) -> None:
        page = self.call("review", "GET", "/cards/review/")
        if page is None or page.status_code != 200:
            return
        card, version = CARD.search(page.text), VERSION.search(page.text)
        if not card or not version:
            return  # nothing due
        card, version = int(card.group(1)), int(version.group(1))
        data = {"card": card, "version": version, "rating": 3}
        r = self.call("rating", "POST", "/cards/rate/", data)
        ok = r is not None and r.status_code < 400
        with self.tally.lock:
            self.tally.ratings.append((card, version, ok))

    def run(self, until: float) -> None:
        while time.monotonic() < until:
            self.answer()
            if time.monotonic() < until:
                self.rate()


# --- set-ups -----------------------------------------------------------------------------------


def run_setup(name: str, args, workdir: Path) -> dict:
    try:
        kind = "postgres" if name == "gunicorn-postgres" else "sqlite"
        with database(kind, workdir, name) as url:
            return _run_on(name, args, workdir, bench_env(DATABASE_URL=url))
    except Skipped as skipped:
        return {"skipped": str(skipped)}


def _run_on(name: str, args, workdir: Path, env: dict) -> dict:
    root = args.root
    server = None
    try:
        load_documents(root, env)
        seeded = run_child(HERE, root, env, "seed", str(root), str(args.learners))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(
            root, env, port, workdir / f"{name}.log", runserver=name == "runserver"
        )
        wait_ready(base, server)
        tally = Tally()
        quizzes = seeded["quizzes"]
        learners = [
            Learner(base, row["session"], quizzes[i % len(quizzes)], tally)
            for i, row in enumerate(seeded["learners"])
        ]
        until = time.monotonic() + args.duration
        started = time.monotonic()
        threads = [threading.Thread(target=learner.run, args=(until,)) for learner in learners]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.duration + REQUEST_TIMEOUT * 3)
        elapsed = time.monotonic() - started
        stop(server)
        outcomes = workdir / f"{name}.json"
        outcomes.write_text(json.dumps({"answers": tally.answers, "ratings": tally.ratings}))
        checked = run_child(HERE, root, env, "check", str(root), str(outcomes))
        return {
            "requests": sum(tally.statuses.values()),
            "per_s": sum(tally.statuses.values()) / elapsed,
            "answers": len(tally.answers),
            "ratings": len(tally.ratings),
            "errors": dict(tally.errors),
            "error_samples": tally.samples,
            **checked,
        }
    finally:
        if server is not None:
            stop(server)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60, help="seconds per set-up")
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--setups", default=",".join(SETUPS))
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to serve")
    args = parser.parse_args()
    args.root = args.root.resolve()
    workdir = Path(tempfile.mkdtemp(prefix="dongxi-bench-"))
    results = {}
    try:
        for name in args.setups.split(","):
            print(f"== {name}: {args.learners} learners for {args.duration:g} s", flush=True)
            results[name] = run_setup(name, args, workdir)
            print(json.dumps(results[name]), flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    head = f"{'set-up':<18} {'requests':>8} {'req/s':>6} {'answers':>7} {'ratings':>7} "
    print(head + f"{'lost':>5} {'phantom':>7} {'attempts bad':>12}  errors by status")
    for name, r in results.items():
        if "skipped" in r:
            print(f"{name:<18} skipped: {r['skipped']}")
            continue
        errors = ", ".join(f"{k}: {v}" for k, v in sorted(r["errors"].items())) or "none"
        print(
            f"{name:<18} {r['requests']:>8} {r['per_s']:>6.1f} {r['answers']:>7} "
            f"{r['ratings']:>7} {sum(r['lost'].values()):>5} {sum(r['phantom'].values()):>7} "
            f"{r['bad_score'] + r['open_complete']:>12}  {errors}"
        )


if __name__ == "__main__":
    main()
