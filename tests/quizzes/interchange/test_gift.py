"""GIFT: every type we have survives a round trip; Moodle's own examples read as the right type;
a bad file gets an error per question with its line number."""

import pytest

from quizzes.interchange.gift import dumps, escape, parse
from quizzes.interchange.model import Item, guess_language
from quizzes.validation import problems

CATEGORY = "dongxi/doc/zh"

# One question of each type in each language, in the shapes generation stores (and awkward
# characters: GIFT's specials, a backslash, new lines).
ITEMS = [
    Item("cloze", "zh", "填空：是国家作出的____项制度性安排。", "一", title="cloze zh"),
    Item("cloze", "vi", "Điền vào chỗ trống: đó là ____ bố trí {a=b}.", ["một", "1"], title="c"),
    Item("cloze", "vi", "Năm nào? ____", "1996", title="blank at the end"),
    Item(
        "single_choice",
        "zh",
        "选择正确的一项填空：自____年开始,形成目前的格局。",
        "1996",
        ["1997", "1996", "2010", "1995"],
        title="sc",
    ),
    Item(
        "single_choice",
        "vi",
        "Ai? ~ = # : \\ chọn",
        "Ninh Hạ #1",
        ["Ninh Hạ #1", "Ninh Ba", "Hạ Môn"],
    ),
    Item(
        "multiple_choice",
        "zh",
        "选出所有应填入空格的选项（多选）：目前____省(市)、____个计划单列市和____个大城市",
        ["9", "5", "4"],
        ["10", "14", "9", "5", "4", "8"],
        title="mc",
    ),
    Item("multiple_choice", "vi", "Chọn hai:", ["a", "b"], ["a", "c", "b"], title="mc2"),
    Item("true_false", "zh", "判断正误：东西部扶贫协作是一项制度性安排。", True, title="tf"),
    Item("true_false", "vi", "Đúng hay sai: Hà Nội ở miền Nam.", False, title="tf2"),
    Item(
        "matching",
        "zh",
        "将下列各项与原文中对应的例子配对：\n1. 企业合作\n2. 高层沟通",
        [["企业合作", "山东省的14个地级市"], ["高层沟通", "福建省与宁夏每年召开联席会议"]],
        ["福建省与宁夏每年召开联席会议", "山东省的14个地级市", "多余的选项"],
        title="match",
    ),
    Item(
        "ordering",
        "vi",
        "Sắp xếp các mục sau theo thứ tự được liệt kê trong bài:",
        ["9 tỉnh (thành phố)", "5 thành phố: #1 = ~a {riêng", "4 thành phố lớn"],
        ["4 thành phố lớn", "9 tỉnh (thành phố)", "5 thành phố: #1 = ~a {riêng"],
        title="order",
    ),
    Item("translation", "zh", "“大连”用越南语怎么说？", "Đại Liên", title="tr"),
    Item("translation", "vi", "“Đại Liên” trong tiếng Trung là gì?", ["大连", "大连市"], title="t"),
]
for _item in ITEMS:
    _item.category = f"dongxi/doc/{_item.language}"


def test_the_fixture_questions_are_valid():
    for item in ITEMS:
        assert problems(item.type, item.prompt, item.answer, item.choices) == [], item.title


@pytest.mark.parametrize("item", ITEMS, ids=lambda i: f"{i.type}-{i.language}-{i.title}")
def test_every_type_survives_a_round_trip(item):
    text, skipped = dumps([item])
    assert skipped == []
    result = parse(text)
    assert result.errors == [], text
    (back,) = result.items
    assert (back.type, back.language, back.prompt, back.answer, back.title) == (
        item.type,
        item.language,
        item.prompt,
        item.answer,
        item.title,
    ), text
    if item.type in ("matching", "ordering"):
        # GIFT keeps no display order: Moodle shuffles the options itself.
        assert sorted(back.choices) == sorted(item.choices)
    else:
        assert back.choices == item.choices


def test_a_whole_bank_round_trips_with_categories_and_line_numbers():
    text, _ = dumps(ITEMS)
    result = parse(text)
    assert [i.type for i in result.items] == [i.type for i in ITEMS]
    assert {i.category for i in result.items} == {"dongxi/doc/zh", "dongxi/doc/vi"}
    lines = text.splitlines()
    for item in result.items:
        assert escape(item.prompt)[:8] in lines[item.line - 1]


def test_an_ordering_question_is_never_shown_in_its_right_order():
    item = parse("Sắp xếp: {>3 ALL VERTICAL LONGEST_ORDERED_SUBSET SHOW\na\nb\nc\n}").items[0]
    assert item.answer == ["a", "b", "c"]
    assert sorted(item.choices) == ["a", "b", "c"] and item.choices != item.answer


def test_the_cloze_answer_stands_in_its_blank_as_moodle_writes_a_missing_word():
    text, _ = dumps([ITEMS[0]])
    assert "作出的{=一}项制度性安排。" in text


def test_multiple_choice_weights_give_each_wrong_pick_the_cost_of_a_right_one():
    text, _ = dumps([ITEMS[5]])
    assert "~%33.33333%9" in text and "~%-33.33333%10" in text


def test_the_language_comes_from_the_category_or_from_the_text():
    result = parse("$CATEGORY: x/vi\n\n大连? {=Đại Liên}\n\n$CATEGORY: x\n\n大连是哪里？{=城市}")
    first, second = result.items
    assert first.language == "vi", "the category says so"
    assert second.language == "zh" and second.type == "cloze"
    assert guess_language("“大连” nghĩa là gì?") == "vi"


def test_a_short_answer_in_the_other_language_is_a_translation():
    (item,) = parse("“大连”用越南语怎么说？{=Đại Liên}").items
    assert (item.type, item.language) == ("translation", "zh")


# --- errors ----------------------------------------------------------------------------------


BAD = """\
// a good one
::ok::Hà Nội là thủ đô.{T}

::open::This block never closes {=a ~b

::num::How many? {#3}

::essay::Write about Hanoi. {}

Just a description with no answers.

::two right::Pick one {=a =b ~c}

::partial::Pick {=a ~%50%b ~c}

::blocks::One {=a} and two {=b}.

::none right::Choose {~%-50%a ~%0%b}

::dup::Choose {=a ~a}

::arrow::Match {=a -> 1 =b}

::title never ends {T}
"""


def test_each_bad_question_gets_its_own_error_and_line():
    result = parse(BAD)
    assert [i.title for i in result.items] == ["ok"]
    errors = {q.title or q.line: [(e.line, e.code) for e in q.errors] for q in result.invalid}
    assert errors == {
        "open": [(4, "unclosed_block")],
        "num": [(6, "numerical_unsupported")],
        "essay": [(8, "essay_unsupported")],
        10: [(10, "no_answer_block")],
        "two right": [(12, "several_right_answers")],
        "partial": [(14, "partial_credit_unsupported")],
        "blocks": [(16, "several_blocks")],
        "none right": [(18, "no_right_answer")],
        "dup": [(20, "duplicate_choice")],
        "arrow": [(22, "matching_needs_arrow")],
        24: [(24, "unclosed_title")],
    }


def test_an_error_inside_a_long_question_points_at_the_line_of_the_block():
    result = parse("A question\nthat spans lines\n}{=a}")
    assert [(e.line, e.code) for e in result.errors] == [(3, "unexpected_close")]
    result = parse("::t::\nPrompt\n\n{=a}")
    assert [e.code for e in result.errors] == ["no_answer_block", "empty_prompt"]


def test_a_byte_order_mark_and_windows_line_ends_are_fine():
    result = parse("\ufeff::a::Hà Nội?{T}\r\n\r\n::b::Huế?{F}\r\n")
    assert [i.answer for i in result.items] == [True, False]


def test_a_matching_pair_with_an_arrow_inside_cannot_be_written_and_is_reported():
    item = Item("matching", "vi", "Nối", [["a->b", "1"], ["c", "2"]], ["1", "2"], title="m")
    text, skipped = dumps([item])
    assert text == '// Left out: m: a matching item holds "->", which GIFT cannot escape.\n'
    assert [(s.title, s.code) for s in skipped] == [("m", "arrow_in_matching_item")]
