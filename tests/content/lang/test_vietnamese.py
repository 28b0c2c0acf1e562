"""content.lang.vietnamese: syllables and glue repair, spaces after punctuation, sentences."""

import pytest

from content.lang import vietnamese


@pytest.mark.parametrize(
    ("glued", "parts"),
    [
        ("ngườiViệt", ("người", "Việt")),
        ("nhữngđịa", ("những", "địa")),
        ("quốcgia", ("quốc", "gia")),
        ("khôngngừng", ("không", "ngừng")),
    ],
)
def test_split_glued_words(glued, parts):
    assert vietnamese.split_glued(glued) == parts


@pytest.mark.parametrize("word", ["Ulanqab", "Hohhot", "China", "nghiêng", "khuỷu", "quyết"])
def test_names_and_real_syllables_are_left_alone(word):
    assert vietnamese.split_glued(word) == (word,)


def test_repair_spaces_after_punctuation_but_not_in_numbers():
    assert vietnamese.repair("năm,trong đó 1,5 tỷ;các") == "năm, trong đó 1,5 tỷ; các"


def test_vietnamese_sentences():
    text = (
        "Giá tăng 3.5 lần, v.v. rồi dừng. TP. Hồ Chí Minh có “Kế hoạch A”. "
        "Năm 2020 là năm đặc biệt! 12 tỉnh tham gia?"
    )
    assert vietnamese.split_sentences(text) == [
        "Giá tăng 3.5 lần, v.v. rồi dừng.",
        "TP. Hồ Chí Minh có “Kế hoạch A”.",
        "Năm 2020 là năm đặc biệt!",
        "12 tỉnh tham gia?",
    ]
