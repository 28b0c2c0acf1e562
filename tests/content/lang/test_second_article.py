"""The same quality on a second article written for these tests (001_*.txt): another glossary
topic, other provinces, transliterated city names, abbreviations and a glued word."""

from datetime import date
from pathlib import Path

import pytest

from content.lang import VI, ZH, analyse

DOCUMENTS = Path(__file__).resolve().parents[3] / "content" / "documents"


@pytest.fixture(scope="module")
def a():
    path = next(DOCUMENTS.glob("001_*.txt"))
    return analyse(path.read_text(encoding="utf-8"))


def test_header_and_alignment(a):
    assert a.title == a.title.__class__("对口支援", "Hỗ trợ đối khẩu")
    assert a.series.vi == "Thoát nghèo chuẩn xác"
    assert a.published == date(2021, 3, 20)
    assert a.source == "Dongxi"
    assert len(a.paragraphs) == 6
    assert a.problems == []
    assert all(s.zh and s.vi for s in a.sentences)
    assert len(a.sentences) == 11


def test_glue_repair(a):
    text = " ".join(s.vi for s in a.sentences)
    assert "không ngừng được đi sâu" in text
    assert "3 năm, trong đó" in text


@pytest.mark.parametrize(
    ("zh", "vi", "level"),
    [
        ("西藏", "Tây Tạng", "province"),
        ("上海", "Thượng Hải", "province"),
        ("新疆", "Tân Cương", "province"),
        ("江苏", "Giang Tô", "province"),
        ("四川", "Tứ Xuyên", "province"),
        ("广东", "Quảng Đông", "province"),
        ("汶川", "Vấn Xuyên", "county"),
        ("喀什", "Kashgar", "prefecture"),
        ("日喀则", "Shigatse", "prefecture"),
    ],
)
def test_places(a, zh, vi, level):
    t = next(t for t in a.terms if t.zh == zh)
    assert (t.vi, t.kind, t.level) == (vi, "place", level)


def test_abbreviations_are_mentions(a):
    sentence = next(s for s in a.sentences if "沪藏" in (s.zh or ""))
    got = {(m.term, m.text) for m in a.mentions if m.sentence == sentence.index and m.lang == ZH}
    assert {
        ("place:上海", "沪"),
        ("place:西藏", "藏"),
        ("place:江苏", "苏"),
        ("place:新疆", "新"),
    } <= got


@pytest.mark.parametrize("value", [1979, 19, 12, 1994, 9, 120, 2010, 2008, 18, 3])
def test_numbers(a, value):
    t = next(t for t in a.terms if t.value == value)
    assert {m.lang for m in a.mentions if m.term == t.key} == {ZH, VI}


def test_facts(a):
    kinds = [f.kind for f in a.facts]
    assert kinds.count("definition") == 1
    assert kinds.count("example") == 3
    assert kinds.count("lesson") == 1
    enum = next(f for f in a.facts if f.kind == "enumeration")
    assert [(i.zh, i.vi) for i in enum.items][-1] == ("人才支援", "hỗ trợ nhân tài")
    assert len(enum.items) == 4
    # The fact is the whole clause, from the first letter of its subject.
    assert enum.zh.startswith("对口支援的形式多样") and enum.vi.startswith("Hình thức hỗ trợ")
    numbered = [f for f in a.facts if f.kind == "numbered_item" and f.zh.startswith("其")]
    assert [(f.ordinal, f.subject.zh) for f in numbered][:2] == [
        (1, "对口支援西藏"),
        (2, "对口支援新疆"),
    ]
    quoted = next(f for f in a.facts if f.kind == "quoted_term")
    assert (quoted.subject.zh, quoted.subject.vi) == ("希望工程", "Công trình Hy vọng")
    assert all(f.only_in is None for f in a.facts)
    example = next(f for f in a.facts if f.kind == "example" and "1994" in f.zh)
    assert {"year:1994", "number:9", "number:120", "place:上海", "place:日喀则"} <= set(
        example.terms
    )


def test_pairs_do_not_depend_on_the_divisions_table(monkeypatch):
    """Transliterated names pair through pinyin and elimination, not through divisions.py."""
    import content.lang.terms as terms

    monkeypatch.setattr(terms, "_division", lambda name: None)
    for path in sorted(DOCUMENTS.glob("00[01]_*.txt")):
        a = analyse(path.read_text(encoding="utf-8"))
        pairs = {(t.zh, t.vi) for t in a.terms}
        assert ({("乌兰察布", "Ulanqab")} <= pairs) or (
            {("喀什", "Kashgar"), ("日喀则", "Shigatse")} <= pairs
        )
        assert a.problems == []
