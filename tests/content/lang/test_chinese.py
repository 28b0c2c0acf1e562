"""content.lang.chinese: sentences, numerals, numbers with a measure word, abbreviations."""

import pytest

from content.lang import chinese


def test_chinese_sentences_keep_closing_punctuation():
    assert chinese.split_sentences("他说：“好。”我们走吧！真的吗？还有") == [
        "他说：“好。”",
        "我们走吧！",
        "真的吗？",
        "还有",
    ]


@pytest.mark.parametrize(
    ("text", "value"), [("十四", 14), ("两", 2), ("一百零五", 105), ("三万", 30000), ("二十", 20)]
)
def test_numeral_values(text, value):
    assert chinese.numeral_value(text) == value


def test_chinese_numbers_need_a_measure_word():
    found = [
        (v, y) for _a, _b, v, y in chinese.numbers("2010年,两地统一开展了一些工作,派出3批干部")
    ]
    assert found == [(2010.0, True), (2.0, False), (3.0, False)]


def test_abbreviation_runs_skip_full_names():
    runs = chinese.abbreviation_runs("京津冀协同发展,辽宁省与新疆")
    assert [full for _o, full in runs] == ["北京", "天津", "河北"]
    assert len(chinese.PROVINCES) == 34
