"""content.lang.lists and the adapters' list splitters (zh.items, vi.items)."""

from content.lang import lists
from content.lang.adapters import vi as vi_adapter
from content.lang.adapters import zh as zh_adapter


def test_list_items_never_split_inside_a_number():
    items = vi_adapter.items(
        "Hà Giang, Lào Cai với diện tích khoảng 6,86 triệu km², và Yên Bái 71,4%"
    )
    assert not any(item.endswith("khoảng 6") or item.startswith("86") for item in items)
    assert any(item.endswith("6,86 triệu km²") for item in items)
    # Also where a text glues items with a bare comma: the comma between digits is a decimal.
    assert lists.top_level_split("Lào Cai khoảng 6,86 triệu,Yên Bái 71,4%", (",",)) == [
        "Lào Cai khoảng 6,86 triệu",
        "Yên Bái 71,4%",
    ]
    assert zh_adapter.items("河北、山西1,200人、内蒙古") == ["河北", "山西1,200人", "内蒙古"]


def test_a_vietnamese_list_ends_at_the_va_that_repeats_the_first_word():
    items = vi_adapter.items("mô hình A, mô hình B và mô hình C")
    assert items == ["mô hình A", "mô hình B", "mô hình C"]


def test_a_vietnamese_list_joins_commas_inside_its_announced_items():
    assert vi_adapter.items("tỉnh Hà Giang, Lào Cai, tỉnh Yên Bái", target=2) == [
        "tỉnh Hà Giang, Lào Cai",
        "tỉnh Yên Bái",
    ]


def test_a_chinese_list_splits_its_last_pair_at_he():
    assert zh_adapter.items("河北、山西和内蒙古。") == ["河北", "山西", "内蒙古"]


def test_separators_inside_brackets_and_quotes_do_not_split():
    assert lists.top_level_split("甲（乙、丙）、丁", ("、",)) == ["甲（乙、丙）", "丁"]
    assert lists.strip_punctuation(" ，河北。 ") == "河北"
