"""Does adding a document take time linear in its size? One run, 10 to 200 KB.

Adding a document runs the language pipeline (content.lang.analyse) and then question generation
(quizzes.generation.generate); both are timed. The documents are synthetic: the shipped articles'
aligned paragraph pairs repeated, every number shifted by the round of repetition so no two
paragraphs are identical (numbers keep their size, as in a real text), until the text reaches
the size. A second series drops one Chinese
paragraph in seven, so the two parts have different paragraph counts (as real documents often
do) and the aligner must skip some. Prints the CPU time per KB and its ratio to the 10 KB case:
linear means a ratio near 1.

Run: .venv/bin/python bench/bench_analysis_scaling.py [--sizes 10,25,50,100,200]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from content.lang import analyse  # noqa: E402
from content.lang.chinese import load_jieba  # noqa: E402
from content.lang.document import split_parts  # noqa: E402
from quizzes.generation import generate  # noqa: E402

_NUM_RE = re.compile(r"\d+")


def _pairs() -> list[tuple[str, str]]:
    pairs = []
    for path in sorted((ROOT / "content" / "documents").glob("*.txt")):
        parts = split_parts(path.read_text(encoding="utf-8"))
        pairs.extend(zip(parts["vi"].paragraphs, parts["zh"].paragraphs, strict=False))
    return pairs


def synthetic(kb: int, uneven: bool = False) -> str:
    """A bilingual document of about `kb` KB of UTF-8 text."""
    pairs = _pairs()
    vi_out: list[str] = []
    zh_out: list[str] = []
    size, k = 0, 0
    while size < kb * 1024:
        vi, zh = pairs[k % len(pairs)]

        def bump(m: re.Match, shift: int = k // len(pairs)) -> str:
            return str(int(m.group()) + shift)

        vi_out.append(_NUM_RE.sub(bump, vi))
        size += len(vi_out[-1].encode()) + 2
        if not (uneven and k % 7 == 3):
            zh_out.append(_NUM_RE.sub(bump, zh))
            size += len(zh_out[-1].encode()) + 2
        k += 1
    return "Tiêu đề tổng hợp\n\n" + "\n\n".join(vi_out) + "\n\n综合标题\n\n" + "\n\n".join(zh_out)


def series(sizes: list[int], uneven: bool) -> None:
    print(
        f"{'KB':>5} {'paras':>6} {'terms':>6} {'facts':>6} {'quest.':>6} "
        f"{'analyse s':>9} {'generate s':>10} {'ms/KB':>7} {'ratio':>6}"
    )
    base = None
    for kb in sizes:
        text = synthetic(kb, uneven)
        actual = len(text.encode()) / 1024
        # CPU time of this process (the machine may be busy with others), best of 3 below 100 KB.
        runs = []
        for _ in range(3 if kb < 100 else 1):
            start = time.process_time()
            result = analyse(text)
            analysed = time.process_time()
            questions = generate(result)
            generated = time.process_time()
            runs.append((generated - start, start, analysed, generated))
        _, start, analysed, generated = min(runs)
        per_kb = (generated - start) * 1000 / actual
        base = base or per_kb
        print(
            f"{actual:5.0f} {len(result.paragraphs):6d} {len(result.terms):6d} "
            f"{len(result.facts):6d} {len(questions):6d} {analysed - start:9.2f} "
            f"{generated - analysed:10.2f} {per_kb:7.1f} {per_kb / base:6.2f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,25,50,100,200")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    load_jieba()
    generate(analyse(synthetic(5)))  # warm the caches (dictionaries, readings)
    print("Paragraph counts equal in both languages")
    series(sizes, uneven=False)
    print("\nOne Chinese paragraph in seven missing")
    series(sizes, uneven=True)


if __name__ == "__main__":
    main()
