"""How much a 10,000-note Anki export in the background slows other requests.

Serves the login page with Django's test client 200 times with nothing else running (the
baseline), then 200 times while another process (as `manage.py worker` is) builds and writes
the 10,000 mixed notes of bench_anki_export.py, and prints both medians and the slowest. The
export no longer shares the web process (nor its GIL): only the machine's cores are shared.
No assertions. Run: .venv/bin/python bench/bench_anki_export_background.py
"""

import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from bench import bench_anki_export as export  # noqa: E402

REQUESTS = 200
DATA = (export.terms(), export.clozes(), export.questions())


def build(path: str) -> None:
    export.ours(DATA, Path(path))


def latencies(client: Client, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        assert client.get("/accounts/login/").status_code == 200
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    client = Client(HTTP_HOST="localhost")
    latencies(client, 20)  # warm up
    idle = latencies(client, REQUESTS)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        worker = multiprocessing.get_context("fork").Process(
            target=build, args=(str(Path(tmp) / "deck.apkg"),)
        )
        worker.start()
        enqueued = time.perf_counter() - start
        busy = []
        while len(busy) < REQUESTS and worker.is_alive():
            busy += latencies(client, 1)
        worker.join()
        built = time.perf_counter() - start
    ms = 1000
    print(f"login page, {len(idle)} requests idle, {len(busy)} during a 10,000-note export")
    print(f"worker started after {enqueued * ms:.1f} ms; export done after {built:.2f} s")
    print(f"idle:   median {statistics.median(idle) * ms:.1f} ms, slowest {max(idle) * ms:.1f} ms")
    print(f"export: median {statistics.median(busy) * ms:.1f} ms, slowest {max(busy) * ms:.1f} ms")
    print(f"ratio (medians): {statistics.median(busy) / statistics.median(idle):.2f}")


if __name__ == "__main__":
    main()
