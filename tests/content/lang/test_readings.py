"""content.lang.readings: Hán-Việt and pinyin readings, transliteration scores."""

from content.lang.readings import pinyin, reading_score, skeleton, transliteration_score


def test_readings():
    assert reading_score("重庆", "Trùng Khánh") >= 80
    assert reading_score("山东", "Sơn Tây") < 80
    assert skeleton("wulanchabu") == skeleton("Ulanqab")
    assert transliteration_score("乌兰察布", "Ulanqab") > transliteration_score(
        "乌兰察布", "Xích Phong"
    )


def test_names_read_polyphonic_characters_as_words_do():
    """Issue 16: a polyphonic character alone in a name takes its reading in words, not its
    function-word default; phrases keep the dictionary's reading, surnames their own."""
    assert pinyin("还剑") == "huán jiàn"  # not hái (the adverb "still")
    assert pinyin("还剑湖") == "huán jiàn hú"
    assert pinyin("成都") == "chéng dū"
    assert pinyin("都江堰") == "dū jiāng yàn"
    assert pinyin("重庆") == "chóng qìng"  # a phrase of the dictionary
    assert pinyin("银行") == "yín háng"
    assert pinyin("长白山") == "cháng bái shān"
    assert pinyin("贾宝玉") == "jiǎ bǎo yù"  # a surname keeps its reading
    assert pinyin("山东") == "shān dōng"
