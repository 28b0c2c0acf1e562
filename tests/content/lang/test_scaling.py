"""Adding a document costs time linear in its size: the aligner explores a band of bounded
width, and question generation builds its look-up index once per document instead of scanning
every mention for every question (bench/bench_analysis_scaling.py measures the whole)."""

from pathlib import Path

from content.lang import align as align_module
from content.lang import analyse
from quizzes.generation import generate
from quizzes.generation import text as generation_text

SHIPPED = Path(__file__).resolve().parents[3] / "content" / "documents" / "000_09eee8d4159d2fdc.txt"


def _pair_costs(monkeypatch, n: int, m: int) -> int:
    calls = 0
    real = align_module.pair_cost

    def counting(z, v, ratio):
        nonlocal calls
        calls += 1
        return real(z, v, ratio)

    monkeypatch.setattr(align_module, "pair_cost", counting)
    zh = [f"第{i}段。" for i in range(n)]
    vi = [f"Đoạn {i}." for i in range(m)]
    align_module.align(zh, vi)
    monkeypatch.setattr(align_module, "pair_cost", real)
    return calls


def test_a_long_document_with_paragraphs_missing_is_aligned_in_linear_work(monkeypatch):
    # One part has half the paragraphs of the other: the band used to widen with the gap.
    # Three times the paragraphs, about three times the work (it was nine before).
    small = _pair_costs(monkeypatch, 400, 200)
    large = _pair_costs(monkeypatch, 1200, 600)
    assert large <= 3.5 * small


def test_generation_indexes_a_document_once(monkeypatch):
    analysis = analyse(SHIPPED.read_text(encoding="utf-8"))
    built = 0
    real = generation_text.AnalysisIndex.__init__

    def counting(self, a):
        nonlocal built
        built += 1
        real(self, a)

    monkeypatch.setattr(generation_text.AnalysisIndex, "__init__", counting)
    monkeypatch.setattr(generation_text, "_last", type(generation_text._last)())
    assert generate(analysis)
    assert built == 1
