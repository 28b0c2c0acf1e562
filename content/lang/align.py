"""Aligning Chinese and Vietnamese units (paragraphs, sentences) by dynamic programming.

A Gale-Church style aligner: each step pairs one unit with one, merges two units with one,
or leaves one unpaired. The cost of a pair mixes a length ratio (learned from the document
itself), shared numbers (by value: 686万 and 6,86 triệu are one number) and shared Hán-Việt
syllables, so a translation that splits or joins
sentences still lines up, and what cannot line up is left unpaired for a Problem rather than
forced onto a neighbour.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from . import numbers
from .readings import hanviet_folded
from .text import HAN_RE, fold

_WORD_RE = re.compile(r"[^\W\d_]+")

SKIP_COST = 0.6  # one unit left without a partner
MERGE_COST = 0.35  # extra cost of joining two units to match one
WEAK_COST = 0.6  # a 1:1 pair costing more than this is reported as doubtful
UNSUPPORTED = 0.2  # share of a merged unit's words that must appear on the other side
MAX_DRIFT = 40  # units by which the alignment may stray from the proportional diagonal


@dataclass
class Features:
    length: int
    numbers: Counter
    words: Counter  # Hán-Việt syllables (zh) or folded words (vi)
    han: int

    def __add__(self, other: Features) -> Features:
        return Features(
            self.length + other.length,
            self.numbers + other.numbers,
            self.words + other.words,
            self.han + other.han,
        )


def _number_keys(quantities: list[numbers.Quantity]) -> Counter:
    """The numbers written in digits, keyed by value (from 10,000 up to three significant
    digits, so rounding in a translation keeps the key) and, for a date, by month and day (one
    side may omit the year). Number words are left out: 一 and một are as often "a" as "one"."""
    keys: Counter = Counter()
    for q in quantities:
        if q.spelled:
            continue
        if q.kind == numbers.DATE and q.date:
            keys[f"d{q.date[1]}-{q.date[2]}"] += 1
        elif q.value < 10_000 or q.kind == numbers.YEAR:
            keys[f"{q.kind == numbers.PERCENT}{numbers.fmt(q.value)}"] += 1
        else:
            keys[f"{q.kind == numbers.PERCENT}{q.value:.3g}"] += 1
    return keys


def zh_features(text: str) -> Features:
    return Features(
        len("".join(text.split())),
        _number_keys(numbers.zh_quantities(text)),
        Counter(hanviet_folded(text)),
        len(HAN_RE.findall(text)),
    )


def vi_features(text: str) -> Features:
    return Features(
        len("".join(text.split())),
        _number_keys(numbers.vi_quantities(text)),
        Counter(_WORD_RE.findall(fold(text))),
        0,
    )


def _shared(a: Counter, b: Counter) -> int:
    """How many words the two bags have in common (with repeats): only common keys count."""
    if len(b) < len(a):
        a, b = b, a
    return sum(min(n, b[w]) for w, n in a.items() if w in b)


def pair_cost(z: Features, v: Features, ratio: float) -> float:
    """Lower is better; about -1 for a faithful translation, above 1 for unrelated text."""
    length_cost = abs(math.log((v.length + 1) / (ratio * z.length + 1)))
    shared = _shared(z.words, v.words)
    overlap = shared / max(1, z.han)
    number_cost = 0.0
    if z.numbers or v.numbers:
        common = sum((z.numbers & v.numbers).values())
        total = sum((z.numbers | v.numbers).values())
        number_cost = 1.0 - common / total
    return 1.5 * length_cost + 1.0 * number_cost - 2.5 * overlap


def _unsupported(parts: list[Features], other: Features, zh: bool) -> float:
    """Extra cost when one of two merged units shares almost nothing with the other side.

    Without it an unrelated short paragraph rides along with a long neighbour, since it
    barely changes the length ratio of the merge.
    """
    for part in parts:
        total = part.han if zh else sum(part.words.values())
        support = _shared(part.words, other.words) / max(1, total)
        if support < UNSUPPORTED:
            return 1.0
    return 0.0


def length_ratio(zh_texts: list[str], vi_texts: list[str]) -> float:
    """Vietnamese characters per Chinese character in this document (about 4 usually)."""
    z = sum(len("".join(t.split())) for t in zh_texts)
    v = sum(len("".join(t.split())) for t in vi_texts)
    if not z or not v:
        return 4.0
    return min(8.0, max(1.5, v / z))


@dataclass
class Step:
    zh: list[int]
    vi: list[int]
    cost: float

    @property
    def kind(self) -> str:
        return f"{len(self.zh)}:{len(self.vi)}"


_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


def align(zh_texts: list[str], vi_texts: list[str], ratio: float | None = None) -> list[Step]:
    """The cheapest monotone alignment of two lists of texts, as steps in order."""
    if ratio is None:
        ratio = length_ratio(zh_texts, vi_texts)
    zf = [zh_features(t) for t in zh_texts]
    vf = [vi_features(t) for t in vi_texts]
    zf2 = [zf[i] + zf[i + 1] for i in range(len(zf) - 1)]
    vf2 = [vf[j] + vf[j + 1] for j in range(len(vf) - 1)]
    n, m = len(zf), len(vf)
    # Only cells near the diagonal are explored, and the band's width is capped, so the work
    # grows with the number of units, not with its square: a translation that drifts more than
    # MAX_DRIFT units from its proportional place is not one this aligner can follow anyway.
    band = 8 + min(abs(n - m), MAX_DRIFT)
    inf = float("inf")
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    for i in range(n + 1):
        lo, hi = 0, m
        if n and m:
            centre = i * m / n
            lo, hi = max(0, math.floor(centre - band) - 1), min(m, math.ceil(centre + band) + 1)
        for j in range(lo, hi + 1):
            here = cost.get((i, j), inf)
            if here == inf:
                continue
            if n and m and abs(i * m / n - j) > band:
                continue
            for di, dj in _MOVES:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                if di and dj:
                    z = zf[i] if di == 1 else zf2[i]
                    v = vf[j] if dj == 1 else vf2[j]
                    step = pair_cost(z, v, ratio)
                    if di == 2:
                        step += MERGE_COST + _unsupported(zf[i : i + 2], v, zh=True)
                    elif dj == 2:
                        step += MERGE_COST + _unsupported(vf[j : j + 2], z, zh=False)
                else:
                    step = SKIP_COST
                if here + step < cost.get((ni, nj), inf):
                    cost[(ni, nj)] = here + step
                    back[(ni, nj)] = (i, j, step)
    steps = []
    i, j = n, m
    while i or j:
        pi, pj, step = back[(i, j)]
        steps.append(Step(list(range(pi, i)), list(range(pj, j)), step))
        i, j = pi, pj
    steps.reverse()
    return steps
