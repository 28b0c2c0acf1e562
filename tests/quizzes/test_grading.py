"""quizzes.grading: every rule on both languages, the refusals that must stay refusals, and every
question generated for the shipped article graded with its own answer and with a wrong one."""

from __future__ import annotations

from pathlib import Path

import pytest

from content.lang import analyse, decode
from quizzes.generation import generate
from quizzes.grading import Grade, grade

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "content" / "documents" / "000_09eee8d4159d2fdc.txt"

# Names of a document like the shipped one, both languages.
NAMES = [
    "山东",
    "Sơn Đông",
    "宁夏",
    "Ninh Hạ",
    "宁波",
    "Ninh Ba",
    "厦门",
    "Hạ Môn",
    "福建",
    "Phúc Kiến",
    "深圳",
    "Thâm Quyến",
    "乌兰察布",
    "Ulanqab",
]


def typed(language, answer, response, **kwargs) -> Grade:
    return grade("cloze", language, answer, response, other_names=NAMES, **kwargs)


def assert_right(result: Grade, note: str | None = None) -> None:
    assert (result.score, result.correct, result.note) == (1.0, True, note)


def assert_wrong(result: Grade) -> None:
    assert result.score == 0 and not result.correct


# --- choice questions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, answer, other", [("zh", "1996", "1997"), ("vi", "Ninh Hạ", "Ninh Ba")]
)
def test_a_single_choice_is_right_only_for_the_answer(lang, answer, other):
    assert_right(grade("single_choice", lang, answer, answer, choices=[other, answer]))
    assert_wrong(grade("single_choice", lang, answer, other, choices=[other, answer]))


@pytest.mark.parametrize("lang", ["zh", "vi"])
def test_true_false_takes_booleans_and_their_strings(lang):
    assert_right(grade("true_false", lang, True, True))
    assert_right(grade("true_false", lang, True, "true"))
    assert_right(grade("true_false", lang, False, "False"))
    assert_wrong(grade("true_false", lang, False, "true"))
    assert grade("true_false", lang, True, "maybe").note == "invalid"


@pytest.mark.parametrize(
    "lang, answer, wrong",
    [("zh", ["9", "5", "4", "10"], ["14", "8"]), ("vi", ["Ninh Ba", "Hạ Môn"], ["Ninh Hạ", "X"])],
)
def test_multiple_choice_is_correct_only_for_the_exact_set(lang, answer, wrong):
    assert_right(grade("multiple_choice", lang, answer, list(reversed(answer))))
    result = grade("multiple_choice", lang, answer, answer[:-1])
    assert not result.correct and result.score == pytest.approx((len(answer) - 1) / len(answer))
    # One box too many is not the exact set either.
    result = grade("multiple_choice", lang, answer, answer + wrong[:1])
    assert not result.correct and result.score == pytest.approx((len(answer) - 1) / len(answer))


@pytest.mark.parametrize(
    "lang, answer, wrong",
    [("zh", ["9", "5", "4", "10"], ["14", "8"]), ("vi", ["Ninh Ba", "Hạ Môn"], ["Ninh Hạ", "X"])],
)
def test_multiple_choice_wrong_picks_cancel_right_ones_but_never_below_zero(lang, answer, wrong):
    result = grade("multiple_choice", lang, answer, [answer[0], wrong[0]])
    assert result.score == 0 and not result.correct
    assert grade("multiple_choice", lang, answer, answer + wrong).score < 1
    assert grade("multiple_choice", lang, answer, wrong).score == 0


@pytest.mark.parametrize(
    "lang, pairs",
    [
        ("zh", [["山东", "济南"], ["福建", "福州"], ["宁夏", "银川"], ["浙江", "杭州"]]),
        ("vi", [["Sơn Đông", "Tế Nam"], ["Phúc Kiến", "Phúc Châu"], ["Ninh Hạ", "Ngân Xuyên"]]),
    ],
)
def test_matching_scores_the_fraction_of_pairs_right(lang, pairs):
    assert_right(grade("matching", lang, pairs, pairs))
    assert_right(grade("matching", lang, pairs, dict(pairs)))
    swapped = [[pairs[0][0], pairs[1][1]], [pairs[1][0], pairs[0][1]], *pairs[2:]]
    result = grade("matching", lang, pairs, swapped)
    assert not result.correct
    assert result.score == pytest.approx((len(pairs) - 2) / len(pairs))


@pytest.mark.parametrize(
    "lang, items",
    [("zh", ["政府援助", "企业合作", "社会帮扶", "人才支持"]), ("vi", ["một", "hai", "ba", "bốn"])],
)
def test_ordering_scores_the_longest_run_in_the_right_relative_order(lang, items):
    assert_right(grade("ordering", lang, items, items))
    # The last item moved to the front: three of four are still in order.
    moved = [items[-1], *items[:-1]]
    result = grade("ordering", lang, items, moved)
    assert not result.correct and result.score == pytest.approx(0.75)
    assert grade("ordering", lang, items, list(reversed(items))).score == pytest.approx(0.25)


# --- Chinese typed answers ---------------------------------------------------------------------


def test_a_full_width_number_is_the_same_number():
    assert_right(typed("zh", "14", "１４"))


def test_traditional_characters_equal_simplified_ones():
    assert_right(typed("zh", "山东", "山東"))
    assert_right(typed("zh", "宁夏回族自治区", "寧夏"))


@pytest.mark.parametrize(
    "answer, response",
    [
        ("山东省", "山东"),
        ("山东", "山东省"),
        ("宁夏回族自治区", "宁夏"),
        ("乌兰察布市", "乌兰察布"),
        ("重庆", "重庆市"),
    ],
)
def test_a_chinese_name_is_right_with_or_without_its_suffix(answer, response):
    assert_right(typed("zh", answer, response))


@pytest.mark.parametrize(
    "answer, response",
    [("14", "十四"), ("2", "两"), ("两", "2"), ("2010", "二零一零"), ("1996", "一千九百九十六")],
)
def test_a_chinese_numeral_is_the_same_number_as_its_digits(answer, response):
    assert_right(typed("zh", answer, response))


def test_a_chinese_number_may_keep_its_measure_word():
    assert_right(typed("zh", "14", "14个"))


@pytest.mark.parametrize(
    "response", ["shandong", "Shāndōng", "shan dong", "shan1 dong1", "ShanDong"]
)
def test_a_chinese_name_typed_in_pinyin_is_right(response):
    assert_right(typed("zh", "山东省", response), "pinyin")


def test_surrounding_space_and_punctuation_are_ignored_in_chinese():
    assert_right(typed("zh", "山东", "  山东。"))
    assert_right(typed("zh", "9省(市)", "9省（市）"))


def test_a_wrong_chinese_name_or_number_is_wrong():
    assert_wrong(typed("zh", "宁夏", "宁波"))
    assert_wrong(typed("zh", "宁夏", "ningbo"))
    assert_wrong(typed("zh", "1996", "1995"))
    assert_wrong(typed("zh", "14", "十五"))


def test_another_chinese_name_of_the_document_is_refused_as_such():
    assert typed("zh", "宁夏", "宁波").note == "other_name"


# --- Vietnamese typed answers ------------------------------------------------------------------


def test_vietnamese_case_and_spacing_do_not_matter():
    assert_right(typed("vi", "Sơn Đông", "  sơn   đông. "))


@pytest.mark.parametrize(
    "answer, response", [("xóa", "xoá"), ("thủy", "thuỷ"), ("hòa", "hoà"), ("Hoà Bình", "Hòa Bình")]
)
def test_old_and_new_tone_placement_are_the_same_answer(answer, response):
    assert_right(typed("vi", answer, response))
    assert_right(typed("vi", response, answer))


def test_a_vietnamese_answer_in_decomposed_unicode_is_the_same_answer():
    import unicodedata

    assert_right(typed("vi", "Ninh Hạ", unicodedata.normalize("NFD", "Ninh Hạ")))


def test_a_longer_answer_without_diacritics_is_right_with_a_note():
    assert_right(typed("vi", "Thâm Quyến", "Tham Quyen"), "accents")
    assert_right(typed("vi", "Ninh Hạ", "ninh ha"), "accents")
    assert_right(typed("vi", "Ulanqab", "ULANQAB"))


def test_a_short_answer_without_diacritics_like_ha_for_ha_is_wrong():
    result = typed("vi", "Hạ", "Ha")
    assert_wrong(result)
    assert result.note == "accents_required"


def test_one_typo_in_a_longer_vietnamese_answer_is_forgiven_with_a_note():
    assert_right(typed("vi", "Thâm Quyến", "Thâm Quyếm"), "typo")
    assert_right(typed("vi", "Phúc Kiến", "Phuc Kien,"), "accents")
    assert_right(typed("vi", "Phúc Kiến", "Phuc Kiem"), "typo")


def test_two_typos_are_not_forgiven():
    assert_wrong(typed("vi", "Thâm Quyến", "Thâm Quyxm"))
    assert_wrong(typed("vi", "Phúc Kiến", "Phuc Kim"))


def test_a_typo_in_a_short_vietnamese_answer_is_not_forgiven():
    assert_wrong(typed("vi", "hai", "hei"))


def test_ninh_ba_is_not_accepted_for_ninh_ha():
    result = typed("vi", "Ninh Hạ", "Ninh Ba")
    assert_wrong(result)
    assert result.note == "other_name"
    # Without diacritics, and one typo from the other name, it is still the other city.
    assert_wrong(typed("vi", "Ninh Hạ", "ninh ba"))
    assert_wrong(typed("vi", "Ninh Hạ", "Ninh Bo"))


def test_another_option_is_refused_even_when_it_is_one_letter_away():
    result = grade("cloze", "vi", "Ninh Hạ", "Ninh Ba", choices=["Ninh Hạ", "Ninh Ba"])
    assert_wrong(result)


def test_the_answer_itself_is_right_even_though_it_is_among_the_other_names():
    assert_right(typed("vi", "Ninh Hạ", "Ninh Hạ"))
    assert_right(typed("zh", "宁夏", "宁夏"))


@pytest.mark.parametrize(
    "answer, response",
    [
        ("tỉnh Sơn Đông", "Sơn Đông"),
        ("Sơn Đông", "tỉnh Sơn Đông"),
        ("thành phố Ulanqab", "Ulanqab"),
        ("Ninh Hạ", "khu tự trị Ninh Hạ"),
        ("thành phố Trùng Khánh", "Trùng Khánh"),
    ],
)
def test_a_vietnamese_name_is_right_with_or_without_its_generic_prefix(answer, response):
    assert_right(typed("vi", answer, response))


@pytest.mark.parametrize(
    "answer, response",
    [("14", "mười bốn"), ("một", "1"), ("2", "hai"), ("21", "hai mươi mốt"), ("1000", "1.000")],
)
def test_a_vietnamese_number_in_words_is_the_same_number_as_its_digits(answer, response):
    assert_right(typed("vi", answer, response))


def test_a_number_one_digit_off_is_not_a_typo():
    assert_wrong(typed("vi", "1996", "1995"))
    assert_wrong(typed("vi", "14", "mười lăm"))


@pytest.mark.parametrize("language", ["zh", "vi"])
@pytest.mark.parametrize("answer", ["686万", "6,86 triệu"])
@pytest.mark.parametrize(
    "response", ["686万", "6,86 triệu", "6.86 triệu", "6860000", "6.860.000", "６８６万"]
)
def test_a_number_with_a_magnitude_word_is_graded_by_value(language, answer, response):
    assert_right(typed(language, answer, response))


@pytest.mark.parametrize("language", ["zh", "vi"])
@pytest.mark.parametrize("response", ["6,9 triệu", "686", "68,6 triệu", "6860万", "7 triệu"])
def test_a_number_that_only_rounds_to_the_answer_is_wrong(language, response):
    assert_wrong(typed(language, "686万", response))
    assert_wrong(typed(language, "6,86 triệu", response))


@pytest.mark.parametrize(
    "language, answer, response",
    [
        ("vi", "128.000", "12,8 vạn"),
        ("vi", "128.000", "128000"),
        ("zh", "12.8万", "128000"),
        ("zh", "12.8万", "128.000"),
        ("vi", "71,4%", "71,4"),
        ("zh", "71.4%", "71.4％"),
        ("vi", "24.931 nghìn tỷ", "24931 nghìn tỷ"),
        ("zh", "249310亿", "24.931 nghìn tỷ"),
        ("vi", "2 triệu", "200万"),
        ("zh", "1,200", "１２００"),
    ],
)
def test_numbers_in_either_writing_are_the_same_number(language, answer, response):
    assert_right(typed(language, answer, response))


def test_a_wrong_vietnamese_name_is_wrong():
    assert_wrong(typed("vi", "Sơn Đông", "Sơn Tây"))
    assert_wrong(typed("vi", "Hạ Môn", ""))


# --- translation -------------------------------------------------------------------------------


def test_a_translation_into_vietnamese_follows_the_vietnamese_rules():
    assert_right(grade("translation", "zh", "Ninh Hạ", "ninh ha", other_names=NAMES), "accents")
    assert_wrong(grade("translation", "zh", "Ninh Hạ", "Ninh Ba", other_names=NAMES))


def test_a_translation_into_chinese_follows_the_chinese_rules():
    assert_right(grade("translation", "vi", "宁夏", "寧夏回族自治區", other_names=NAMES))
    assert_right(grade("translation", "vi", "宁夏", "ningxia", other_names=NAMES), "pinyin")
    assert_wrong(grade("translation", "vi", "宁夏", "宁波", other_names=NAMES))


def test_a_translation_accepts_any_alias_of_the_term():
    assert_right(grade("translation", "vi", "内蒙古", "蒙", aliases=["内蒙古自治区", "蒙"]))
    assert_right(grade("translation", "zh", ["Nội Mông Cổ", "Nội Mông"], "Nội Mông"))
    assert_wrong(grade("translation", "zh", "Nội Mông Cổ", "Mông"))


# --- every generated question of the shipped article -------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    analysis = analyse(decode(SHIPPED.read_bytes()))
    names = [n for t in analysis.terms for n in (t.zh, t.vi) if n]
    names += [a for t in analysis.terms for forms in t.aliases.values() for a in forms]
    return generate(analysis), names


def _wrong_response(question, questions):
    """A plausible wrong response: another choice, another order, another question's answer."""
    answer = question.answer
    if question.type == "true_false":
        return not answer
    if question.type == "single_choice":
        return next(c for c in question.choices if c != answer)
    if question.type == "multiple_choice":
        return answer[:-1] or [c for c in question.choices if c not in answer][:1]
    if question.type == "matching":
        rights = [right for _, right in answer]
        return [[left, rights[i - 1]] for i, (left, _) in enumerate(answer)]
    if question.type == "ordering":
        return list(reversed(answer))
    same = [
        q.answer for q in questions if (q.type, q.language) == (question.type, question.language)
    ]
    return next(a for a in same if grade(question.type, question.language, answer, a).score < 1)


def test_every_generated_question_grades_its_own_answer_right_and_another_choice_wrong(shipped):
    questions, names = shipped
    assert questions
    for question in questions:
        own = grade(
            question.type,
            question.language,
            question.answer,
            question.answer,
            choices=question.choices,
            other_names=names,
        )
        assert own.correct and own.score == 1, (question.to_json(), own)
        wrong = grade(
            question.type,
            question.language,
            question.answer,
            _wrong_response(question, questions),
            choices=question.choices,
            other_names=names,
        )
        assert wrong.score < 1 and not wrong.correct, (question.to_json(), wrong)


def test_imported_weights_grade_as_moodle_sums_them():
    weights = {"Grant": 0.5, "Grant's wife": 0.5, "No one": -1.0, "Grant's father": 0.0}
    answer = ["Grant", "Grant's wife"]

    def score(picked):
        return grade("multiple_choice", "vi", answer, picked, weights=weights).score

    assert score(["Grant", "Grant's wife"]) == 1
    assert score(["Grant", "Grant's father"]) == 0.5, "a 0 % option costs nothing"
    assert score(["Grant", "No one"]) == 0, "−100 % takes everything, never below 0"
    assert grade("multiple_choice", "vi", answer, ["Grant", "Grant's father"]).score == 0
