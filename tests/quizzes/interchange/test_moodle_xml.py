"""Moodle XML export: one Moodle question per question of ours, every type, in the elements
Moodle's XML import reads."""

import xml.etree.ElementTree as ET

from quizzes.interchange.moodle_xml import dumps
from tests.quizzes.interchange.test_gift import ITEMS


def _questions():
    text, skipped = dumps(ITEMS)
    assert skipped == []
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(text.split("\n", 1)[1]).findall("question")


def test_every_type_becomes_its_moodle_type_with_category_questions_between_languages():
    types = [q.get("type") for q in _questions()]
    assert types[0] == "category"
    assert [t for t in types if t != "category"] == [
        {
            "cloze": "shortanswer",
            "translation": "shortanswer",
            "single_choice": "multichoice",
            "multiple_choice": "multichoice",
            "true_false": "truefalse",
            "matching": "matching",
            "ordering": "ordering",
        }[i.type]
        for i in ITEMS
    ]
    categories = [q.findtext("category/text") for q in _questions() if q.get("type") == "category"]
    assert categories[:2] == ["$course$/top/dongxi/doc/zh", "$course$/top/dongxi/doc/vi"]


def _by_name(name):
    return next(q for q in _questions() if q.findtext("name/text") == name)


def _answers(question):
    return [(a.get("fraction"), a.findtext("text")) for a in question.findall("answer")]


def test_text_keeps_its_characters_and_new_lines():
    question = _by_name("match")
    assert question.findtext("questiontext/text").startswith(
        "将下列各项与原文中对应的例子配对：\n1."
    )
    assert question.find("questiontext").get("format") == "plain_text"


def test_choices_carry_moodle_fractions():
    assert _by_name("sc").findtext("single") == "true"
    assert _answers(_by_name("sc")) == [
        ("0", "1997"),
        ("100", "1996"),
        ("0", "2010"),
        ("0", "1995"),
    ]
    mc = _by_name("mc")
    assert mc.findtext("single") == "false"
    assert ("33.33333", "9") in _answers(mc) and ("-33.33333", "10") in _answers(mc)
    assert _answers(_by_name("tf")) == [("100", "true"), ("0", "false")]
    assert _answers(_by_name("tf2")) == [("0", "true"), ("100", "false")]


def test_short_answers_list_every_accepted_form():
    assert _answers(_by_name("t")) == [("100", "大连"), ("100", "大连市")]
    assert _by_name("t").findtext("usecase") == "0"


def test_matching_has_a_subquestion_per_pair_and_empty_ones_for_extra_options():
    subs = [
        (s.findtext("text"), s.findtext("answer/text"))
        for s in _by_name("match").findall("subquestion")
    ]
    assert subs == [
        ("企业合作", "山东省的14个地级市"),
        ("高层沟通", "福建省与宁夏每年召开联席会议"),
        ("", "多余的选项"),
    ]


def test_ordering_lists_items_in_the_right_order_graded_by_the_longest_ordered_subset():
    question = _by_name("order")
    assert question.findtext("gradingtype") == "LONGEST_ORDERED_SUBSET"
    assert question.findtext("selectcount") == "3"
    assert [text for _, text in _answers(question)] == [
        "9 tỉnh (thành phố)",
        "5 thành phố: #1 = ~a {riêng",
        "4 thành phố lớn",
    ]
