"""Facts come from statements, not phrasing: every aligned sentence naming something checkable
is a fact with its anchors (terms and their spans per language); glossary phrasing only gives a
more specific kind."""

from __future__ import annotations

from content.lang import analyse
from content.lang.adapters import adapter

LAKE = """还剑湖

还剑湖位于河内市中心，是河内最有名的湖泊之一。

玉山祠建于1865年。

Hồ Hoàn Kiếm

Hồ Hoàn Kiếm nằm ở trung tâm thành phố Hà Nội, là một trong những hồ nổi tiếng nhất của Hà Nội.

Đền Ngọc Sơn được xây dựng vào năm 1865.
"""


def test_a_sentence_that_names_a_year_and_a_place_is_a_statement_fact():
    analysis = analyse(LAKE)
    kinds = [f.kind for f in analysis.facts]
    assert kinds == ["statement", "statement"]
    year_fact = analysis.facts[1]
    anchor = next(a for a in year_fact.anchors if a.term == "year:1865")
    assert anchor.kind == "year" and anchor.shared
    (zh_start, zh_end), (vi_start, vi_end) = anchor.spans["zh"][0], anchor.spans["vi"][0]
    assert year_fact.zh[zh_start:zh_end] == "1865"
    assert year_fact.vi[vi_start:vi_end] == "1865"


def test_anchors_named_in_both_languages_come_first():
    analysis = analyse(LAKE)
    for fact in analysis.facts:
        shared = [a.shared for a in fact.anchors]
        assert shared == sorted(shared, reverse=True)


def test_glossary_facts_keep_their_kind_and_gain_anchors():
    text = (
        "标题\n\n山东省的14个地级市，即帮扶重庆市的城市，包括济南、青岛和烟台。\n\n"
        "Tiêu đề\n\n14 thành phố cấp địa khu của tỉnh Sơn Đông, tức là các thành phố hỗ trợ "
        "Trùng Khánh, bao gồm Tế Nam, Thanh Đảo và Yên Đài.\n"
    )
    analysis = analyse(text)
    assert "statement" not in {f.kind for f in analysis.facts}
    assert any(a.term == "number:14" for f in analysis.facts for a in f.anchors)


def test_a_sentence_with_nothing_checkable_states_no_fact():
    text = (
        "标题\n\n大家都很喜欢这里的风景。\n\nTiêu đề\n\nMọi người đều rất thích phong cảnh ở đây.\n"
    )
    assert analyse(text).facts == []


def test_the_adapters_share_one_interface():
    zh, vi = adapter("zh"), adapter("vi")
    for name in ("approximate", "named_as_capital", "is_honorific", "states_something"):
        assert callable(getattr(zh, name)) and callable(getattr(vi, name))
    assert zh.approximate("约1750米", 1, 5) and vi.approximate("khoảng 1.750 mét", 7, 12)
    assert not zh.approximate("建于1865年", 2, 6)
    assert zh.named_as_capital("首都北京", 2, 4) and vi.named_as_capital("thủ đô Hà Nội", 7, 13)
    assert zh.is_honorific("先生") and vi.is_honorific("Ông")
    assert vi.format_number(6300, "1.750") == "6.300" and vi.format_number(71.5, "71,4") == "71,5"
    assert zh.format_number(2500, "1750") == "2500"


def test_inspect_json_lists_each_facts_anchors():
    data = analyse(LAKE).to_json()
    anchors = data["facts"][1]["anchors"]
    year = next(x for x in anchors if x["term"] == "year:1865")
    assert year["kind"] == "year" and set(year["spans"]) == {"zh", "vi"}
    assert {"kind", "paragraph", "zh", "vi"} <= set(data["facts"][0])


def test_a_blank_never_cuts_a_word():
    zh, vi = adapter("zh"), adapter("vi")
    sentence = "滇越铁路由法国人于1904年修建。"
    start = sentence.index("法国")
    assert zh.whole_words(sentence, start, start + 2) == (start, start + 3)  # 法国人
    shandong = "山东省的14个地级市"
    assert zh.whole_words(shandong, 0, 2) == (0, 2)  # 山东|省: a name and its suffix
    county = "太原省大慈县黄农茶叶合作社"
    at = county.index("大慈")
    # a county no table knows, glued to its suffix by the segmenter: blanked whole
    assert zh.whole_words(county, at, at + 2) == (at, at + 3)
    area = "陆地面积约960万平方公里。"
    at = area.index("960")
    assert zh.whole_words(area, at, at + 4) == (at, at + 4)  # 960万 | 平方公里
    trip = "杭州至温州最快1小时25分可达。"
    at = trip.index("1小时")
    assert zh.whole_words(trip, at, at + 6) == (at, at + 6)  # 1小时25分 | 可达 (jieba: 分可达)
    bank = "do Cơ quan Phát triển Pháp, Ngân hàng Phát triển châu Á cho vay."
    at = bank.index("Ngân")
    assert vi.whole_words(bank, at, at + 4) is None  # Ngân| hàng
    assert vi.whole_words(bank, bank.index("Pháp,"), bank.index("Pháp,") + 4) is not None


def test_a_sentence_in_one_language_only_still_states_its_fact():
    text = (
        "标题\n\n玉山祠建于1865年。\n\n还剑湖周长约1750米。\n\n"
        "Tiêu đề\n\nĐền Ngọc Sơn được xây dựng vào năm 1865.\n"
    )
    analysis = analyse(text)
    lone = next(f for f in analysis.facts if f.zh and "1750" in f.zh)
    assert lone.kind == "statement" and lone.only_in == "zh" and lone.vi is None
    assert [a.term for a in lone.anchors] and all(set(a.spans) == {"zh"} for a in lone.anchors)


def test_mainly_opens_a_list_only_before_list_separators_and_ends_at_its_clause():
    zh, vi = adapter("zh"), adapter("vi")
    m = zh.ENUMERATION.search("出口产品主要是茶叶、咖啡和大米，其中茶叶最多。")
    assert m and zh.items(m.group("list")) == ["茶叶", "咖啡", "大米"]
    assert zh.ENUMERATION.search("主要原因是降雨减少。") is None
    assert zh.ENUMERATION.search("这主要是因为降雨减少和海平面上升。") is None
    m = zh.ENUMERATION.search("包括北京、上海，以及广州。")  # other openers keep their reach
    assert m and "广州" in m.group("list")
    m = vi.ENUMERATION.search("Hàng xuất khẩu chủ yếu là chè, cà phê và gạo. Chè nhiều nhất.")
    assert m and vi.items(m.group("list")) == ["chè", "cà phê", "gạo"]
    assert vi.ENUMERATION.search("Nguyên nhân chủ yếu là mưa giảm.") is None
