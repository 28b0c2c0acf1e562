"""How a choice question reads on an Anki card (quizzes.anki.choice): letters, key, answer."""

import pytest

from quizzes.anki.choice import face


def test_a_single_choice_shows_lettered_options_and_the_answer_letter():
    shown = face("single_choice", "zh", "1996", ["1997", "1996", "2010"])
    assert shown.options == (("A", "1997"), ("B", "1996"), ("C", "2010"))
    assert (shown.key, shown.answers, shown.label) == ("B", ("1996",), "单选题")


def test_a_multiple_choice_lists_every_right_letter_in_letter_order():
    shown = face("multiple_choice", "vi", ["9", "5", "10"], ["10", "14", "9", "5"])
    assert shown.key == "A, C, D"
    assert shown.answers == ("10", "9", "5")
    assert shown.label == "Chọn nhiều đáp án"


@pytest.mark.parametrize(
    ("language", "answer", "key", "said"),
    [("zh", True, "A", "正确"), ("zh", False, "B", "错误"), ("vi", False, "B", "Sai")],
)
def test_true_or_false_is_said_in_the_question_language(language, answer, key, said):
    shown = face("true_false", language, answer, [])
    assert [text for _, text in shown.options] == (
        ["正确", "错误"] if language == "zh" else ["Đúng", "Sai"]
    )
    assert (shown.key, shown.answers) == (key, (said,))


def test_ordering_gives_the_letters_in_the_right_order():
    shown = face("ordering", "zh", ["9省", "5市", "4城"], ["4城", "5市", "9省"])
    assert shown.key == "C → B → A"
    assert shown.answers == ("9省", "5市", "4城")


def test_matching_pairs_each_numbered_item_with_a_letter():
    answer = [["模式一", "山东"], ["模式二", "福建"]]
    shown = face("matching", "zh", answer, ["福建", "山东"])
    assert shown.key == "1–B, 2–A"
    assert shown.answers == ("模式一 → 山东", "模式二 → 福建")


@pytest.mark.parametrize(
    ("qtype", "answer", "choices"),
    [
        ("single_choice", "x", ["y", "z"]),  # the answer is not an option
        ("single_choice", "x", []),  # no options
        ("single_choice", "x", ["x", "x"]),  # the same option twice
        ("multiple_choice", ["a", "q"], ["a", "b"]),
        ("multiple_choice", [], ["a", "b"]),
        ("true_false", "yes", []),
        ("ordering", "a", ["a"]),
        ("matching", [["1", "q"]], ["a"]),
        ("matching", [["1"]], ["a"]),
        ("cloze", "a", []),  # not a choice type
        ("single_choice", "1", [str(i) for i in range(30)]),  # more options than letters
    ],
)
def test_a_question_whose_answer_does_not_fit_its_options_makes_no_card(qtype, answer, choices):
    assert face(qtype, "vi", answer, choices) is None


def test_a_language_other_than_chinese_or_vietnamese_makes_no_card():
    assert face("single_choice", "en", "a", ["a", "b"]) is None


def test_matching_gives_its_items_in_the_order_the_key_numbers_them():
    shown = face("matching", "vi", [["Sơn Đông", "山东"], ["Phúc Kiến", "福建"]], ["福建", "山东"])
    assert shown.items == ("Sơn Đông", "Phúc Kiến") and shown.key == "1–B, 2–A"
    assert face("ordering", "zh", ["甲", "乙"], ["乙", "甲"]).items == ()
