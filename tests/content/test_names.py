"""Names across the languages: the shipped gazetteer, names paired where the Vietnamese is no
Hán-Việt reading, and names never found inside a longer word."""

from __future__ import annotations

from collections import Counter

import pytest

from content.lang import gazetteer

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
