"""Building blocks of the pipeline: Vietnamese syllables and glue repair, sentence splitting,
Chinese numerals, abbreviations, readings and script detection."""

import pytest

from content.lang import chinese, vietnamese
from content.lang.readings import reading_score, skeleton, transliteration_score
from content.lang.text import script_of


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


def test_readings():
    assert reading_score("重庆", "Trùng Khánh") >= 80
    assert reading_score("山东", "Sơn Tây") < 80
    assert skeleton("wulanchabu") == skeleton("Ulanqab")
    assert transliteration_score("乌兰察布", "Ulanqab") > transliteration_score(
        "乌兰察布", "Xích Phong"
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("东西部扶贫协作,即东部发达省市", "zh"),
        ("Ví dụ, năm 2010, Bắc Kinh và Nội Mông Cổ", "vi"),
        ("14-01-2021 | China.org.cn", None),
        ("The quick brown fox.", None),
    ],
)
def test_script_of(text, lang):
    assert script_of(text) == lang


def test_names_read_polyphonic_characters_as_words_do():
    """Issue 16: a polyphonic character alone in a name takes its reading in words, not its
    function-word default; phrases keep the dictionary's reading, surnames their own."""
    from content.lang.readings import pinyin

    assert pinyin("还剑") == "huán jiàn"  # not hái (the adverb "still")
    assert pinyin("还剑湖") == "huán jiàn hú"
    assert pinyin("成都") == "chéng dū"
    assert pinyin("都江堰") == "dū jiāng yàn"
    assert pinyin("重庆") == "chóng qìng"  # a phrase of the dictionary
    assert pinyin("银行") == "yín háng"
    assert pinyin("长白山") == "cháng bái shān"
    assert pinyin("贾宝玉") == "jiǎ bǎo yù"  # a surname keeps its reading
    assert pinyin("山东") == "shān dōng"
