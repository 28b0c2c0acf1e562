"""Question generation on the shipped article (000_…): the properties every generated set must
have, plus a hand-written spot check of what this article must be asked about.

Until content.lang.analyse produces facts, the Analysis is a hand-made fixture that follows the
contract in content/lang/model.py; the real pipeline is used as soon as it produces facts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content.lang.model import Analysis, Fact, Pair, Term
from quizzes.generation import find_leaks, generate
from quizzes.generation.model import answer_strings
from quizzes.generation.text import find_forms
from tests.support.generation import add_mentions, asks_for, check_set, sentences

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "content" / "documents" / "000_09eee8d4159d2fdc.txt"


def _split_zh(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=。)", paragraph) if s.strip()]


def _split_vi(paragraph: str) -> list[str]:
    # "v.v. hai bên" does not end a sentence: only a capital letter starts a new one.
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-ỸĐ])", paragraph) if s.strip()]


def _place(zh, vi, level, zh_aliases=(), vi_aliases=()):
    return Term(
        f"place:{zh}",
        "place",
        zh,
        vi,
        level=level,
        aliases={"zh": list(zh_aliases), "vi": list(vi_aliases)},
    )


def _number(kind, value):
    return Term(f"{kind}:{value}", kind, str(value), str(value), value=value)


CITIES = ("place:大连", "place:青岛", "place:宁波", "place:厦门", "place:深圳")


def fixture_analysis() -> Analysis:
    """What the pipeline is expected to find in the shipped article, written by hand."""
    lines = [line.strip() for line in SHIPPED.read_text(encoding="utf-8").splitlines()]
    body = [line for line in lines if len(line) > 80]
    vi_paragraphs, zh_paragraphs = body[:6], body[6:]
    rows = []
    for index, (zh, vi) in enumerate(zip(zh_paragraphs, vi_paragraphs, strict=True)):
        zs, vs = _split_zh(zh), _split_vi(vi)
        assert len(zs) == len(vs), (index, zs, vs)
        rows += [(index, z, v) for z, v in zip(zs, vs, strict=True)]
    sents = sentences(rows)

    def s(index: int, lang: str) -> str:
        return sents[index].get(lang)

    terms = [
        *(_number("year", y) for y in (1996, 2019, 2010)),
        *(_number("number", n) for n in (9, 5, 4, 10, 14, 8)),
        _place("山东", "Sơn Đông", "province", ["山东省"], ["tỉnh Sơn Đông"]),
        _place("重庆", "Trùng Khánh", "province", ["重庆市"], ["thành phố Trùng Khánh"]),
        _place("福建", "Phúc Kiến", "province", ["福建省", "闽"], ["tỉnh Phúc Kiến"]),
        _place("宁夏", "Ninh Hạ", "province", ["宁夏回族自治区", "宁"]),
        _place("内蒙古", "Nội Mông Cổ", "province", ["内蒙古自治区", "蒙"], ["Nội Mộng Cổ"]),
        _place("乌兰察布", "Ulanqab", "prefecture", ["乌兰察布市"]),
        _place("赤峰", "Xích Phong", "prefecture", ["赤峰市"]),
        _place("北京", "Bắc Kinh", "province", ["京"]),
        *(
            _place(zh, vi, "prefecture")
            for zh, vi in (
                ("大连", "Đại Liên"),
                ("青岛", "Thanh Đảo"),
                ("宁波", "Ninh Ba"),
                ("厦门", "Hạ Môn"),
                ("深圳", "Thâm Quyến"),
            )
        ),
        Term(
            "term:东西部扶贫协作",
            "term",
            "东西部扶贫协作",
            "xóa đói giảm nghèo bằng sự hợp tác và phối hợp giữa miền Đông và miền Tây",
        ),
        Term("term:西部大开发", "term", "西部大开发", "Phát triển mạnh miền Tây"),
    ]

    def fact(key, kind, paragraph, sentence, **kw):
        zh = kw.pop("zh", None) or s(sentence, "zh")
        vi = kw.pop("vi", None) or s(sentence, "vi")
        return Fact(key, kind, paragraph, sentence, zh, vi, **kw)

    lesson_zh = re.split(r"[;；]", s(16, "zh").split(":", 1)[-1].split("：", 1)[-1])
    lesson_vi = re.split(r";", s(16, "vi").split(":", 1)[-1])
    models_vi = [
        "Mô hình xoá đói giảm nghèo dựa vào sự hợp tác của các doanh nghiệp ở khu vực miền "
        "Đông với miền Tây",
        "mô hình xoá đói giảm nghèo xây dựng cơ chế trao đổi cấp cao",
        "mô hình xoá đói giảm nghèo tập trung vào những vùng nghèo trọng điểm",
    ]
    facts = [
        fact(
            "f-def",
            "definition",
            0,
            0,
            subject=Pair("东西部扶贫协作", terms[-2].vi),
            terms=["term:东西部扶贫协作"],
        ),
        fact(
            "f-scope",
            "statement",
            0,
            1,
            terms=["year:1996", "number:9", "number:5", "number:4", "number:10"],
        ),
        fact(
            "f-cities",
            "enumeration",
            0,
            1,
            only_in="vi",
            subject=Pair("计划单列市", "5 thành phố trong Danh sách riêng"),
            items=[Pair(t.zh, t.vi) for t in terms if t.key in CITIES],
            terms=list(CITIES),
        ),
        fact(
            "f-frame",
            "enumeration",
            0,
            2,
            items=[
                Pair("政府援助", "sự hỗ trợ của Chính phủ"),
                Pair(
                    "企业合作", "sự hợp tác của các doanh nghiệp ở khu vực miền Đông với miền Tây"
                ),
                Pair("社会帮扶", "sự giúp đỡ của xã hội"),
                Pair("人才支持", "sự ủng hộ về nhân tài"),
            ],
        ),
        fact(
            "f-models",
            "enumeration",
            1,
            3,
            items=[
                Pair(zh, vi)
                for zh, vi in zip(
                    (
                        "基于企业合作层面的扶贫模式",
                        "创建高层沟通机制的扶贫模式",
                        "选择贫困重点的扶贫模式",
                    ),
                    models_vi,
                    strict=True,
                )
            ],
        ),
        fact(
            "f-m1",
            "numbered_item",
            2,
            4,
            ordinal=1,
            subject=Pair("基于企业合作层面的东西部扶贫协作模式", s(4, "vi")),
        ),
        fact("f-ex1", "example", 2, 6, terms=["place:山东", "number:14", "place:重庆"]),
        fact(
            "f-m2",
            "numbered_item",
            3,
            8,
            ordinal=2,
            subject=Pair("创建高层沟通机制的东西部扶贫协作模式", s(8, "vi")),
        ),
        fact(
            "f-ex2",
            "example",
            3,
            10,
            terms=["year:1996", "year:2019", "place:福建", "place:宁夏"],
        ),
        fact(
            "f-m3",
            "numbered_item",
            4,
            12,
            ordinal=3,
            subject=Pair("集中于重点贫困地区的东西部扶贫协作模式", s(12, "vi")),
        ),
        fact(
            "f-ex3",
            "example",
            4,
            14,
            terms=[
                "year:2010",
                "place:内蒙古",
                "place:乌兰察布",
                "place:赤峰",
                "place:北京",
                "number:8",
            ],
        ),
        fact("f-strategy", "statement", 5, 15, terms=["term:西部大开发"]),
        *(
            fact(f"f-l{n}", "lesson", 5, 16, ordinal=n, zh=zh.strip(), vi=vi.strip())
            for n, (zh, vi) in enumerate(zip(lesson_zh, lesson_vi, strict=True), 1)
        ),
    ]
    analysis = Analysis(
        title=Pair("东西部扶贫协作", lines[0]),
        series=Pair(None, "Thoát nghèo chuẩn xác"),
        published=None,
        source="China.org.cn",
        languages=("zh", "vi"),
        sentences=sents,
        terms=terms,
        facts=facts,
    )
    return add_mentions(analysis)


def real_analysis() -> Analysis | None:
    from content.lang import analyse, decode

    analysis = analyse(decode(SHIPPED.read_bytes()))
    return analysis if analysis.facts and analysis.terms else None


@pytest.fixture(scope="module", params=["fixture", "pipeline"])
def shipped(request):
    if request.param == "fixture":
        analysis = fixture_analysis()
    else:
        analysis = real_analysis()
        if analysis is None:
            pytest.skip("content.lang.analyse does not produce facts yet")
    return analysis, generate(analysis)


def test_fixture_follows_the_article():
    analysis = fixture_analysis()
    assert len(analysis.sentences) == 17
    assert "14个" in analysis.sentences[6].zh and "Sơn Đông" in analysis.sentences[6].vi


def test_shipped_article_passes_every_check(shipped):
    analysis, questions = shipped
    assert check_set(questions, analysis, minimum=40) == []


def test_no_question_leaks_its_answer(shipped):
    analysis, questions = shipped
    assert [(q.prompt, find_leaks(q, analysis)) for q in questions if find_leaks(q, analysis)] == []


def _asks(questions, analysis, lang, term_key):
    return [q for q in questions if asks_for(q, ("term", lang, term_key), analysis)]


# What a reader of this article must be asked about, written by hand from the article.
SPOT_CHECK_TERMS = [
    "year:1996",
    "year:2010",
    "year:2019",
    "number:9",
    "number:5",
    "number:4",
    "number:10",
    "number:14",
    "number:8",
    "place:山东",
    "place:重庆",
    "place:福建",
    "place:宁夏",
    "place:内蒙古",
    "place:乌兰察布",
    "place:赤峰",
    "place:北京",
    "place:大连",
    "place:深圳",
]
SPOT_CHECK_ANSWERS = {
    "zh": ["政府援助", "人才支持", "创建高层沟通机制的扶贫模式", "Hạ Môn", "Ulanqab"],
    "vi": ["Đại Liên", "Thâm Quyến", "sự giúp đỡ của xã hội", "乌兰察布", "福建"],
}


@pytest.mark.parametrize("lang", ["zh", "vi"])
def test_spot_check(shipped, lang):
    analysis, questions = shipped
    keys = {t.key for t in analysis.terms}
    for key in SPOT_CHECK_TERMS:
        if key in keys:
            assert _asks(questions, analysis, lang, key), (lang, key)
    answers = [a for q in questions if q.language == lang for a in answer_strings(q.answer)]
    for wanted in SPOT_CHECK_ANSWERS[lang]:
        assert any(wanted in a for a in answers), (lang, wanted)


def test_traps_are_blanked_everywhere(shipped):
    analysis, questions = shipped
    # A blank (cloze or single choice: one per sentence and target since the planner caps
    # variants) hides every occurrence.
    blanks = ("cloze", "single_choice")
    fourteen = [q for q in questions if q.type in blanks and "number:14" in q.targets]
    assert fourteen
    for q in fourteen:
        assert "14" not in q.prompt and q.prompt.count("____") == 2
    eight = [
        q for q in questions if q.type in blanks and q.language == "zh" and "number:8" in q.targets
    ]
    assert eight and all("8" not in q.prompt for q in eight)
    fujian_vi = [q for q in questions if q.language == "vi" and "place:福建" in q.targets]
    for q in fujian_vi:
        if q.type in ("cloze", "single_choice"):
            assert "Phúc Kiến" not in q.prompt and "phuc kien" not in q.prompt.lower()
    # 闽宁 gives 福建 (and 宁夏) away: no zh question blanks them in that sentence.
    for q in questions:
        blanks = q.type in ("cloze", "single_choice", "multiple_choice")
        if q.language == "zh" and blanks and {"place:福建", "place:宁夏"} & set(q.targets):
            assert "闽宁" not in q.prompt


def test_distractors_are_of_the_same_kind(shipped):
    from content.lang.divisions import lookup

    analysis, questions = shipped
    for q in questions:
        if (
            q.type != "single_choice"
            or not q.targets
            or q.targets[0] not in {t.key for t in analysis.terms}
        ):
            continue
        term = analysis.term(q.targets[0])
        if term.kind in ("year", "number"):
            assert all(str(c).isdigit() for c in q.choices)
            if term.kind == "year":
                assert all(abs(int(c) - int(q.answer)) <= 20 for c in q.choices)
        if term.kind == "place":
            level = lookup(q.answer).level
            assert all(lookup(c) and lookup(c).level == level for c in q.choices), q.choices
            # Same style as the answer: all with a suffix, or none.
            if q.language == "zh":
                assert len({c.endswith(("省", "市", "区")) for c in q.choices}) == 1, q.choices
            else:
                assert len({c.lower().startswith(("tỉnh", "thành phố")) for c in q.choices}) == 1
        others = [c for c in q.choices if c != q.answer]
        assert not any(find_forms(q.prompt, [c]) for c in others), (q.prompt, q.choices)


def test_answers_are_not_always_first_or_longest(shipped):
    _, questions = shipped
    choice = [q for q in questions if q.type == "single_choice"]
    first = sum(q.choices[0] == q.answer for q in choice)
    longest = sum(max(q.choices, key=len) == q.answer for q in choice)
    assert first < len(choice) * 0.5 and longest < len(choice) * 0.6
