"""Timing of the language pipeline: jieba's dictionary and underthesea's tagger loads, the
shipped article, and a
synthetic 200-paragraph document. Reports medians; asserts nothing.

Run: .venv/bin/python bench/bench_analyse.py
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
from content.lang.vinlp import load as load_underthesea  # noqa: E402

RUNS = 5


def median_time(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic(paragraphs: int = 200) -> str:
    """Both articles' body paragraphs repeated (numbers varied so they are not identical)."""
    vi_body, zh_body = [], []
    for path in sorted((ROOT / "content" / "documents").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        vi_body.extend(b for b in blocks if len(b) > 150 and not _han(b))
        zh_body.extend(b for b in blocks if len(b) > 40 and _han(b))
    vi_out, zh_out = [], []
    for k in range(paragraphs):
        vi_out.append(vi_body[k % len(vi_body)].replace("14", str(14 + k)))
        zh_out.append(zh_body[k % len(zh_body)].replace("14", str(14 + k)))
    return "Tiêu đề\n\n" + "\n\n".join(vi_out) + "\n\n标题\n\n" + "\n\n".join(zh_out)


def _han(text: str) -> bool:
    return sum("\u4e00" <= c <= "\u9fff" for c in text) > len(text) / 3


def main() -> None:
    start = time.perf_counter()
    load_jieba()
    print(f"jieba dictionary load: {time.perf_counter() - start:.3f} s")
    start = time.perf_counter()
    load_underthesea()
    print(f"underthesea import and tagger load: {time.perf_counter() - start:.3f} s")
    shipped = (ROOT / "content" / "documents" / "000_09eee8d4159d2fdc.txt").read_text("utf-8")
    first = time.perf_counter()
    analyse(shipped)
    print(f"shipped article, first run (cold caches): {time.perf_counter() - first:.3f} s")
    print(f"shipped article, median of {RUNS}: {median_time(lambda: analyse(shipped)):.3f} s")
    big = synthetic()
    result = analyse(big)
    print(
        f"synthetic document: {len(result.paragraphs)} paragraphs, {len(result.sentences)} "
        f"sentences, {len(big)} characters"
    )
    print(f"synthetic document, median of 3: {median_time(lambda: analyse(big), 3):.3f} s")


if __name__ == "__main__":
    main()
