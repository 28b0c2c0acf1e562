"""Questions from any text (issue 13): facts come from statements, the planner asks every fact
first and at most six questions per sentence and language, every dropped candidate keeps its
reason, and distractors are of the key's class and grammar."""

# ruff: noqa: E501 (the sample texts keep their sentences on one line, as a teacher pastes them)
from __future__ import annotations

import pytest

from content.lang import analyse
from quizzes.generation import generate
from quizzes.generation.generate import generate_report
from quizzes.generation.model import answer_strings
from quizzes.generation.plan import PER_SENTENCE, REASONS

# Three short paragraphs about a lake in a city, as a teacher would paste them: two place
# names, a bridge, a temple, a year, a length in metres and a visitor count.
LAKE = """还剑湖

还剑湖位于河内市中心，是河内最有名的湖泊之一。

湖上有一座红色的栖旭桥，桥的另一头是玉山祠。玉山祠建于1865年。

还剑湖周长约1750米。每年有200万游客来这里参观。

Hồ Hoàn Kiếm

Hồ Hoàn Kiếm nằm ở trung tâm thành phố Hà Nội, là một trong những hồ nổi tiếng nhất của Hà Nội.

Trên hồ có cầu Thê Húc màu đỏ, đầu kia của cầu là đền Ngọc Sơn. Đền Ngọc Sơn được xây dựng vào năm 1865.

Chu vi hồ Hoàn Kiếm khoảng 1.750 mét. Mỗi năm có 2 triệu du khách đến đây tham quan.
"""


@pytest.fixture(scope="module")
def lake():
    analysis = analyse(LAKE)
    return analysis, generate_report(analysis)


def _asked(analysis, report, lang, kind, value=None):
    terms = {t.key: t for t in analysis.terms}
    for q in report.questions:
        if q.language != lang or q.type in ("translation", "matching"):
            continue
        for key in q.targets:
            term = terms.get(key)
            if term and term.kind == kind and (value is None or term.value == value):
                return True
    return False


@pytest.mark.parametrize("lang", ["zh", "vi"])
def test_the_lake_text_asks_for_the_place_the_year_and_the_length(lake, lang):
    analysis, report = lake
    assert _asked(analysis, report, lang, "place")
    assert _asked(analysis, report, lang, "year", 1865)
    assert _asked(analysis, report, lang, "number", 1750)


@pytest.mark.parametrize(("lang", "written"), [("zh", "200万"), ("vi", "2 triệu")])
def test_the_lake_text_asks_for_the_visitor_count(lake, lang, written):
    _, report = lake
    answers = [
        a
        for q in report.questions
        if q.language == lang and q.type != "translation"
        for a in answer_strings(q.answer)
    ]
    assert written.replace(" ", "") in {a.replace(" ", "") for a in answers}


def test_every_sentence_of_the_lake_text_gives_a_fact(lake):
    analysis, report = lake
    assert {f.sentence for f in analysis.facts} >= {0, 1, 2, 3}
    asked = {q.fact for q in report.questions}
    assert all(f.key in asked for f in analysis.facts if f.anchors)


def test_a_hedged_length_gets_round_distractors_and_never_its_neighbour(lake):
    _, report = lake
    choices = [
        q for q in report.questions if q.type == "single_choice" and q.answer in ("1750", "1.750")
    ]
    assert choices
    for q in choices:
        for option in q.choices:
            if option == q.answer:
                continue
            value = int(option.replace(".", ""))
            assert abs(value - 1750) > 1
            assert str(value).rstrip("0") and len(str(value).rstrip("0")) <= 2, option


def test_no_sentence_gives_more_than_six_questions_per_language():
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parents[3] / "content" / "documents").glob("*")):
        analysis = analyse(path.read_text(encoding="utf-8"))
        sentence = {f.key: f.sentence for f in analysis.facts}
        counts: dict = {}
        for q in generate(analysis):
            if q.type in ("translation", "matching"):
                continue
            key = (q.language, sentence[q.fact])
            counts[key] = counts.get(key, 0) + 1
        assert max(counts.values()) <= PER_SENTENCE, path.name


def test_every_dropped_candidate_has_a_known_reason(lake):
    from pathlib import Path

    path = sorted((Path(__file__).resolve().parents[3] / "content" / "documents").glob("*"))[0]
    report = generate_report(analyse(path.read_text(encoding="utf-8")))
    assert report.dropped
    assert {d.reason for d in report.dropped} <= set(REASONS)
    kept = {q.key for q in report.questions}
    assert len(kept) == len(report.questions)
    # "select all" over several different blanks is never asked: one choice per blank.
    assert not any(q.prompt.startswith(("选出所有应填入", "Chọn tất cả")) for q in report.questions)
    assert "select_all_blanks" in {d.reason for d in report.dropped}


CAPITAL = """越南

越南的首都河内有1000多年的历史。

河内与海防相距约120公里。

Việt Nam

Thủ đô Hà Nội của Việt Nam có lịch sử hơn 1000 năm.

Hà Nội cách Hải Phòng khoảng 120 km.
"""


def test_the_topic_country_and_a_capital_named_as_such_are_not_blanked():
    analysis = analyse(CAPITAL)
    report = generate_report(analysis)
    blanks = ("cloze", "single_choice", "multiple_choice", "true_false")
    for q in report.questions:
        if q.type not in blanks:
            continue
        first = next(f for f in analysis.facts if f.key == q.fact).sentence
        if first == 0:
            assert not any(t.startswith("place:") for t in q.targets), q.prompt
    reasons = {d.reason for d in report.dropped}
    assert "trivial_target" in reasons


def test_two_names_and_their_count_in_one_clause_do_not_blank_the_count():
    text = (
        "标题\n\n2010年，乌兰察布市、赤峰市两地被列为重点帮扶地区。\n\n"
        "Tiêu đề\n\nNăm 2010, hai thành phố Ulanqab và Xích Phong được xếp vào vùng hỗ trợ "
        "trọng điểm.\n"
    )
    analysis = analyse(text)
    report = generate_report(analysis)
    two = [t.key for t in analysis.terms if t.kind == "number" and t.value == 2]
    if not two:
        pytest.skip("the pipeline does not read 两 / hai as a number term here")
    assert not any(
        two[0] in q.targets and q.type in ("cloze", "single_choice") for q in report.questions
    )
    assert any(d.reason == "count_in_prompt" for d in report.dropped)


def test_false_statements_do_not_all_swap_in_the_same_value():
    from pathlib import Path

    path = sorted((Path(__file__).resolve().parents[3] / "content" / "documents").glob("*"))[0]
    analysis = analyse(path.read_text(encoding="utf-8"))
    false = [q for q in generate(analysis) if q.type == "true_false" and q.answer is False]
    # What each false statement swapped in: the characters it adds to its source sentence.
    swapped = {
        frozenset(q.prompt.split("：", 1)[-1].split(": ", 1)[-1]) - frozenset(q.source)
        for q in false
        if q.targets and q.targets[0].startswith("place:")
    }
    assert len(false) >= 4 and len(swapped) >= 2


def test_every_fact_of_the_first_shipped_article_is_asked_in_both_languages():
    from pathlib import Path

    path = sorted((Path(__file__).resolve().parents[3] / "content" / "documents").glob("*"))[0]
    analysis = analyse(path.read_text(encoding="utf-8"))
    questions = generate(analysis)
    for lang in ("zh", "vi"):
        asked = {q.fact for q in questions if q.language == lang}
        missing = [
            (f.kind, (f.get(lang) or "")[:30])
            for f in analysis.facts
            if f.get(lang) and f.only_in in (None, lang) and f.key not in asked
        ]
        assert missing == [], lang
    # Among them the definitions after 即 and 指, and the yearly joint meeting (每年…联席会议).
    zh_asked = {q.fact for q in questions if q.language == "zh"}
    meeting = next(f for f in analysis.facts if f.zh and "联席会议" in f.zh)
    assert meeting.key in zh_asked
    assert all(f.key in zh_asked for f in analysis.facts if f.kind == "definition")


def test_date_distractors_keep_the_dates_shape():
    from content.lang.model import Analysis, Pair, Term
    from quizzes.generation.distractors import options_for

    analysis = Analysis(Pair(), Pair(), None, None, ("zh", "vi"))
    date = Term("date:2021-6-1", "date", "2021年6月1日", "1/6/2021")
    analysis.terms = [date]
    for lang, answer in (("zh", "2021年6月1日"), ("vi", "1/6/2021")):
        options = options_for(analysis, date, answer, lang, ["施行"], [], "seed")
        assert len(options) == 3
        for option in options:
            assert option.text != answer
            assert [c.isdigit() for c in option.text].count(False) == [
                c.isdigit() for c in answer
            ].count(False)
    # A bare day (ngày 12 đến 23/5) is shaped like a count: only dates serve as distractors.
    day = Term("date:5-12", "date", "5月12日", "12")
    count = Term("number:205", "number", "205", "205", value=205)
    analysis.terms = [day, count]
    assert "205" not in {o.text for o in options_for(analysis, day, "12", "vi", [], [], "s", 6)}
    # A Chinese date without its year starts with the month: the day changes, never the month.
    short = Term("date:9-22", "date", "9月22日", "22/9")
    analysis.terms = [short]
    for option in options_for(analysis, short, "9月22日晚", "zh", [], [], "seed", 6):
        month = int(option.text.split("月")[0])
        assert 1 <= month <= 12, option.text


def test_number_distractors_are_written_like_the_key_and_never_its_neighbour():
    from content.lang.model import Analysis, Pair, Term
    from quizzes.generation.distractors import options_for

    analysis = Analysis(Pair(), Pair(), None, None, ("zh", "vi"))
    length = Term("number:6300", "number", "6300", "6.300", value=6300)
    analysis.terms = [length]
    options = options_for(analysis, length, "6.300", "vi", ["dài 6.300 km"], [], "seed")
    assert options and all("." in o.text or len(o.text) <= 3 for o in options)
    values = [int(o.text.replace(".", "")) for o in options]
    assert all(abs(v - 6300) > 1 for v in values)


def test_a_number_is_never_found_inside_a_longer_number():
    from quizzes.generation.text import find_form

    assert find_form("总额达12.5亿美元", "25亿") == []
    assert find_form("总额达12.5亿美元", "2.5亿") == []
    assert find_form("总额达12.5亿美元", "12.5亿") == [(3, 8)]


def test_a_full_sentence_asks_last_for_what_the_title_already_names():
    from quizzes.generation import GeneratedQuestion
    from quizzes.generation.plan import plan

    targets = [f"number:{n}" for n in range(1, PER_SENTENCE + 3)]
    questions = [
        GeneratedQuestion(
            key=f"q{k}",
            type="cloze",
            language="zh",
            fact="f",
            targets=[t],
            prompt=f"填空：{k}",
            answer=str(k),
            source="s",
            source_translation="t",
        )
        for k, t in enumerate(targets)
    ]
    headline = {targets[0], targets[1]}  # the title names the first two
    kept, dropped = plan(questions, {"f": 0}, {}, {"f": 0}, headline)
    asked = {t for q in kept for t in q.targets}
    assert len(kept) == PER_SENTENCE
    assert asked == set(targets) - headline
    assert {d.reason for d in dropped} == {"per_sentence_cap"}
    # Without a headline, the order of the sentence decides.
    kept, _ = plan(questions, {"f": 0}, {}, {"f": 0})
    assert {t for q in kept for t in q.targets} == set(targets[:PER_SENTENCE])


def test_a_score_and_a_range_are_asked_whole_as_typed_blanks():
    analysis = analyse(
        "标题\n\n主队以3比1获胜，比赛持续了2到3个小时。\n\n"
        "Tiêu đề\n\nĐội chủ nhà thắng với tỷ số 3-1, trận đấu kéo dài từ 2 đến 3 giờ.\n"
    )
    report = generate_report(analysis)
    answers = {(q.language, q.type, str(q.answer)) for q in report.questions}
    for lang, score, span in (("zh", "3比1", "2到3"), ("vi", "3-1", "2 đến 3 giờ")):
        assert (lang, "cloze", score) in answers
        assert (lang, "cloze", span) in answers
    # never a choice between made-up scores
    assert not [q for q in report.questions if q.type == "single_choice" and "3比1" in q.choices]


def test_a_currency_after_a_number_is_never_the_blank():
    analysis = analyse(
        "标题\n\n该省出口额达12.5亿美元，同比增长71.4%。\n\n"
        "Tiêu đề\n\nKim ngạch xuất khẩu của tỉnh đạt 1,25 tỷ USD, tăng 71,4%.\n"
    )
    asked = {a for q in generate(analysis) for a in answer_strings(q.answer)}
    assert "USD" not in asked and "美元" not in asked
    assert "71,4%" in asked
