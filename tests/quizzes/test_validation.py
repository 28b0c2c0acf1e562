"""What makes a question well formed, per type: the rules the forms and the GIFT import share."""

import pytest

from quizzes.validation import display_order, problems


def codes(*args):
    return [p.code for p in problems(*args)]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("cloze", "Thủ đô là ____.", "Hà Nội", []), []),
        (("cloze", "Thủ đô là Hà Nội.", "Hà Nội", []), ["no_blank"]),
        (("cloze", "", "Hà Nội", []), ["empty_prompt"]),
        (("cloze", "Thủ đô là ____.", ["Hà Nội", " "], []), ["empty_answer"]),
        (("translation", "“大连”用越南语怎么说？", "", []), ["empty_answer"]),
        (("true_false", "Đúng?", "yes", []), ["bad_answer"]),
        (("single_choice", "Chọn", "a", ["a", "b"]), []),
        (("single_choice", "Chọn", "c", ["a", "b"]), ["answer_not_a_choice"]),
        (("single_choice", "Chọn", "a", ["a"]), ["too_few_choices"]),
        (("single_choice", "Chọn", "a", ["a", "A "]), ["duplicate_choice"]),
        (("multiple_choice", "Chọn", ["a", "b"], ["a", "b", "c"]), []),
        (("multiple_choice", "Chọn", ["a", "b"], ["a", "b"]), ["no_wrong_choice"]),
        (("multiple_choice", "Chọn", [], ["a", "b"]), ["no_right_choice"]),
        (("matching", "Nối", [["a", "1"], ["b", "2"]], ["2", "1", "3"]), []),
        (("matching", "Nối", [["a", "1"]], ["1"]), ["too_few_pairs"]),
        (("matching", "Nối", [["a", "1"], ["a", "2"]], ["1", "2"]), ["duplicate_left"]),
        (("matching", "Nối", [["a", "1"], ["b", "2"]], ["1"]), ["answer_not_a_choice"]),
        (("ordering", "Xếp", ["a", "b"], ["b", "a"]), []),
        (("ordering", "Xếp", ["a", "a"], ["a", "a"]), ["duplicate_item"]),
        (("ordering", "Xếp", ["a", "b"], ["a", "c"]), ["bad_choices"]),
        (("essay", "Viết", "", []), ["unknown_type"]),
    ],
)
def test_problems_name_what_is_wrong(args, expected):
    assert codes(*args) == expected


def test_display_order_never_shows_the_answer_order_and_is_stable():
    items = ["1", "2", "3"]
    for seed in ("a", "b", "c", "d", "e"):
        shown = display_order(items, seed)
        assert sorted(shown) == items and shown != items
        assert display_order(items, seed) == shown
