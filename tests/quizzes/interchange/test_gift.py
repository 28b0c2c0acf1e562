"""GIFT: every type we have survives a round trip; Moodle's own examples read as the right type;
a bad file gets an error per question with its line number."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.lang.hygiene import first_control
from quizzes.interchange.gift import dumps, escape, parse
from quizzes.interchange.model import Item, guess_language
from quizzes.models import Question
from quizzes.validation import problems
from tests.support.interchange import ITEMS

CATEGORY = "dongxi/doc/zh"


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


def test_a_nul_in_a_gift_import_is_dropped_not_a_500(teacher_client, teacher, quiz_document):
    text = "::q1::Thủ đô\x00 của Việt\x07 Nam là gì? {=Hà Nội ~Huế}\n"
    upload = SimpleUploadedFile("bank.gift", text.encode("utf-8"), content_type="text/plain")
    data = {"document": quiz_document.slug, "file": upload}
    response = teacher_client.post(
        reverse("teaching:question_import"), data, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code in (200, 302)
    question = Question.objects.get(author=teacher)
    assert question.prompt == "Thủ đô của Việt Nam là gì?"


def test_gift_never_writes_a_control_character():
    text, _ = dumps([Item("cloze", "vi", "Thủ\x00 đô là ____.", "Hà\x1bNội")])
    assert first_control(text) is None
    assert "HàNội" in text
