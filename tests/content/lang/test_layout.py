"""Layout: titles, series, date, source, byline and caption lines and two-language headlines are
set aside as Analysis.clutter, and body paragraphs pair in every layout (whole-language blocks in
either order, interleaved paragraphs with either language first, with or without title lines).

The texts are written for these tests: a short article about a lake, in three paragraphs.
"""

from datetime import date

import pytest

from content.lang import VI, ZH, analyse
from content.lang.layout import classify, find_date, wire_opening

ZH_PARAS = [
    "还剑湖位于河内市中心，面积约12公顷。",
    "湖上的栖旭桥建于1865年，通向玉山祠。",
    "每年约有200万游客来到这里。",
]
VI_PARAS = [
    "Hồ Hoàn Kiếm nằm ở trung tâm Hà Nội, rộng khoảng 12 ha.",
    "Cầu Thê Húc trên hồ được xây năm 1865, dẫn vào đền Ngọc Sơn.",
    "Mỗi năm có khoảng 2 triệu du khách đến đây.",
]
ZH_TITLE, VI_TITLE = "还剑湖", "Hồ Hoàn Kiếm"


def blocks(zh_first: bool, *, zh_header: str = "", vi_header: str = "") -> str:
    zh = "\n\n".join([ZH_TITLE, *filter(None, [zh_header]), *ZH_PARAS])
    vi = "\n\n".join([VI_TITLE, *filter(None, [vi_header]), *VI_PARAS])
    return "\n\n".join([zh, vi] if zh_first else [vi, zh])


def interleaved(zh_first: bool, *, titles: bool, blank: bool = True) -> str:
    pairs = list(zip(ZH_PARAS, VI_PARAS, strict=True))
    if titles:
        pairs.insert(0, (ZH_TITLE, VI_TITLE))
    lines = [line for zh, vi in pairs for line in ((zh, vi) if zh_first else (vi, zh))]
    return ("\n\n" if blank else "\n").join(lines)


def assert_pairs(a, *, titles: bool = True) -> None:
    assert [(p.zh, p.vi) for p in a.paragraphs] == list(zip(ZH_PARAS, VI_PARAS, strict=True))
    assert all(s.zh and s.vi for s in a.sentences)
    assert len(a.sentences) == 3
    if titles:
        assert (a.title.zh, a.title.vi) == (ZH_TITLE, VI_TITLE)


# -- layouts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("zh_first", [True, False])
def test_whole_language_blocks_pair_in_either_order(zh_first):
    a = analyse(blocks(zh_first))
    assert_pairs(a)
    assert [c.kind for c in a.clutter] == ["title", "title"]


@pytest.mark.parametrize("zh_first", [True, False])
@pytest.mark.parametrize("blank", [True, False])
def test_interleaved_paragraphs_pair_with_either_language_first(zh_first, blank):
    a = analyse(interleaved(zh_first, titles=False, blank=blank))
    assert_pairs(a, titles=False)
    assert a.clutter == []


@pytest.mark.parametrize("zh_first", [True, False])
def test_interleaved_paragraphs_under_a_pair_of_title_lines(zh_first):
    a = analyse(interleaved(zh_first, titles=True))
    assert_pairs(a)
    assert {(c.kind, c.lang) for c in a.clutter} == {("title", ZH), ("title", VI)}


def test_a_headline_in_both_languages_names_the_document_and_is_no_paragraph():
    text = f"{ZH_TITLE} | {VI_TITLE}\n\n" + interleaved(True, titles=False)
    a = analyse(text)
    assert_pairs(a)
    assert [(c.kind, c.lang) for c in a.clutter] == [("headline", None)]


def test_a_column_line_above_or_below_the_headline_is_a_series():
    for header in (
        f"文化 | Văn hóa\n{ZH_TITLE} | {VI_TITLE}",
        f"{VI_TITLE} {ZH_TITLE}\n文化 Văn hóa",
    ):
        a = analyse(header + "\n\n" + interleaved(False, titles=False))
        assert_pairs(a)
        assert (a.series.zh, a.series.vi) == ("文化", "Văn hóa")
        assert sorted(c.kind for c in a.clutter) == ["headline", "series"]


# -- clutter kinds ---------------------------------------------------------------------------

NEWS = f"""{ZH_TITLE}

（城市笔记）

发布时间：2024-03-15 10:20:36

来源：新华网

{ZH_PARAS[0]}

图为游客在湖边拍照。

{ZH_PARAS[1]}

游客在玉山祠前合影。（新华社记者 王五 摄）

{ZH_PARAS[2]}

（图片来源：视觉中国）

责任编辑：张三

{VI_TITLE}

(Ghi chép đô thị)

Thứ Sáu, 15/03/2024 | 10:20:36 [GMT +7]

{VI_PARAS[0]}

Ảnh: Du khách chụp ảnh bên hồ.

{VI_PARAS[1]}

Ảnh minh họa

{VI_PARAS[2]}

Biên tập: Lan Anh

Theo TTXVN
"""


@pytest.fixture(scope="module")
def news():
    return analyse(NEWS)


def test_news_lines_are_set_aside_and_the_body_still_pairs(news):
    assert_pairs(news)
    assert news.published == date(2024, 3, 15)
    assert news.source == "新华网"
    assert (news.series.zh, news.series.vi) == ("城市笔记", "Ghi chép đô thị")
    kinds = {(c.kind, c.lang) for c in news.clutter}
    assert kinds == {
        ("title", ZH),
        ("title", VI),
        ("series", ZH),
        ("series", VI),
        ("dateline", ZH),
        ("dateline", VI),
        ("source", ZH),
        ("caption", ZH),
        ("caption", VI),
        ("byline", ZH),
        ("byline", VI),
    }


def test_no_layout_line_becomes_a_sentence_term_or_fact(news):
    clutter = [c.text for c in news.clutter]
    text = " ".join(f"{s.zh} {s.vi}" for s in news.sentences)
    terms = " ".join(f"{t.zh} {t.vi}" for t in news.terms)
    facts = " ".join(f"{f.zh} {f.vi}" for f in news.facts)
    for word in ("张三", "Lan Anh", "TTXVN", "新华网", "视觉中国", "王五", "Ảnh", "图为", "10:20"):
        assert word not in text + terms + facts, word
    assert all(line not in text for line in clutter if line not in (ZH_TITLE, VI_TITLE))


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("发布时间：2024-03-15 10:20:36", date(2024, 3, 15)),
        ("Ngày đăng: 15/03/2024", date(2024, 3, 15)),
        ("星期四, 04/08/2022 | 09:07:38 [GMT +7]", date(2022, 8, 4)),
        ("January 27, 2017 17:34", date(2017, 1, 27)),
        ("Cập nhật: 08:15 ngày 12/05/2023", date(2023, 5, 12)),
        ("Thứ Ba, 16/04/2024 - 14:25", date(2024, 4, 16)),
        ("2019年4月25日", date(2019, 4, 25)),
        ("ngày 5 tháng 6 năm 2020", date(2020, 6, 5)),
    ],
)
def test_date_and_time_lines(line, published):
    kind = classify(line, None)
    assert kind is not None and kind.kind == "dateline"
    assert kind.published == published


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("14-01-2021 | China.org.cn", "China.org.cn"),
        ("2024年03月15日 10:20  来源：人民网", "人民网"),
        ("15-03-2024 - VnExpress", "VnExpress"),
    ],
)
def test_a_date_line_may_name_its_source(line, source):
    assert classify(line, None).source == source


@pytest.mark.parametrize(
    ("line", "source"),
    [("来源：新华网", "新华网"), ("Nguồn: TTXVN", "TTXVN"), ("Source: Xinhua", "Xinhua")],
)
def test_source_lines(line, source):
    kind = classify(line, None)
    assert (kind.kind, kind.source) == ("source", source)


@pytest.mark.parametrize(
    "line",
    [
        "责任编辑：张三",
        "（责任编辑：李娜）",
        "记者 王五",
        "Biên tập: Lan Anh",
        "Theo TTXVN",
        "Theo Báo Thể thao & Văn hóa",
        "PV Minh Hà",
        "Tác giả: Hoàng Anh",
        "文/张三",
        "By Tran Anh",
    ],
)
def test_bylines(line):
    assert classify(line, None).kind == "byline"


@pytest.mark.parametrize(
    "line",
    [
        "图为游客在湖边拍照。",
        "(图片来源：新华社)",
        "游客在湖边参观。（新华社记者 王五 摄）",
        "Ảnh: TTXVN",
        "Ảnh minh họa",
        "Du khách tham quan hồ Gươm. (Ảnh: TTXVN)",
        "图9.1 航拍青藏高原",
        "Hình 9.1. Cao nguyên Thanh Tạng nhìn từ trên cao",
    ],
)
def test_photo_captions(line):
    assert classify(line, None).kind == "caption"


@pytest.mark.parametrize(
    ("line", "halves"),
    [
        ("还剑湖 Hồ Hoàn Kiếm", ("还剑湖", "Hồ Hoàn Kiếm")),
        ("Hồ Hoàn Kiếm | 还剑湖", ("还剑湖", "Hồ Hoàn Kiếm")),
        ("尼罗河 Sông Nin", ("尼罗河", "Sông Nin")),
    ],
)
def test_a_headline_in_both_languages(line, halves):
    kind = classify(line, None)
    assert (kind.kind, kind.halves) == ("headline", halves)


@pytest.mark.parametrize(
    "line",
    [
        "2024年3月15日，国务院发布了新的规定。",
        "Ngày 15/3/2024, Hà Nội đón 2 triệu du khách.",
        "Theo báo cáo, năm 2023 Việt Nam đón 12 triệu khách.",
        "记者从国家统计局了解到，今年经济增长5%。",
        "记者：合作社是什么时候成立的？",
        "Phóng viên: Sản phẩm đã được xuất khẩu chưa?",
        "Hồ Gươm (还剑湖) là biểu tượng của Hà Nội.",
        "图书馆藏有3万册图书。",
        "图片展览于5月开幕",
        "Bài học hôm nay rất hay",
        "编辑 工作很忙",
        "长江是中国最长的河流。Trường Giang là sông dài nhất Trung Quốc.",
        "Trường Giang là sông dài nhất. 长江是最长的河流",
    ],
)
def test_prose_is_never_layout(line):
    assert classify(line, None) is None


def test_find_date_reads_every_usual_form():
    assert find_date("截至2023年12月31日")[0] == date(2023, 12, 31)
    assert find_date("27 January 2017")[0] == date(2017, 1, 27)
    assert find_date("31/02/2020")[0] is None  # a date-shaped string that is no date


@pytest.mark.parametrize(
    ("lang", "paragraph", "opening"),
    [
        (
            ZH,
            "新华社北京3月15日电（记者 王五）国务院15日发布新规定。",
            "新华社北京3月15日电（记者 王五）",
        ),
        (
            VI,
            "Hà Nội, ngày 8/8 (TTXVN) - Sáng 8/8, tuyến metro số 3 khai trương.",
            "Hà Nội, ngày 8/8 (TTXVN) - ",
        ),
        (
            VI,
            "Đà Nẵng, ngày 3/6 (Báo Đà Nẵng điện tử) - Sáng 3/6, cầu Rồng phun lửa.",
            "Đà Nẵng, ngày 3/6 (Báo Đà Nẵng điện tử) - ",
        ),
        (VI, "Theo báo cáo (năm 2023), Hà Nội đón 2 triệu du khách.", None),
        (VI, "Giá vé (gồm thuế) - khoảng 200.000 đồng một người lớn.", None),
    ],
)
def test_a_wire_service_opening_is_found(lang, paragraph, opening):
    assert wire_opening(lang, paragraph) == opening


def test_a_wrapped_sentence_whose_next_line_starts_like_a_byline_stays_one_paragraph():
    wrapped = "Mỗi năm có khoảng 2 triệu du khách đến đây,\nTheo Sở Du lịch Hà Nội"
    a = analyse(interleaved(True, titles=False).replace(VI_PARAS[2], wrapped))
    assert (
        a.paragraphs[2].vi == "Mỗi năm có khoảng 2 triệu du khách đến đây, Theo Sở Du lịch Hà Nội"
    )
    assert a.clutter == []


def test_captions_between_interleaved_paragraphs_pair_with_nothing():
    lines = []
    for i, (zh, vi) in enumerate(zip(ZH_PARAS, VI_PARAS, strict=True)):
        lines += [zh, vi]
        if i == 0:
            lines += ["图为还剑湖。", "Ảnh: Hồ Hoàn Kiếm."]
    a = analyse("\n\n".join(lines))
    assert_pairs(a, titles=False)
    assert [c.kind for c in a.clutter] == ["caption", "caption"]


def test_an_unlabelled_short_caption_line_is_aligned_or_set_aside_not_mispaired():
    # A caption without a label, in one language only, sits between two paragraphs.
    text = interleaved(True, titles=False).replace(
        VI_PARAS[0], VI_PARAS[0] + "\n\nHồ Hoàn Kiếm lúc bình minh"
    )
    a = analyse(text)
    for s in a.sentences:
        if s.zh and s.vi:
            assert (s.zh, s.vi) in set(zip(ZH_PARAS, VI_PARAS, strict=True))
    assert sum(1 for s in a.sentences if s.zh and s.vi) == 3
    assert [(c.kind, c.text) for c in a.clutter] == [("heading", "Hồ Hoàn Kiếm lúc bình minh")]


def test_a_subheading_in_each_language_is_set_aside():
    text = blocks(True).replace(ZH_PARAS[1], "历史\n\n" + ZH_PARAS[1])
    text = text.replace(VI_PARAS[1], "Lịch sử\n\n" + VI_PARAS[1])
    a = analyse(text)
    assert_pairs(a)
    assert [c.text for c in a.clutter if c.kind == "heading"] == ["历史", "Lịch sử"]
