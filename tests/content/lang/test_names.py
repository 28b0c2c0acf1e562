"""Names across the languages: the shipped gazetteer, names paired where the Vietnamese is no
Hán-Việt reading, and names never found inside a longer word."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from content.lang import VI, ZH, analyse, chinese, gazetteer, vinlp
from content.lang.terms import _Terms, _whole_vi_names, name_fits, whole_word

DOCUMENTS = Path(__file__).resolve().parents[3] / "content" / "documents"

# -- the gazetteer ---------------------------------------------------------------------------


def test_the_gazetteer_names_its_source_and_loads_every_row():
    head = gazetteer.PATH.read_text(encoding="utf-8").splitlines()[:12]
    assert any("Compiled by hand" in line for line in head)
    places = gazetteer.load()
    assert all(p.cls in gazetteer.CLASSES for p in places)
    assert all(p.zh and p.vi for p in places)
    assert gazetteer.load() is places  # cached


def test_the_gazetteer_covers_provinces_of_both_countries_and_the_2025_merger():
    places = gazetteer.load()
    cn = [p for p in places if p.cls == "province" and p.country == "CN"]
    vn = [p for p in places if p.cls == "province" and p.country == "VN"]
    assert len(cn) == 34
    eras = Counter(p.era for p in vn)
    assert eras["both"] + eras["-2025"] == 63
    assert eras["both"] + eras["2025-"] == 34
    counts = Counter(p.cls for p in places)
    assert counts["country"] >= 100
    assert counts["city"] >= 100
    assert counts["river"] >= 20


@pytest.mark.parametrize(
    ("zh", "vi"),
    [
        ("老街", "Lào Cai"),
        ("海防", "Hải Phòng"),
        ("尼罗河", "sông Nin"),
        ("亚马孙河", "sông A-ma-dôn"),
        ("长江", "sông Trường Giang"),
        ("黄河", "sông Hoàng Hà"),
        ("湄公河", "sông Mê Kông"),
        ("红河", "sông Hồng"),
        ("青藏高原", "cao nguyên Thanh Tạng"),
        ("美国", "Mỹ"),
        ("老挝", "Lào"),
        ("柬埔寨", "Campuchia"),
    ],
)
def test_lookups_by_either_language(zh, vi):
    assert vi in gazetteer.by_zh(zh)[0].vi_forms
    assert zh in [p.zh for p in gazetteer.by_vi(vi)]


def test_vietnamese_lookup_ignores_case_then_diacritics_then_the_generic_word():
    assert [p.zh for p in gazetteer.by_vi("lào cai")] == ["老街"]
    assert [p.zh for p in gazetteer.by_vi("LAO CAI")] == ["老街"]
    assert [p.zh for p in gazetteer.by_vi("Nin")] == ["尼罗河"]
    assert [p.zh for p in gazetteer.by_vi("Dương Tử")] == ["长江"]
    assert gazetteer.by_vi("Hoa Kỳ")[0].zh == "美国"
    assert gazetteer.by_vi("") == [] and gazetteer.by_vi("Xyzzy") == []
    assert gazetteer.by_zh("海防市")[0].vi == "Hải Phòng"
    assert gazetteer.lookup("老挝")[0].vi == "Lào"
    assert gazetteer.lookup("Lào")[0].zh == "老挝"


def test_same_class_gives_places_of_the_keys_class_and_country():
    provinces = gazetteer.same_class("Lào Cai", "vi", 6)
    assert len(provinces) == 6
    assert all(p.cls == "province" and p.country == "VN" for p in provinces)
    assert all(p.era == "both" for p in provinces)  # Lào Cai exists before and after 2025
    assert "Lào Cai" not in [p.vi for p in provinces]
    old = gazetteer.same_class("Yên Bái", "vi", 60)
    assert {p.era for p in old} <= {"both", "-2025"}
    rivers = gazetteer.same_class("尼罗河", "zh", 3)
    assert rivers == [] or all(p.cls == "river" for p in rivers)
    countries = gazetteer.same_class("美国", "zh", 5, exclude=["Trung Quốc"])
    assert len(countries) == 5 and all(p.cls == "country" for p in countries)
    assert "中国" not in [p.zh for p in countries]
    cities = gazetteer.same_class("赤峰", "zh", 3)
    assert all(p.cls == "city" and p.parent == "内蒙古" for p in cities)
    provinces_cn = gazetteer.same_class("山东", "zh", 40)
    assert not {"台湾", "香港", "澳门"} & {p.zh for p in provinces_cn}
    assert gazetteer.same_class("无此地", "zh", 3) == []


def test_same_class_never_offers_a_name_inside_the_key():
    # Hà Nam must not be offered for Hà Nam Ninh-like keys, nor Nam for Hà Nam.
    for p in gazetteer.same_class("Hà Nam", "vi", 80):
        assert "ha nam" not in gazetteer.fold(p.vi) and gazetteer.fold(p.vi) not in "ha nam"


def test_same_class_shuffles_with_a_seed_and_is_stable():
    a = gazetteer.same_class("美国", "zh", 8, seed=1)
    b = gazetteer.same_class("美国", "zh", 8, seed=1)
    c = gazetteer.same_class("美国", "zh", 8, seed=2)
    assert a == b and a != c
    assert gazetteer.normal_class("prefecture") == "city"
    assert gazetteer.normal_class("river") == "river"


# -- names in aligned sentence pairs ----------------------------------------------------------

DOC = """河流与城市

从云南昆明到越南老街的铁路长约300公里。

红河发源于云南，流经老街和河内，在海防附近入海。

尼罗河是世界上最长的河流，亚马孙河是流量最大的河流。

青藏高原是世界上海拔最高的高原，上海是中国最大的城市。

我们在会上认识了栖旭先生。

代表团访问了老挝和柬埔寨，然后去了美国。

他们读了《红楼梦》和《西游记》。

Sông và thành phố

Tuyến đường sắt từ Côn Minh, Vân Nam đến Lào Cai, Việt Nam dài khoảng 300 km.

Sông Hồng bắt nguồn từ Vân Nam, chảy qua Lào Cai và Hà Nội, đổ ra biển gần Hải Phòng.

Sông Nin là con sông dài nhất thế giới, sông A-ma-dôn là con sông có lưu lượng lớn nhất.

Cao nguyên Thanh Tạng là cao nguyên cao nhất thế giới, Thượng Hải là thành phố lớn nhất \
Trung Quốc.

Tại hội nghị, chúng tôi đã làm quen với ông Thê Húc.

Đoàn đại biểu đã thăm Lào và Campuchia, sau đó đến Mỹ.

Họ đã đọc “Hồng lâu mộng” và “Tây du ký”.
"""


@pytest.fixture(scope="module")
def a():
    return analyse(DOC)


def term(a, zh):
    return next(t for t in a.terms if t.zh == zh)


@pytest.mark.parametrize(
    ("zh", "vi", "level", "vi_alias"),
    [
        ("老街", "Lào Cai", "province", None),  # no Hán-Việt reading: the gazetteer pairs it
        ("海防", "Hải Phòng", "province", None),  # jieba says common noun
        ("河内", "Hà Nội", "province", None),
        ("尼罗河", "Nin", "river", "Sông Nin"),
        ("亚马孙河", "A-ma-dôn", "river", "sông A-ma-dôn"),
        ("红河", "Hồng", "river", "Sông Hồng"),
        ("青藏高原", "Thanh Tạng", "plateau", "Cao nguyên Thanh Tạng"),
        ("老挝", "Lào", "country", None),
        ("柬埔寨", "Campuchia", "country", None),
        ("美国", "Mỹ", "country", None),
        ("昆明", "Côn Minh", "prefecture", None),
    ],
)
def test_names_that_are_no_han_viet_reading_pair_with_their_class(a, zh, vi, level, vi_alias):
    t = term(a, zh)
    assert (t.vi, t.kind, t.level) == (vi, "place", level)
    if vi_alias:
        assert vi_alias in t.aliases["vi"]
    langs = {m.lang for m in a.mentions if m.term == t.key}
    assert langs == {ZH, VI}


def test_a_name_is_never_found_inside_a_longer_word(a):
    shanghai = term(a, "上海")
    assert shanghai.vi == "Thượng Hải"
    sentence = next(s for s in a.sentences if "世界上海拔" in (s.zh or ""))
    spans = [(m.start, m.text) for m in a.mentions if m.term == shanghai.key and m.lang == ZH]
    assert spans == [(sentence.zh.index("，上海") + 1, "上海")]
    assert not [n for n in _Terms(a).zh_names("世界上海拔最高") if n.stem == "上海"]
    assert whole_word("上海市和宁夏回族自治区", 0, 2)  # a suffix may stay in jieba's word
    assert not whole_word("世界上海拔", 2, 4)


def test_a_vietnamese_name_is_not_found_inside_a_longer_one():
    text = "Hà Nội và Hà, rồi Hà Nam."
    found = [(0, 2, "a"), (10, 12, "a"), (21, 24, "b")]
    assert _whole_vi_names(text, found) == [(10, 12, "a")]  # Hà in Hà Nội, Nam in Hà Nam
    text = "khu tự trị dân tộc Hồi Ninh Hạ và Phúc Kiến Ninh Hạ"
    found = [(23, 30, "nx"), (34, 43, "fj"), (44, 51, "nx")]
    assert _whole_vi_names(text, found) == found  # an ethnic name before, a name after


def test_the_other_language_overrules_the_tagger(a):
    # jieba tags 了栖旭 as a person; the Vietnamese says Thê Húc, read from 栖旭 alone.
    assert ("了栖旭", "nr") in [w[:2] for w in chinese.tag("我们在会上认识了栖旭先生。")]
    t = term(a, "栖旭")
    assert (t.vi, t.kind) == ("Thê Húc", "person")
    assert not [t for t in a.terms if t.zh == "了栖旭"]
    # With no name on the Vietnamese side, jieba's "person" is no term at all.
    alone = analyse(
        "标题\n\n我们在会上认识了栖旭先生。\n\nTiêu đề\n\nTại hội nghị chúng tôi đã quen nhau.\n"
    )
    assert not [t for t in alone.terms if t.kind == "person"]


def test_a_lone_name_on_each_side_pairs_by_position():
    doc = (
        "标题\n\n他们去了琅勃拉邦省，路程300公里。\n\n"
        "Tiêu đề\n\nHọ đã đến tỉnh Luông Pha Băng, quãng đường 300 km.\n"
    )
    t = next(t for t in analyse(doc).terms if t.zh == "琅勃拉邦")
    assert (t.vi, t.kind) == ("Luông Pha Băng", "place")  # the place word decides the kind


def test_names_in_a_different_place_among_the_anchors_do_not_pair():
    doc = (
        "标题\n\n琅勃拉邦距离老街300公里。\n\n"
        "Tiêu đề\n\nTừ Lào Cai đi 300 km thì đến Luông Pha Băng.\n"
    )
    a = analyse(doc)
    assert term(a, "老街").vi == "Lào Cai"
    assert not [t for t in a.terms if t.zh == "琅勃拉邦" and t.vi]


def test_works_and_quoted_terms_stay_what_the_quotes_make_them(a):
    t = term(a, "红楼梦")
    assert (t.kind, t.key, t.vi) == ("work", "term:红楼梦", "Hồng lâu mộng")


def test_underthesea_is_asked_once_per_sentence_and_rescues_a_lone_initial_name():
    vinlp.pos_tag.cache_clear()
    doc = "标题\n\n顺化是越南的古都。\n\nTiêu đề\n\nHuế là cố đô của Việt Nam.\n"
    a = analyse(doc)
    assert term(a, "顺化").vi == "Huế"
    assert vinlp.pos_tag.cache_info().currsize <= len(a.sentences) + 2


LAKE = """还剑湖

还剑湖位于河内市中心，是河内最著名的湖泊之一。

1865年，人们在湖上修建了栖旭桥，桥长约50米，通往玉山祠。

政府要求各部门保护湖泊。

Hồ Hoàn Kiếm

Hồ Hoàn Kiếm nằm ở trung tâm thành phố Hà Nội, là một trong những hồ nổi tiếng nhất của Hà Nội.

Năm 1865, người ta xây cầu Thê Húc trên hồ, cầu dài khoảng 50 mét, dẫn đến đền Ngọc Sơn.

Chính phủ yêu cầu Các Bộ bảo vệ các hồ.
"""


def test_a_place_word_in_vietnamese_overrules_jiebas_person():
    a = analyse(LAKE)
    bridge = term(a, "栖旭")  # jieba: 了栖旭/nr; the Vietnamese: cầu Thê Húc
    assert (bridge.vi, bridge.kind, bridge.level) == ("Thê Húc", "place", "landmark")
    assert "cầu Thê Húc" in bridge.aliases["vi"]
    assert (term(a, "玉山").vi, term(a, "玉山").level) == ("Ngọc Sơn", "landmark")
    lake = term(a, "还剑湖")
    assert (lake.vi, lake.level) == ("Hoàn Kiếm", "lake")
    # "yêu cầu" is a verb: what follows it is no bridge.
    assert not [t for t in a.terms if t.vi == "Các Bộ" and t.kind == "place"]


def test_in_a_chinese_only_text_one_tagger_or_the_gazetteer_alone_names_nothing():
    a = analyse("标题\n\n和平发展是我们的目标。我们认识了栖旭先生。尼罗河很长。\n")
    kinds = {t.zh: t.kind for t in a.terms}
    assert "和平" not in kinds  # in the gazetteer (Hòa Bình), but jieba sees no name
    assert "栖旭" not in kinds and "了栖旭" not in kinds  # jieba's person, nothing else
    assert kinds.get("尼罗河") == "place" and term(a, "尼罗河").level == "river"


def test_name_fits_tells_generation_where_a_name_may_be_blanked_or_swapped():
    assert not name_fits("世界上海拔最高", 2, 4, ZH)
    assert name_fits("上海是中国最大的城市", 0, 2, ZH)
    assert name_fits("“上海”", 1, 3, ZH)
    assert not name_fits("Hà Nội là thủ đô", 0, 2, VI)
    assert name_fits("Hà Nội là thủ đô", 0, 6, VI)
    assert name_fits("đến Lào Cai.", 4, 11, VI)


def test_a_name_inside_a_works_title_stays_part_of_the_title():
    a = analyse(
        "标题\n\n他们唱了《长江之歌》，然后去了长江边。\n\n"
        "Tiêu đề\n\nHọ đã hát “Bài ca Trường Giang”, rồi đi ra bờ sông Trường Giang.\n"
    )
    work, river = term(a, "长江之歌"), term(a, "长江")
    assert (work.kind, work.vi) == ("work", "Bài ca Trường Giang")
    assert (river.kind, river.level, river.vi) == ("place", "river", "Trường Giang")
    said = sorted((m.lang, m.text) for m in a.mentions if m.term == river.key)
    assert said == [(VI, "Trường Giang"), (ZH, "长江")]  # once each, outside the title


def test_names_pair_by_their_place_between_shared_anchors():
    # Two names no table knows, one before 老街 / Lào Cai and 300, one between 300 and 200.
    a = analyse(
        "标题\n\n从琅勃拉邦到老街有300公里，再到巴色还有200公里。\n\n"
        "Tiêu đề\n\nTừ Luông Pha Băng đến Lào Cai là 300 km, đến Pắc Xế còn 200 km nữa.\n"
    )
    assert term(a, "琅勃拉邦").vi == "Luông Pha Băng"  # "Từ" only starts the sentence
    assert term(a, "巴色").vi == "Pắc Xế"
    assert term(a, "老街").vi == "Lào Cai"


def test_gazetteer_names_pair_even_when_the_vietnamese_is_not_one_capitalised_run():
    a = analyse(
        "标题\n\n双方同意加强在东盟框架内的合作，并支持联合国的作用。\n\n"
        "世界银行预测，越南经济今年将增长6%。\n\n"
        "Tiêu đề\n\nHai bên nhất trí tăng cường hợp tác trong khuôn khổ ASEAN và ủng hộ vai trò "
        "của Liên hợp quốc.\n\n"
        "Ngân hàng Thế giới dự báo kinh tế Việt Nam năm nay sẽ tăng trưởng 6%.\n"
    )
    pairs = {t.zh: (t.vi, t.kind) for t in a.terms if t.zh}
    assert pairs["联合国"] == ("Liên hợp quốc", "organisation")  # not ASEAN by elimination
    assert pairs["东盟"] == ("ASEAN", "organisation")
    assert pairs["世界银行"] == ("Ngân hàng Thế giới", "organisation")
    assert term(a, "越南").level == "country"


def test_a_name_paired_by_position_takes_its_kind_from_agreeing_sources():
    a = analyse(
        "标题\n\n双方支持世界粮食计划署的作用。\n\nTiêu đề\n\nHai bên ủng hộ vai trò của WFP.\n"
    )
    t = term(a, "世界粮食计划署")  # jieba: nt; an acronym in Vietnamese
    assert (t.vi, t.kind) == ("WFP", "organisation")


def test_without_underthesea_the_rules_still_pair_names(monkeypatch):
    monkeypatch.setattr(vinlp, "_underthesea", lambda: None)
    vinlp.pos_tag.cache_clear()
    vinlp.entities.cache_clear()
    try:
        b = analyse(DOC)
    finally:
        vinlp.pos_tag.cache_clear()
        vinlp.entities.cache_clear()
    assert term(b, "老街").vi == "Lào Cai" and term(b, "尼罗河").vi == "Nin"
    assert not vinlp.available() and vinlp.pos_tag("Hà Nội") == ()


def test_a_capitalised_common_noun_in_a_list_is_no_name():
    a = analyse(
        "标题\n\n记者采访了河内大学校长陈氏兰。\n\n"
        "Tiêu đề\n\nPhóng viên đã phỏng vấn bà Trần Thị Lan, Hiệu trưởng Trường Đại học Hà Nội.\n"
    )
    assert term(a, "陈氏兰").vi == "Trần Thị Lan"
    assert not [t for t in a.terms if t.vi == "Hiệu"]


def test_of_class_lists_places_of_a_class_for_keys_the_gazetteer_lacks():
    cities = gazetteer.of_class("prefecture", ["CN"], 5, exclude=["Côn Minh"], seed=7)
    assert len(cities) == 5 and all(p.cls == "city" and p.country == "CN" for p in cities)
    assert "昆明" not in [p.zh for p in cities]
    vn = gazetteer.of_class("province", ["VN"])
    assert len(vn) == 34  # the provinces of today
    assert len(gazetteer.of_class("country")) >= 100


def test_same_class_takes_the_class_asked_for_when_a_name_has_several():
    assert {p.cls for p in gazetteer.same_class("黄山", "zh", 4, cls="mountain")} == {"mountain"}
    assert {p.cls for p in gazetteer.same_class("黄山", "zh", 4, cls="prefecture")} == {"city"}
    henan_vn = gazetteer.same_class("Hà Nam", "vi", 5, seed=1)
    assert {p.country for p in henan_vn} == {"CN"}  # the first Hà Nam in the file is Chinese


SHIPPED_TERMS = Path(__file__).with_name("shipped_terms.json")


@pytest.mark.parametrize("name", sorted(json.loads(SHIPPED_TERMS.read_text(encoding="utf-8"))))
def test_the_shipped_articles_keep_their_terms(name):
    """The name terms (key, kind, zh, vi, level) of the shipped articles, as they were before
    the gazetteer and the name rules arrived: the new rules change nothing there. (Numbers
    and years are another module's.)"""
    pinned = json.loads(SHIPPED_TERMS.read_text(encoding="utf-8"))[name]
    a = analyse((DOCUMENTS / name).read_text(encoding="utf-8"))
    names = [t for t in a.terms if t.kind not in ("number", "year")]
    assert sorted(f"{t.key}|{t.kind}|{t.zh}|{t.vi}|{t.level}" for t in names) == pinned


def test_the_vietnamese_overrules_jiebas_words_where_they_cut_a_name():
    # jieba reads 沿红河北上 as 沿/红/河北/上 (河北, a province); the Vietnamese says sông Hồng.
    a = analyse(
        "标题\n\n越南境内段长389公里，从海防港经河内，沿红河北上至老街。\n\n"
        "Tiêu đề\n\nĐoạn trên lãnh thổ Việt Nam dài 389 km, đi từ cảng Hải Phòng qua Hà Nội, "
        "men theo sông Hồng lên Lào Cai.\n"
    )
    assert term(a, "红河").vi == "Hồng" and term(a, "海防").vi == "Hải Phòng"
    assert not [t for t in a.terms if t.zh == "河北"]
    zh = sorted(m.text for m in a.mentions if m.lang == ZH and m.term.startswith("place:"))
    # 海防港 ↔ cảng Hải Phòng: the port, a landmark whose name holds the city's
    assert zh == ["河内", "海防港", "红河", "老街", "越南"]


def test_a_name_is_not_found_inside_a_longer_name_and_suffixed_translits_pair():
    a = analyse(
        "标题\n\n它有两条主要支流：发源于维多利亚湖一带的白尼罗河和发源于埃塞俄比亚塔纳湖的青尼罗河。\n\n"
        "Tiêu đề\n\nSông có hai nhánh chính: sông Nin Trắng bắt nguồn từ vùng hồ Victoria và "
        "sông Nin Xanh bắt nguồn từ hồ Tana ở Ê-ti-ô-pi-a.\n"
    )
    assert not [m for m in a.mentions if m.lang == ZH and m.text == "尼罗河"]  # 白尼罗河
    assert term(a, "维多利亚湖").vi == "Victoria"  # 维多利亚 | 湖 ↔ hồ | Victoria
    assert term(a, "塔纳湖").vi == "Tana"
    assert term(a, "埃塞俄比亚").vi == "Ê-ti-ô-pi-a"


def test_works_pair_by_reading_when_the_vietnamese_lists_them_in_another_order():
    a = analyse(
        "标题\n\n这个故事见于《岭南摭怪》中的《方粽圆糕》。\n\n"
        "Tiêu đề\n\nCâu chuyện này có trong “Bánh chưng bánh giầy” của “Lĩnh Nam chích quái”.\n"
    )
    assert term(a, "岭南摭怪").vi == "Lĩnh Nam chích quái"
    assert term(a, "方粽圆糕").vi == "Bánh chưng bánh giầy"


def test_position_says_nothing_where_the_languages_order_the_anchors_differently():
    # 白尼罗河 ↔ Nin Trắng, but the relative clause turns the order round: no guessing.
    a = analyse(
        "标题\n\n它有两条主要支流：发源于维多利亚湖一带的白尼罗河和发源于埃塞俄比亚塔纳湖的青尼罗河。\n\n"
        "Tiêu đề\n\nSông có hai nhánh chính: sông Nin Trắng bắt nguồn từ vùng hồ Victoria và "
        "sông Nin Xanh bắt nguồn từ hồ Tana ở Ê-ti-ô-pi-a.\n"
    )
    assert not [t for t in a.terms if t.zh in ("白尼罗河", "青尼罗河") and t.vi == "Nin Xanh"]


def test_a_persons_han_name_pairs_by_position_only_with_its_reading():
    # Bylines are layout now (never content), so the names stand in ordinary sentences.
    wrong = analyse("标题\n\n张雪在会上发言。\n\nTiêu đề\n\nVũ Lan phát biểu tại hội nghị.\n")
    assert not [t for t in wrong.terms if t.zh == "张雪" and t.vi]
    acronym = analyse("标题\n\n黄英在会上发言。\n\nTiêu đề\n\nVOV phát biểu tại hội nghị.\n")
    assert not [t for t in acronym.terms if t.zh == "黄英" and t.vi]


def test_landmarks_named_by_meaning_pair_by_their_generic_word_and_order():
    # Names translated by meaning (no reading in common): a station, a cave, a university,
    # each introduced by its generic word; the k-th of a kind pairs with the k-th.
    a = analyse(
        "标题\n\n游客从蓝星站出发，先参观惊喜洞和青蛙洞，再去春风大学。\n\n"
        "Tiêu đề\n\nDu khách xuất phát từ ga Sao Xanh, thăm hang Ngạc Nhiên và động Con Ếch, "
        "rồi đến Đại học Gió Xuân.\n"
    )
    pairs = {t.zh: t.vi for t in a.terms if t.zh and t.vi}
    assert pairs.get("蓝星站") == "Sao Xanh"
    assert pairs.get("惊喜洞") == "Ngạc Nhiên"
    assert pairs.get("青蛙洞") == "Con Ếch"
    assert pairs.get("春风大学") in ("Gió Xuân", "Đại học Gió Xuân")


def test_a_common_word_with_a_landmark_suffix_is_no_name_and_counts_must_agree():
    # 车站 is a word of the dictionary; two caves in Chinese, one in Vietnamese: no guessing.
    a = analyse(
        "标题\n\n车站旁边有惊喜洞和青蛙洞。\n\nTiêu đề\n\nCạnh nhà ga có hang Ngạc Nhiên.\n"
    )
    assert not [t for t in a.terms if t.zh in ("车站", "惊喜洞", "青蛙洞") and t.vi]


def test_a_score_and_a_range_are_one_anchor_in_both_languages():
    a = analyse(
        "标题\n\n主队以3比1获胜，比赛持续了2到3个小时。\n\n"
        "Tiêu đề\n\nĐội chủ nhà thắng với tỷ số 3-1, trận đấu kéo dài từ 2 đến 3 giờ.\n"
    )
    pairs = {t.kind: (t.zh, t.vi) for t in a.terms if t.kind in ("score", "range")}
    assert pairs["score"] == ("3比1", "3-1")
    assert pairs["range"] == ("2到3", "2 đến 3 giờ")
    # Dates and years joined by 至 / đến are no ranges of this kind.
    years = analyse(
        "标题\n\n铁路于1904年至1910年修建。\n\n"
        "Tiêu đề\n\nĐường sắt được xây dựng từ 1904 đến 1910.\n"
    )
    assert not [t for t in years.terms if t.kind == "range"]


def test_a_place_inside_a_landmarks_name_gives_the_landmark_whole():
    # 河内 ↔ Hà Nội by the gazetteer; 大学 after it and "Đại học" before it: the sentence names
    # the university, and a blank takes it whole in both languages.
    a = analyse(
        "标题\n\n河内大学的学者指出，湖水变浅了。\n\n"
        "Tiêu đề\n\nCác học giả của Đại học Hà Nội cho biết nước hồ đã cạn hơn.\n"
    )
    term = next(t for t in a.terms if t.zh == "河内")
    assert "河内大学" in term.aliases.get("zh", [])
    assert "Đại học Hà Nội" in term.aliases.get("vi", [])


def test_an_institutions_vietnamese_name_runs_to_the_end_of_its_clause():
    # Lower-case words inside the name (Lâm nghiệp) do not end it; the comma does.
    a = analyse(
        "标题\n\n据越南森林总局统计，今年种了300万棵树。\n\n"
        "Tiêu đề\n\nTheo Tổng cục Lâm nghiệp Việt Nam, năm nay đã trồng 3 triệu cây.\n"
    )
    org = next(t for t in a.terms if t.kind == "organisation")
    assert (org.zh, org.vi) == ("越南森林总局", "Tổng cục Lâm nghiệp Việt Nam")


def test_a_peninsula_keeps_its_generic_word_in_vietnamese():
    a = analyse(
        "标题\n\n这个国家位于中南半岛东部。\n\n"
        "Tiêu đề\n\nĐất nước này nằm ở phía đông bán đảo Đông Dương.\n"
    )
    term = next(t for t in a.terms if t.zh == "中南半岛")
    assert "bán đảo Đông Dương" in term.aliases.get("vi", [])


def test_a_common_noun_pairs_where_vietnamese_says_its_syllables_head_first():
    # 菊花 (cúc hoa) ↔ hoa cúc: Vietnamese puts the head "hoa" first.
    a = analyse("标题\n\n秋天，家家户户摆放菊花。\n\nTiêu đề\n\nMùa thu, nhà nhà bày hoa cúc.\n")
    assert ("菊花", "hoa cúc") in {(t.zh, t.vi) for t in a.terms}
    # Syllables inside a longer Vietnamese word are no pair (giá hiện| hành).
    b = analyse("标题\n\n按现价计算，增长了5%。\n\nTiêu đề\n\nTheo giá hiện hành, tăng 5%.\n")
    assert not [t for t in b.terms if t.zh == "现价" and t.vi]


# -- kinds of names the held-out articles showed (issue 13) ----------------------------------


def test_a_capitalised_generic_word_inside_a_sentence_belongs_to_the_name():
    # 死海 ↔ Biển Chết by the gazetteer: "Chết" alone is the common word "dead"; the capital
    # on "Biển" mid-sentence says it is part of the name. A lower-case generic stays out.
    a = analyse(
        "标题\n\n每年有许多游客到死海游泳。\n\n"
        "Tiêu đề\n\nMỗi năm có nhiều du khách đến Biển Chết để bơi.\n"
    )
    assert {t.zh: t.vi for t in a.terms if t.zh and t.vi}.get("死海") == "Biển Chết"
    yellow = analyse(
        "标题\n\n每年有许多游客到黄海游泳。\n\n"
        "Tiêu đề\n\nMỗi năm có nhiều du khách đến biển Hoàng Hải để bơi.\n"
    )
    assert {t.zh: t.vi for t in yellow.terms if t.zh and t.vi}.get("黄海") == "Hoàng Hải"


def test_an_institute_and_an_award_pair_by_their_generic_word():
    # 研究所 ↔ Viện …, “…奖” ↔ Giải thưởng …: the Vietnamese name runs through the clause,
    # a place paired inside the Chinese name belongs to it, and a quoted name is the whole
    # quote however the segmenter cuts a transliteration.
    a = analyse(
        "标题\n\n顺化农业研究所的阮文山于2015年获得了“金风筝奖”。\n\n"
        "Tiêu đề\n\nÔng Nguyễn Văn Sơn của Viện Nông nghiệp Huế năm 2015 nhận Giải thưởng "
        "Cánh Diều Vàng.\n"
    )
    pairs = {t.zh: (t.kind, t.vi) for t in a.terms if t.zh and t.vi}
    assert pairs.get("顺化农业研究所") == ("organisation", "Viện Nông nghiệp Huế")
    assert pairs.get("金风筝奖") == ("work", "Giải thưởng Cánh Diều Vàng")


def test_the_items_of_a_list_of_stations_are_places():
    # Pan'an-like names that are no Hán-Việt reading, in a list the generic word "ga" opens.
    a = analyse(
        "标题\n\n列车经嘉兴、桐乡、海宁等站。\n\n"
        "Tiêu đề\n\nĐoàn tàu đi qua các ga Gia Hưng, Tongxiang, Hải Ninh.\n"
    )
    kinds = {t.zh: t.kind for t in a.terms if t.zh and t.vi}
    assert kinds.get("桐乡") == "place"


def test_a_duration_in_two_units_is_one_anchor():
    a = analyse(
        "标题\n\n开通后，两市之间最快2小时15分可达。\n\n"
        "Tiêu đề\n\nSau khi thông tuyến, đi giữa hai thành phố nhanh nhất chỉ mất 2 giờ 15 phút.\n"
    )
    pairs = {t.kind: (t.zh, t.vi) for t in a.terms if t.kind == "duration"}
    assert pairs["duration"] == ("2小时15分", "2 giờ 15 phút")


def test_a_sea_and_a_gorge_named_by_meaning_pair_by_their_generic_word():
    # Neither is in the gazetteer: 海 ↔ biển and 峡谷 ↔ hẻm núi, the k-th with the k-th.
    a = analyse(
        "标题\n\n游船从码头出发，驶入银鱼海，再穿过白云峡谷。\n\n"
        "Tiêu đề\n\nDu thuyền rời bến, tiến vào biển Cá Bạc rồi đi qua hẻm núi Mây Trắng.\n"
    )
    pairs = {t.zh: (t.kind, t.vi) for t in a.terms if t.zh and t.vi}
    assert pairs.get("银鱼海") == ("place", "Cá Bạc")
    assert pairs.get("白云峡谷") == ("place", "Mây Trắng")
