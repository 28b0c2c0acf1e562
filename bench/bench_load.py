"""Speed under a real class: N signed-in learners, no think time, phase after phase, on gunicorn
as the README's production section starts it (config/gunicorn.conf.py), against SQLite and
against PostgreSQL, each in a fresh database the bench creates and removes.

Phases (each for --duration seconds, every learner looping on its own connection; each phase
runs in --slices turns with the floor, duration / slices seconds a turn, and its ratio is to
the floor's turns beside it: on a shared machine the floor alone moved by half from one minute to
the next, which moved every ratio measured against a floor taken once at the start):
- floor: Django's floor, a signed-in view returning "ok" through the project's whole middleware
  stack (bench/urls_load.py, served with bench/settings_load.py; the product has no such view);
- answer: the quiz answer cycle, an htmx GET of the question card then the POST of an answer
  (a valid one read from the form, right or wrong); starting the next attempt when one is over
  takes one more request (two when the start resumes an attempt), counted in the elapsed time
  but not as a cycle;
- review: the flashcard review cycle, an htmx GET of the card then the POST of a rating (a
  learner who has rated every card has them made due again, by a bench-only view, not counted);
- dashboard: the learner's progress page;
- statistics: the teacher's statistics page of a quiz with 200 finished attempts (one teacher,
  N connections).
The server runs with DEBUG off (bench/settings_load.py). Printed per phase: requests/s,
cycles/s, p50/p95/p99 latency of its requests, errors (a counted request that is not a 200 page),
queries per request (counted by the server: bench/urls_load.count_queries) and the ratio of
cycles/s to the floor's requests/s beside it (1.0 would be a cycle as cheap as the floor), and
that floor's requests/s; the floor's row pools its turns beside every phase; and, steadier on
a shared machine, the server's CPU time per cycle (gunicorn's processes, read from /proc; with
PostgreSQL its own processes are left out) and the floor's CPU per request over it.

With --instances N (N > 1; PostgreSQL only, the instances share its database: SQLite is skipped)
the set-up is N gunicorn instances, each on its own port, plus one `manage.py worker`, sharing the
database, a Redis database for their caches (BENCH_REDIS_URL, default redis://127.0.0.1:6379/13,
flushed before and after) and one exports folder; learner i talks to instance i mod N with its
session (a database row, valid on every instance). The floor is measured on the same instances,
and the CPU time counts every instance and the worker.

Run: .venv/bin/python bench/bench_load.py [--duration 3] [--learners 4]
       [--databases sqlite,postgres] [--instances 1] [--slices 5] [--root DIR]
       [--phases answer,review,dashboard,statistics]
(--root serves another checkout of the project, e.g. an older commit, with this bench;
--phases runs some of the phases, in the order given, e.g. one phase again and again to
compare two checkouts. A phase's learners then have only the history of the phases before it.)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
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
    signed_in,
    start_server,
    start_worker,
    stop,
    wait_ready,
)

HERE = Path(__file__).resolve()
PHASES = ("floor", "answer", "review", "dashboard", "statistics")
STATISTICS_ATTEMPTS = 200
REQUEST_TIMEOUT = 30
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
HX = {"HX-Request": "true"}
NEXT = re.compile(r'hx-get="/attempts/(\d+)/(\d+)/"')


# --- the Django side ---------------------------------------------------------------------------


def seed(learners: int) -> dict:
    """The learners (serving.seed_learners), and a teacher whose quiz (the first practice quiz's
    questions) has STATISTICS_ATTEMPTS finished attempts, one per student."""
    from accounts.models import User
    from quizzes import grading, taking
    from quizzes.models import Attempt, AttemptItem, Quiz, QuizQuestion

    out = seed_learners(learners)
    practice = Quiz.objects.get(pk=out["quizzes"][0])
    teacher = User.objects.create_user("bench-teacher", password=None, is_teacher=True)
    quiz = Quiz.objects.create(
        title="bench statistics",
        document=practice.document,
        owner=teacher,
        status=Quiz.Status.PUBLISHED,
        feedback=Quiz.Feedback.IMMEDIATE,
    )
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question_id=entry.question_id, position=entry.position)
        for entry in practice.entries.all()
    )
    students = User.objects.bulk_create(
        User(username=f"bench-student{i}", password="!") for i in range(STATISTICS_ATTEMPTS)
    )
    rng = random.Random(18)
    items = []
    for student in students:
        plan = taking.plan_items(quiz, rng)
        attempt = Attempt.objects.create(
            quiz=quiz, user=student, number=1, max_score=len(plan), finished_at=None
        )
        total = 0.0
        for position, fields in enumerate(plan, start=1):
            question = fields["question"]
            right = rng.random() < 0.6
            if question.type in grading.TYPED_TYPES:
                answer = question.answer if isinstance(question.answer, str) else question.answer[0]
                response, score = (answer if right else "答案"), 1.0 if right else 0.0
            else:
                response = question.answer if right else _wrong(question, fields["choices"], rng)
                score = grading.grade(question.type, question.language, question.answer, response)
                score = score.score
            total += score
            items.append(
                AttemptItem(
                    attempt=attempt,
                    position=position,
                    response=response,
                    score=score,
                    correct=score == 1.0,
                    answered_at=attempt.started_at,
                    **fields,
                )
            )
        Attempt.objects.filter(pk=attempt.pk).update(finished_at=attempt.started_at, score=total)
    AttemptItem.objects.bulk_create(items, batch_size=500)
    out["teacher"] = {"session": signed_in(teacher), "quiz": quiz.pk}
    return out


def _wrong(question, choices: list, rng: random.Random):
    if question.type == "true_false":
        return not question.answer
    if question.type == "multiple_choice":
        return [rng.choice(choices)] if choices else []
    if question.type in ("matching", "ordering"):
        return list(reversed(question.answer))
    return rng.choice(choices) if choices else ""


def child(argv: list[str]) -> None:
    django_setup(Path(argv[0]))
    print(json.dumps(seed(int(argv[1]))))


# --- the client side ---------------------------------------------------------------------------


@dataclass
class Tally:
    latencies: list = field(default_factory=list)  # seconds, one per counted request
    queries: list = field(default_factory=list)  # X-Queries of each counted response
    errors: int = 0
    cycles: int = 0
    samples: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def absorb(self, other: Tally) -> None:
        """Count `other`'s requests as this tally's too."""
        self.latencies += other.latencies
        self.queries += other.queries
        self.errors += other.errors
        self.cycles += other.cycles
        self.samples = {**other.samples, **self.samples}


class Client:
    def __init__(self, base: str, session: str, tally: Tally):
        self.base, self.tally = base, tally
        self.csrf = secrets.token_hex(16)
        self.http = http_session(base, session, self.csrf)

    def call(self, method: str, path: str, data=None, *, htmx=False, counted=True):
        started = time.perf_counter()
        try:
            response = self.http.request(
                method,
                self.base + path,
                data=dict(data or {}, csrfmiddlewaretoken=self.csrf) if method == "POST" else None,
                headers=HX if htmx else None,
                allow_redirects=False,
                timeout=REQUEST_TIMEOUT,
            )
        except Exception as error:  # a refused or timed-out request is an error outcome
            with self.tally.lock:
                self.tally.errors += 1
                self.tally.samples.setdefault(path, repr(error)[:200])
            return None
        elapsed = time.perf_counter() - started
        if counted:
            with self.tally.lock:
                self.tally.latencies.append(elapsed)
                if "X-Queries" in response.headers:
                    self.tally.queries.append(int(response.headers["X-Queries"]))
                if response.status_code != 200:  # every counted request expects a page
                    self.tally.errors += 1
                    self.tally.samples.setdefault(f"{path} {response.status_code}", "")
        return response

    def cycle_done(self, response=None) -> None:
        if response is None or response.status_code != 200:
            return
        with self.tally.lock:
            self.tally.cycles += 1


class Floor(Client):
    def step(self) -> None:
        self.cycle_done(self.call("GET", "/bench/floor/"))


class Dashboard(Client):
    def step(self) -> None:
        self.cycle_done(self.call("GET", "/progress/"))


class Statistics(Client):
    quiz = 0

    def step(self) -> None:
        self.cycle_done(self.call("GET", f"/teach/quizzes/{self.quiz}/statistics/"))


class Review(Client):
    def step(self) -> None:
        page = self.call("GET", "/cards/review/", htmx=True)
        if page is None or page.status_code != 200:
            return
        card, version = CARD.search(page.text), VERSION.search(page.text)
        if not card or not version:
            # Nothing due: counted as a request, not a cycle; the cards are made due again.
            self.call("GET", "/bench/rewind/", counted=False)
            return
        data = {"card": card.group(1), "version": version.group(1), "rating": 3}
        self.cycle_done(self.call("POST", "/cards/rate/", data, htmx=True))


class Answer(Client):
    quiz = 0
    attempt: int | None = None
    position: int | None = None

    def locate(self) -> bool:
        """Start (or resume) an attempt and find its next question: navigation, not counted.
        The start redirects to the first question of a new attempt, to the attempt of one
        resumed (which redirects on to its next question)."""
        r = self.call("POST", f"/quizzes/{self.quiz}/start/", counted=False)
        match = r is not None and ATTEMPT_URL.search(r.headers.get("Location", ""))
        if not match:
            return False
        self.attempt = int(match.group(1))
        if match.group(2):
            self.position = int(match.group(2))
            return True
        r = self.call("GET", f"/attempts/{self.attempt}/", counted=False)
        match = r is not None and ATTEMPT_URL.search(r.headers.get("Location", ""))
        if not match or not match.group(2):
            self.attempt = None
            return False
        self.position = int(match.group(2))
        return True

    def step(self) -> None:
        if self.position is None and not self.locate():
            return
        url = f"/attempts/{self.attempt}/{self.position}/"
        page = self.call("GET", url, htmx=True)
        data = answer_form(page.text) if page is not None and page.status_code == 200 else None
        if data is None:
            self.position = None
            return
        r = self.call("POST", url + "answer/", data, htmx=True)
        self.cycle_done(r)
        if r is None:
            return
        following = NEXT.search(r.text) if r.status_code == 200 else None
        self.position = int(following.group(2)) if following else None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def server_cpu(pids: list[int]) -> float:
    """CPU seconds used so far by the server's processes: each gunicorn's master and its workers,
    and the worker's (with SQLite, the database's work too; PostgreSQL's own processes are not
    counted). A gunicorn worker restarted mid-phase (max_requests) is gone from /proc, but its
    master has reaped it: its time is in the master's cutime/cstime, counted here (without them
    a phase that restarted a worker showed negative CPU)."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(entry) in pids or int(fields[1]) in pids:
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        if int(entry) in pids:
            total += (int(fields[13]) + int(fields[14])) / tick  # cutime, cstime: reaped children
    return total


def run_slice(clients: list[Client], duration: float, server_pids: list[int] | None) -> tuple:
    """Every client looping for `duration` seconds: (elapsed seconds, server CPU seconds); the
    requests go to the clients' tally."""
    cpu_before = server_cpu(server_pids) if server_pids else 0.0
    until = time.monotonic() + duration

    def loop(client: Client) -> None:
        while time.monotonic() < until:
            client.step()

    started = time.monotonic()
    threads = [threading.Thread(target=loop, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + REQUEST_TIMEOUT * 3)
    elapsed = time.monotonic() - started
    # Idle until the next turn, a kept-alive connection would be closed by gunicorn (keepalive,
    # 2 s) just as the client reuses it: each turn starts with fresh connections.
    for client in clients:
        client.http.close()
    # Work left after the responses (a wrong answer's flashcards, a task) belongs to the phase.
    time.sleep(0.5)
    cpu = server_cpu(server_pids) - cpu_before if server_pids else float("nan")
    return elapsed, cpu


def summary(tally: Tally, elapsed: float, cpu: float) -> dict:
    ms = [1000 * s for s in tally.latencies]
    return {
        "cpu_ms_per_cycle": 1000 * cpu / tally.cycles if tally.cycles else float("nan"),
        "requests": len(ms),
        "per_s": len(ms) / elapsed,
        "cycles_per_s": tally.cycles / elapsed,
        "p50": percentile(ms, 0.50),
        "p95": percentile(ms, 0.95),
        "p99": percentile(ms, 0.99),
        "errors": tally.errors,
        "queries": sum(tally.queries) / len(tally.queries) if tally.queries else float("nan"),
        "error_samples": tally.samples,
    }


def run_beside_floor(
    clients: list[Client], floor: list[Client], duration: float, slices: int, pids: list[int]
) -> dict[str, list[float]]:
    """The phase and the floor in turns, `slices` of each, duration / slices seconds a slice:
    {"phase": [elapsed, CPU seconds], "floor": [...]}, the requests in each group's tally. On a
    shared machine the floor itself moves from one minute to the next; measured in turns with
    the phase, the ratio between them holds still."""
    totals = {"phase": [0.0, 0.0], "floor": [0.0, 0.0]}
    for _ in range(slices):
        for name, group in (("floor", floor), ("phase", clients)):
            elapsed, cpu = run_slice(group, duration / slices, pids)
            totals[name][0] += elapsed
            totals[name][1] += cpu
    return totals


def clients_for(phase: str, bases: list[str], seeded: dict) -> list[Client]:
    """One client per learner; learner i talks to instance i mod len(bases)."""
    tally = Tally()
    kind = {"floor": Floor, "answer": Answer, "review": Review, "dashboard": Dashboard}
    learners = seeded["learners"]
    if phase == "statistics":
        teacher = seeded["teacher"]
        clients = [
            Statistics(bases[i % len(bases)], teacher["session"], tally)
            for i in range(len(learners))
        ]
        for client in clients:
            client.quiz = teacher["quiz"]
        return clients
    clients = [
        kind[phase](bases[i % len(bases)], row["session"], tally) for i, row in enumerate(learners)
    ]
    for i, client in enumerate(clients):
        client.quiz = seeded["quizzes"][i % len(seeded["quizzes"])]
    return clients


def flush_redis(url: str) -> None:
    """Empty the bench's Redis database (that one only); Skipped when Redis is not reachable."""
    import redis

    try:
        redis.Redis.from_url(url).flushdb()
    except redis.RedisError as error:
        raise Skipped(f"Redis not reachable at {url} ({str(error)[:80]})") from None


def run_database(kind: str, args, workdir: Path) -> dict:
    if args.instances > 1 and kind != "postgres":
        raise Skipped(f"{args.instances} instances need a shared database: PostgreSQL only")
    if args.instances > 1:
        flush_redis(REDIS_URL)
    with database(kind, workdir, f"load-{kind}") as url:
        # One secret for seeding and serving: the learners' sessions are signed with it.
        env = bench_env(DATABASE_URL=url, SECRET_KEY=secrets.token_hex(32))
        load_documents(args.root, env)
        seeded = run_child(HERE, args.root, env, str(args.root), str(args.learners))
        env["DJANGO_SETTINGS_MODULE"] = "bench.settings_load"
        # DEBUG off as in production (no query log), but plain http on loopback.
        env.update(DEBUG="0", SECURE_SSL_REDIRECT="0", ALLOWED_HOSTS="127.0.0.1")
        env["PYTHONPATH"] = str(HERE.parents[1])  # bench.settings_load, even with --root
        processes, bases, logs = [], [], []
        if args.instances > 1:
            # Shared by every instance and the worker, as the README's production section says.
            env.update(REDIS_URL=REDIS_URL, EXPORT_ROOT=str(workdir / "exports"))
        try:
            for n in range(args.instances):
                port = free_port()
                bases.append(f"http://127.0.0.1:{port}")
                # Each on its own port; config/gunicorn.conf.py leaves the control socket off.
                logs.append(workdir / f"{kind}-{n}.log")
                processes.append(start_server(args.root, env, port, logs[-1]))
            if args.instances > 1:
                logs.append(workdir / f"{kind}-worker.log")
                processes.append(start_worker(args.root, env, logs[-1]))
            for base, server in zip(bases, processes, strict=False):
                wait_ready(base, server)
            pids = [p.pid for p in processes]
            # One untimed pass, so that every worker has imported and connected.
            run_slice(clients_for("floor", bases, seeded), min(1.0, args.duration), None)
            # Each phase in turns with the floor (run_beside_floor); the floor's row pools its
            # turns beside every phase.
            results, floor_tally, floor_time = {}, Tally(), [0.0, 0.0]
            for phase in args.phases:
                clients = clients_for(phase, bases, seeded)
                floor = clients_for("floor", bases, seeded)
                times = run_beside_floor(clients, floor, args.duration, args.slices, pids)
                results[phase] = summary(clients[0].tally, *times["phase"])
                results[phase]["floor"] = summary(floor[0].tally, *times["floor"])
                floor_tally.absorb(floor[0].tally)
                floor_time = [a + b for a, b in zip(floor_time, times["floor"], strict=True)]
            results = {"floor": summary(floor_tally, *floor_time), **results}
            for process, log in zip(processes, logs, strict=True):
                if process.poll() is not None:  # a figure of a set-up that lost a process
                    raise RuntimeError(f"{log.name} stopped:\n{log.read_text()[-2000:]}")
            return results
        finally:
            for process in processes:  # all told at once, then each waited for
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
            for process in processes:
                stop(process)
            if args.instances > 1:
                with contextlib.suppress(Skipped):
                    flush_redis(REDIS_URL)


def print_table(
    kind: str, results: dict, learners: int, duration: float, instances: int, slices: int
) -> None:
    serving = f", {instances} instances and a worker" if instances > 1 else ""
    print(
        f"\n{kind}: {learners} learners{serving}, {duration:g} s per phase beside {duration:g} s"
        f" of the floor, in {slices} turns each"
    )
    print(
        f"{'phase':<11} {'req/s':>7} {'cycles/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
        f" {'errors':>6} {'queries/req':>11} {'× floor':>8} {'CPU ms/cycle':>12}"
        f" {'× floor CPU':>11} {'floor req/s':>11}"
    )
    for phase, r in results.items():
        floor = r.get("floor", r)  # the floor's turns beside this phase
        print(
            f"{phase:<11} {r['per_s']:>7.1f} {r['cycles_per_s']:>8.1f} {r['p50']:>7.1f}"
            f" {r['p95']:>7.1f} {r['p99']:>7.1f} {r['errors']:>6} {r['queries']:>11.1f}"
            f" {r['cycles_per_s'] / floor['per_s']:>8.3f} {r['cpu_ms_per_cycle']:>12.2f}"
            f" {floor['cpu_ms_per_cycle'] / r['cpu_ms_per_cycle']:>11.3f}"
            f" {floor['per_s']:>11.1f}"
        )
        for what, sample in list(r["error_samples"].items())[:3]:
            print(f"    error: {what} {sample}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=3, help="seconds per phase")
    parser.add_argument("--learners", type=int, default=4)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument(
        "--instances",
        type=int,
        default=1,
        help="gunicorn instances (with a worker when more than one; PostgreSQL only)",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument(
        "--phases",
        default=",".join(PHASES[1:]),
        help="the phases to run, in this order (each beside the floor); default: all",
    )
    parser.add_argument(
        "--slices",
        type=int,
        default=5,
        help="turns of each phase and the floor beside it (duration / slices seconds each)",
    )
    args = parser.parse_args()
    args.root = args.root.resolve()
    if args.instances < 1:
        parser.error("--instances must be at least 1")
    if args.slices < 1:
        parser.error("--slices must be at least 1")
    args.phases = [phase for phase in args.phases.split(",") if phase]
    unknown = set(args.phases) - set(PHASES[1:])
    if unknown or not args.phases:
        parser.error(f"--phases: one or more of {', '.join(PHASES[1:])}")
    workdir = Path(tempfile.mkdtemp(prefix="dongxi-bench-load-"))
    try:
        with open("/proc/loadavg") as f:
            print(f"load average: {' '.join(f.read().split()[:3])}")
    except OSError:
        pass
    try:
        for kind in args.databases.split(","):
            try:
                results = run_database(kind, args, workdir)
            except Skipped as skipped:
                print(f"\n{kind}: skipped: {skipped}")
                continue
            print_table(kind, results, args.learners, args.duration, args.instances, args.slices)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
