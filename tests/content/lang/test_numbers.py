"""The one number reader (content.lang.numbers): quantities in each language, matched by value."""

from __future__ import annotations

import pytest

from content.lang import analyse
from content.lang.align import vi_features, zh_features
from content.lang.numbers import Quantity, read_number, same_quantity, vi_quantities, zh_quantities
from content.lang.vietnamese import split_sentences

# (Chinese text, its quantity's span text, Vietnamese text, its span text, value, kind, unit)
CASES = [
    ("686万", "686万", "6,86 triệu", "6,86 triệu", 6_860_000, "number", None),
    ("9899万", "9899万", "98,99 triệu", "98,99 triệu", 98_990_000, "number", None),
    ("12.8万", "12.8万", "128.000", "128.000", 128_000, "number", None),
    (
        "249310亿",
        "249310亿",
        "24.931 nghìn tỷ",
        "24.931 nghìn tỷ",
        24_931_000_000_000,
        "number",
        None,
    ),
    ("71.4%", "71.4%", "71,4%", "71,4%", 71.4, "percent", "percent"),
    ("6300公里", "6300", "6.300 km", "6.300", 6300, "number", "km"),
    ("两位数", "两", "hai con số", "hai", 2, "count", None),
    ("近十年", "十", "gần 10 năm", "10", 10, None, "year-count"),
    ("180万平方公里", "180万", "1,8 triệu km²", "1,8 triệu", 1_800_000, "number", "km2"),
    ("200万", "200万", "2 triệu", "2 triệu", 2_000_000, "number", None),
    ("4月16日", "4月16日", "ngày 16/4", "16/4", None, "date", None),
    ("4月16日", "4月16日", "16 tháng 4", "16 tháng 4", None, "date", None),
    ("第三", "第三", "thứ ba", "thứ ba", 3, "ordinal", None),
    ("1996年", "1996", "năm 1996", "1996", 1996, "year", None),
    (
        "2024年3月15日",
        "2024年3月15日",
        "ngày 15 tháng 3 năm 2024",
        "15 tháng 3 năm 2024",
        None,
        "date",
        None,
    ),
    ("1,200人", "1,200", "1.200 người", "1.200", 1200, "number", "person"),
    ("１２００人", "１２００", "1.200 người", "1.200", 1200, "number", "person"),
]


def one(quantities: list[Quantity]) -> Quantity:
    assert len(quantities) == 1, quantities
    return quantities[0]


@pytest.mark.parametrize(("zh", "zh_span", "vi", "vi_span", "value", "kind", "unit"), CASES)
def test_each_case_is_one_quantity_with_its_span_in_each_language(
    zh, zh_span, vi, vi_span, value, kind, unit
):
    z, v = one(zh_quantities(zh)), one(vi_quantities(vi))
    assert (z.text, zh[z.start : z.end]) == (zh_span, zh_span)
    assert (v.text, vi[v.start : v.end]) == (vi_span, vi_span)
    for q in (z, v):
        if value is not None:
            assert q.value == pytest.approx(value) or q.alternative == pytest.approx(value)
        if unit is not None:
            assert q.unit == unit
    if kind is not None:
        assert z.kind == kind or (kind == "number" and z.kind == "count")
        assert v.kind == kind or (kind == "number" and v.kind == "count")


@pytest.mark.parametrize(("zh", "zh_span", "vi", "vi_span", "value", "kind", "unit"), CASES)
def test_each_case_is_the_same_quantity_both_ways(zh, zh_span, vi, vi_span, value, kind, unit):
    z, v = one(zh_quantities(zh)), one(vi_quantities(vi))
    assert same_quantity(z, v)
    assert same_quantity(v, z)


def test_dates_are_read_as_year_month_day():
    assert one(zh_quantities("4月16日")).date == (None, 4, 16)
    assert one(vi_quantities("ngày 16/4")).date == (None, 4, 16)
    assert one(vi_quantities("16 tháng 4")).date == (None, 4, 16)
    assert one(zh_quantities("2024年3月15日")).date == (2024, 3, 15)
    assert one(vi_quantities("ngày 15 tháng 3 năm 2024")).date == (2024, 3, 15)
    assert one(vi_quantities("ngày 15/3/2024")).date == (2024, 3, 15)


def test_approximation_words_are_flagged_not_spanned():
    for zh in ("约250万", "250万左右", "近250万", "250多万"):
        assert one(zh_quantities(zh)).approx, zh
    for vi in ("khoảng 2,5 triệu", "gần 2,5 triệu", "hơn 2,5 triệu", "trên 2,5 triệu"):
        q = one(vi_quantities(vi))
        assert q.approx and q.text == "2,5 triệu"
    assert not one(zh_quantities("250万")).approx
    assert one(zh_quantities("近十年")).approx and one(vi_quantities("gần 10 năm")).approx


def test_an_approximation_word_before_the_magnitude_keeps_the_magnitude():
    # 100多万 is "a million and more", not "100 and more": 多/余 may stand between the digits
    # and 万/亿, and the number is the same as hơn 1 triệu.
    q = one(zh_quantities("已将100多万只小海龟放归大海"))
    assert (q.text, q.value, q.approx) == ("100多万", 1_000_000, True)
    assert one(zh_quantities("20余亿元")).value == 2_000_000_000
    assert same_quantity(q, one(vi_quantities("hơn 1 triệu con")))
    assert one(zh_quantities("100多只")).value == 100  # no magnitude: 多 stays outside


def test_a_decimal_comma_or_thousands_dot_is_one_number_never_two():
    sentence = "với diện tích khoảng 6,86 triệu km², chiếm 71,4%, có 128.000 người và 24.931 xe"
    found = [(q.text, q.value) for q in vi_quantities(sentence)]
    assert found == [
        ("6,86 triệu", pytest.approx(6_860_000)),
        ("71,4%", pytest.approx(71.4)),
        ("128.000", 128_000),
        ("24.931", 24_931),
    ]


def test_different_values_units_and_kinds_are_different_quantities():
    assert not same_quantity(one(zh_quantities("687万")), one(vi_quantities("6,86 triệu")))
    assert not same_quantity(one(zh_quantities("6300吨")), one(vi_quantities("6.300 km")))
    assert not same_quantity(one(zh_quantities("1997年")), one(vi_quantities("năm 1996")))
    assert not same_quantity(one(zh_quantities("第三")), one(vi_quantities("3 tỉnh")))
    assert not same_quantity(one(zh_quantities("71.4%")), one(vi_quantities("71,4 km")))
    assert not same_quantity(one(zh_quantities("4月16日")), one(vi_quantities("ngày 16/5")))


def test_rounding_in_the_translation_is_the_same_quantity():
    assert same_quantity(one(zh_quantities("250万")), one(vi_quantities("2,5 triệu")))
    assert same_quantity(one(zh_quantities("123.4万")), one(vi_quantities("1,23 triệu")))
    assert not same_quantity(one(zh_quantities("1956公里")), one(vi_quantities("1.957 km")))


def test_chinese_numerals_need_a_measure_word():
    found = [(q.text, q.value, q.kind) for q in zh_quantities("2010年,两地统一开展了一些工作")]
    assert found == [("2010", 2010, "year"), ("两", 2, "count")]
    assert zh_quantities("千万不要，万一，统一") == []
    assert [q.value for q in zh_quantities("二零一零年")] == [2010]


def test_vietnamese_number_words_count_only_before_a_counted_noun_when_ambiguous():
    found = [(q.text, q.value) for q in vi_quantities("mỗi năm một số tỉnh, năm người, ba tỉnh")]
    assert found == [("năm", 5), ("ba", 3)]
    assert [q.value for q in vi_quantities("mười năm")] == [10]
    assert [q.value for q in vi_quantities("hai mươi mốt người")] == [21]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("686万", 6_860_000),
        ("6,86 triệu", 6_860_000),
        ("6.86 triệu", 6_860_000),
        ("１４", 14),
        ("十四", 14),
        ("两", 2),
        ("二零一零", 2010),
        ("14个", 14),
        ("mười bốn", 14),
        ("1.000", 1000),
        ("6300 km", 6300),
    ],
)
def test_read_number_reads_a_whole_typed_answer(text, value):
    assert read_number(text).value == pytest.approx(value)


@pytest.mark.parametrize("text", ["Sơn Đông", "山东", "14 tỉnh và 3 huyện", "十堰", ""])
def test_read_number_refuses_what_is_not_one_number(text):
    assert read_number(text) is None


def test_read_number_reads_an_ambiguous_mark_by_the_language_asked():
    assert read_number("1,200", "zh").value == 1200
    assert read_number("1,200", "vi").value == pytest.approx(1.2)


# --- splitting never cuts a number ----------------------------------------------------------


def test_vietnamese_sentences_never_split_inside_a_number():
    text = "Diện tích 6,86 triệu ha. Tỷ lệ 71,4%. Có 128.000 người. Cầu dài 30 m. Tháp cao."
    assert split_sentences(text) == [
        "Diện tích 6,86 triệu ha.",
        "Tỷ lệ 71,4%.",
        "Có 128.000 người.",
        "Cầu dài 30 m.",
        "Tháp cao.",
    ]


# --- the pipeline pairs numbers by value -------------------------------------------------------

LAKE = """还剑湖

还剑湖位于河内市中心，面积约12公顷。每年约有200万游客来到这里。越南人口中71.4%住在农村。

Hồ Hoàn Kiếm

Hồ Hoàn Kiếm nằm ở trung tâm Hà Nội, có diện tích khoảng 12 ha. \
Mỗi năm có khoảng 2 triệu du khách đến đây. \
Trong dân số Việt Nam, 71,4% sống ở nông thôn.
"""


def test_200_wan_and_2_trieu_pair_as_one_number_term_without_a_warning():
    a = analyse(LAKE)
    assert not [p for p in a.problems if p.code in ("unpaired_number", "unpaired_term")]
    term = a.term("quantity:2000000")
    assert (term.zh, term.vi, term.value, term.approx) == ("200万", "2 triệu", 2_000_000, True)
    mentions = {(m.lang, m.text) for m in a.mentions if m.term == term.key}
    assert mentions == {("zh", "200万"), ("vi", "2 triệu")}
    area = a.term("number:12:ha")
    assert (area.unit, area.value) == ("ha", 12)
    share = a.term("percent:71.4")
    assert (share.zh, share.vi, share.amount) == ("71.4%", "71,4%", pytest.approx(71.4))


def test_a_number_without_an_equal_is_reported_with_its_text_and_value():
    text = LAKE.replace("2 triệu du khách", "3 triệu du khách")
    problems = [p for p in analyse(text).problems if p.code == "unpaired_number"]
    assert {(p.params["lang"], p.params["number"]) for p in problems} == {
        ("zh", "200万"),
        ("vi", "3 triệu"),
    }
    assert {p.params["value"] for p in problems} == {2_000_000, 3_000_000}


def test_alignment_shares_numbers_by_value_not_digits():
    zh = zh_features("人口686万，面积6300公里，2024年4月16日。")
    vi = vi_features("Dân số 6,86 triệu, diện tích 6.300 km, ngày 16/4/2024.")
    assert zh.numbers == vi.numbers and sum(zh.numbers.values()) == 3


def test_date_ranges_give_both_days_with_the_month_written_once():
    zh = [(q.text, q.date) for q in zh_quantities("于5月12日至23日在河内举行")]
    vi = [(q.text, q.date) for q in vi_quantities("diễn ra từ ngày 12 đến 23/5 tại Hà Nội")]
    assert zh == [("5月12日", (None, 5, 12)), ("23日", (None, 5, 23))]
    assert vi == [("12", (None, 5, 12)), ("23/5", (None, 5, 23))]


def test_a_day_and_month_after_a_time_of_day_word_is_a_date_but_a_bare_fraction_is_not():
    assert one(vi_quantities("Sáng 8/8, đoạn trên cao")).date == (None, 8, 8)
    assert vi_quantities("1/3 dân số") == []


def test_ordinals_in_words_read_the_whole_number():
    assert one(vi_quantities("con trai thứ mười tám của vua")).value == 18
    assert one(zh_quantities("第十八个儿子")).value == 18


def test_a_number_glued_to_latin_letters_is_part_of_a_name():
    assert zh_quantities("U23越南队") == []
    assert vi_quantities("U23 Việt Nam") == []


def test_a_numbering_in_digits_may_lose_its_ordinal_word_in_translation():
    assert same_quantity(one(zh_quantities("第31届")), one(vi_quantities("SEA Games 31")))
    assert not same_quantity(one(zh_quantities("第三")), one(vi_quantities("3 tỉnh")))
    # "22 năm 2003": the năm starts the year that follows, it counts nothing
    assert vi_quantities("SEA Games 22 năm 2003")[0].unit is None


def test_pairing_prefers_digits_and_falls_back_to_numerals_without_a_measure_word():
    text = """茶

一个方粽通常重约1公斤。黄农茶被评为四星级产品。

Chè

Một chiếc bánh chưng thường nặng khoảng 1 kg. Chè Hoàng Nông được công nhận sản phẩm 4 sao.
"""
    a = analyse(text)
    assert not [p for p in a.problems if p.code == "unpaired_number"]
    assert a.term("number:1:kg").unit == "kg"
    assert {(m.lang, m.text) for m in a.mentions if m.term == "number:4"} == {
        ("zh", "四"),
        ("vi", "4"),
    }


ARTICLE = """中国地理

中国人口约14.1亿。上海常住人口约2487万。全国有9899万农村人口。国土面积约960万平方公里。

城镇化率达到71.4%。长江全长6300公里。经济保持两位数增长。近十年来变化很大。

2024年3月15日，会议在北京召开。4月16日，代表团抵达河内。上海是中国第三大城市。1996年，工程开工。

Địa lý Trung Quốc

Dân số Trung Quốc khoảng 1,41 tỷ người. Dân số thường trú của Thượng Hải khoảng 24,87 triệu. \
Cả nước có 98,99 triệu dân nông thôn. Diện tích lãnh thổ khoảng 9,6 triệu km².

Tỷ lệ đô thị hóa đạt 71,4%. Sông Trường Giang dài 6.300 km. Kinh tế tăng trưởng hai con số. \
Gần 10 năm qua có nhiều thay đổi.

Ngày 15 tháng 3 năm 2024, hội nghị được tổ chức tại Bắc Kinh. Ngày 16/4, đoàn đại biểu \
đến Hà Nội. Thượng Hải là thành phố lớn thứ ba của Trung Quốc. Năm 1996, công trình khởi công.
"""


@pytest.mark.parametrize(
    ("key", "zh", "vi"),
    [
        ("quantity:1410000000", "14.1亿", "1,41 tỷ"),
        ("quantity:24870000", "2487万", "24,87 triệu"),
        ("quantity:98990000", "9899万", "98,99 triệu"),
        ("quantity:9600000:km2", "960万", "9,6 triệu"),
        ("percent:71.4", "71.4%", "71,4%"),
        ("number:6300:km", "6300", "6.300"),
        ("number:2", "两", "hai"),
        ("number:10", "十", "10"),
        ("date:2024-3-15", "2024年3月15日", "15 tháng 3 năm 2024"),
        ("date:4-16", "4月16日", "16/4"),
        ("ordinal:3", "第三", "thứ ba"),
        ("year:1996", "1996", "1996"),
    ],
)
def test_an_article_pairs_every_number_as_one_term_in_both_languages(key, zh, vi):
    a = analyse(ARTICLE)
    assert not [p for p in a.problems if p.code == "unpaired_number"]
    mentions = {(m.lang, m.text) for m in a.mentions if m.term == key}
    assert mentions == {("zh", zh), ("vi", vi)}


def test_a_chinese_clause_comma_between_digits_separates_two_numbers():
    assert [q.value for q in zh_quantities("3，5个")] == [3, 5]
    assert [q.value for q in zh_quantities("共１，２００人")] == [1200]
