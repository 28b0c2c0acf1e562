"""Timing of question generation for a ~3 KB bilingual article against the analysis alone, in
one run: the analysis (language pipeline) is the baseline, generation (candidates, quality
checks, planner, distractors) is reported as a ratio to it. Reports medians; asserts nothing.

Run: .venv/bin/python bench/bench_generation.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from content.lang import analyse  # noqa: E402
from content.lang.chinese import load_jieba  # noqa: E402
from quizzes.generation.generate import generate_report  # noqa: E402

RUNS = 7
TARGET_BYTES = 3 * 1024


def median_time(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def article() -> tuple[str, str]:
    """The shipped article closest to 3 KB (UTF-8), and its name."""
    paths = sorted((ROOT / "content" / "documents").glob("*.txt"))
    path = min(paths, key=lambda p: abs(len(p.read_bytes()) - TARGET_BYTES))
    return path.read_text(encoding="utf-8"), path.name


def main() -> None:
    load_jieba()
    text, name = article()
    analysis = analyse(text)  # warm caches (readings, jieba) before timing
    report = generate_report(analysis)
    t_analyse = median_time(lambda: analyse(text))
    t_generate = median_time(lambda: generate_report(analysis))
    t_both = median_time(lambda: generate_report(analyse(text)))
    size = len(text.encode("utf-8"))
    print(
        f"article: {name}, {size} bytes, {len(analysis.sentences)} sentences, "
        f"{len(analysis.facts)} facts, {len(report.questions)} questions, "
        f"{len(report.dropped)} candidates dropped"
    )
    rows = [
        ("analysis alone (baseline)", t_analyse),
        ("generation (report: questions + dropped)", t_generate),
        ("analysis + generation", t_both),
    ]
    print(f"{'phase':<44}{'median ms':>12}{'× analysis':>12}")
    for label, seconds in rows:
        print(f"{label:<44}{seconds * 1000:>12.1f}{seconds / t_analyse:>12.2f}")


if __name__ == "__main__":
    main()
