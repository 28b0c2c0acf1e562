"""Input handling: decoding uploaded bytes, bad documents, language order, one-language
documents and parts whose paragraph or sentence counts differ."""

import codecs
from datetime import date
from pathlib import Path

import pytest

from content.lang import VI, ZH, DocumentError, analyse, decode

DOCUMENTS = Path(__file__).resolve().parents[3] / "content" / "documents"
SHIPPED = (DOCUMENTS / "000_09eee8d4159d2fdc.txt").read_text(encoding="utf-8")

# Chinese first this time, with a Chinese date line and full-width parentheses.
ZH_FIRST = """一带一路

（国际合作）

2019年4月25日 | 测试

“一带一路”倡议于2013年提出。截至2019年,中国已与126个国家签署合作文件。

比如,浙江省义乌市开通了3条中欧班列线路。

Vành đai và Con đường

(Hợp tác quốc tế)

Sáng kiến “Vành đai và Con đường” được đưa ra vào năm 2013. Tính đến năm 2019, Trung Quốc \
đã ký văn kiện hợp tác với 126 quốc gia.

Ví dụ, thành phố Nghĩa Ô của tỉnh Chiết Giang đã mở 3 tuyến tàu Trung Quốc - châu Âu.
"""


def split_shipped():
    vi, zh = SHIPPED.split("东西部扶贫协作\n", 1)
    return vi, "东西部扶贫协作\n" + zh


# -- decode -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        SHIPPED.encode("utf-8"),
        codecs.BOM_UTF8 + SHIPPED.encode("utf-8"),
        SHIPPED.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_BE + SHIPPED.encode("utf-16-be"),
        SHIPPED.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_decode_unicode_forms(data):
    assert decode(data) == SHIPPED


def test_decode_gb18030():
    _vi, zh = split_shipped()
    assert decode(zh.encode("gb18030")) == zh


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (codecs.BOM_UTF8, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"abc\x00def", "binary"),
        (b"text " + bytes(range(1, 9)) * 20, "binary"),
        (b"abc \xff\xff def", "encoding"),
        (b"x" * (5 * 1024 * 1024 + 1), "too_large"),
    ],
)
def test_decode_rejects(data, code):
    with pytest.raises(DocumentError) as info:
        decode(data)
    assert info.value.code == code
    assert str(info.value)


# -- bad documents ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   \n\n  ", "empty"),
        ("。。。 ---", "empty"),
        ("Hello world.\n\nThis is an English text only.", "no_language"),
        ("12-01-2021 | China.org.cn", "no_language"),
        ("东西部扶贫协作", "empty"),  # a title and nothing else
    ],
)
def test_analyse_rejects(text, code):
    with pytest.raises(DocumentError) as info:
        analyse(text)
    assert info.value.code == code


# -- order and one language ---------------------------------------------------------------


def test_chinese_first():
    a = analyse(ZH_FIRST)
    assert a.languages == (ZH, VI)
    assert a.title.zh == "一带一路" and a.title.vi == "Vành đai và Con đường"
    assert a.series.zh == "国际合作" and a.series.vi == "Hợp tác quốc tế"
    assert a.published == date(2019, 4, 25)
    assert a.source == "测试"
    assert len(a.paragraphs) == 2
    assert a.problems == []
    assert [s.zh[:2] for s in a.sentences] == ["“一", "截至", "比如"]
    pairs = {(t.zh, t.vi) for t in a.terms}
    assert {
        ("浙江", "Chiết Giang"),
        ("义乌", "Nghĩa Ô"),
        ("一带一路", "Vành đai và Con đường"),
    } <= pairs
    assert {t.value for t in a.terms if t.value} >= {2013, 2019, 126, 3}
    example = next(f for f in a.facts if f.kind == "example")
    assert {"place:浙江", "place:义乌", "number:3"} <= set(example.terms)


def test_vietnamese_only():
    vi, _zh = split_shipped()
    a = analyse(vi)
    assert a.languages == (VI,)
    assert a.title.zh is None and a.series.vi == "Thoát nghèo chuẩn xác"
    assert len(a.paragraphs) == 6
    assert all(p.zh is None and p.vi for p in a.paragraphs)
    assert all(s.zh is None for s in a.sentences)
    assert all(t.zh is None for t in a.terms)
    assert any(t.vi == "Ulanqab" for t in a.terms)
    assert all(f.zh is None and f.vi for f in a.facts)
    kinds = {f.kind for f in a.facts}
    assert {"definition", "enumeration", "numbered_item", "example", "lesson"} <= kinds
    assert a.problems == []


def test_chinese_only():
    _vi, zh = split_shipped()
    a = analyse(zh)
    assert a.languages == (ZH,)
    assert a.title.vi is None and a.published is None
    assert all(s.vi is None for s in a.sentences)
    zh_terms = {t.zh for t in a.terms}
    assert {"山东", "重庆", "福建", "宁夏", "内蒙古", "乌兰察布", "赤峰"} <= zh_terms
    assert all(t.vi is None for t in a.terms if t.kind == "place")
    assert all(f.vi is None and f.zh for f in a.facts)
    assert a.problems == []


# -- parts that do not line up ------------------------------------------------------------


def test_missing_chinese_paragraph_is_reported_not_raised():
    vi, zh = split_shipped()
    paragraphs = zh.split("\n\n")
    dropped = next(p for p in paragraphs if p.startswith("其二"))
    a = analyse(vi + "\n\n" + "\n\n".join(p for p in paragraphs if p != dropped))
    assert len(a.paragraphs) == 6
    codes = [p.code for p in a.problems]
    assert "paragraph_count" in codes
    lonely = [p for p in a.paragraphs if p.zh is None]
    assert len(lonely) == 1 and lonely[0].vi.startswith("Thứ hai")
    assert any(
        p.code == "unaligned_paragraph" and p.paragraph == lonely[0].index for p in a.problems
    )
    # The neighbours still pair with their own translations.
    third = next(p for p in a.paragraphs if p.zh and p.zh.startswith("其三"))
    assert third.vi.startswith("Thứ ba")
    assert all(p.zh.startswith("其") == p.vi.startswith("Thứ") for p in a.paragraphs if p.zh)


def test_split_sentence_is_merged_and_reported():
    text = (
        "东西部扶贫协作\n\n比如,2010年,京蒙扶贫协作作出了调整。同时,积极开展社会帮扶。\n\n"
        "Hợp tác\n\nVí dụ, năm 2010, Bắc Kinh và Nội Mông Cổ đã điều chỉnh. "
        "Việc điều chỉnh này rất quan trọng. Bên cạnh đó, tích cực triển khai công tác xã hội.\n"
    )
    a = analyse(text)
    assert len(a.paragraphs) == 1
    assert [p.code for p in a.problems][:1] == ["sentence_count"]
    assert any(p.code in ("merged_sentences", "unaligned_sentence") for p in a.problems)
    first = a.sentences[0]
    assert "京蒙" in first.zh and "Bắc Kinh" in first.vi
    assert a.sentences[-1].zh.startswith("同时") and a.sentences[-1].vi.startswith("Bên cạnh đó")
    assert ("place:北京", "京") in {(m.term, m.text) for m in a.mentions}


def test_unrelated_paragraph_is_not_forced():
    vi, zh = split_shipped()
    extra = "Đây là một đoạn văn hoàn toàn khác, nói về thời tiết hôm nay ở Hà Nội rất đẹp."
    a = analyse(vi.rstrip() + "\n\n" + extra + "\n\n" + zh)
    assert any(p.code == "paragraph_count" for p in a.problems)
    last = a.paragraphs[-1]
    assert last.vi == extra and last.zh is None
