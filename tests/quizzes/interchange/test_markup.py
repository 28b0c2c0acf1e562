"""Foreign questions' markup ([html], [moodle], [markdown] in GIFT, format="html" in Moodle XML)
is kept as sanitised HTML beside the plain text, shown from that field only, and written back
by both exports; grading keeps the plain text."""

import pytest

from quizzes.interchange import gift, markup, moodle_xml
from quizzes.templatetags.rich_text import rich_comment, rich_option, rich_prompt

CASES = [
    (
        "vi",
        "[html]Thủ đô của Việt Nam là <b>Hà Nội</b><script>alert(1)</script>?{T}",
        "Thủ đô của Việt Nam là Hà Nội?",
        "Thủ đô của Việt Nam là <b>Hà Nội</b>?",
    ),
    (
        "zh",
        "[html]越南的首都是<b>河内</b><script>alert(1)</script>吗?{T}",
        "越南的首都是河内吗?",
        "越南的首都是<b>河内</b>吗?",
    ),
]


@pytest.mark.parametrize(("language", "text", "plain", "rich"), CASES)
def test_an_html_prompt_keeps_its_bold_and_loses_its_script(language, text, plain, rich):
    (item,) = gift.parse(f"$CATEGORY: x/{language}\n\n{text}\n").items
    assert (item.prompt, item.html, item.language) == (plain, {"prompt": rich}, language)


@pytest.mark.parametrize(
    ("text", "plain", "rich"),
    [
        (
            "[markdown]Chữ **đậm** ở đây?{T}",
            "Chữ đậm ở đây?",
            "<p>Chữ <strong>đậm</strong> ở đây?</p>",
        ),
        ("[markdown]这是**粗体**吗?{T}", "这是粗体吗?", "<p>这是<strong>粗体</strong>吗?</p>"),
    ],
)
def test_markdown_bold_becomes_strong(text, plain, rich):
    (item,) = gift.parse(text + "\n").items
    assert (item.prompt, item.html) == (plain, {"prompt": rich})


def test_markdown_raw_html_and_links_never_become_tags():
    (item,) = gift.parse(
        "[markdown]Chữ *nghiêng* <script>x()</script> [Huế](https://vi.wikipedia.org/wiki/Huế)?{T}\n"
    ).items
    assert item.html == {
        "prompt": "<p>Chữ <em>nghiêng</em> &lt;script&gt;x()&lt;/script&gt; Huế?</p>"
    }
    assert item.prompt == "Chữ nghiêng <script>x()</script> Huế?"


def test_an_onclick_attribute_never_survives_anywhere():
    result = gift.parse(
        "$CATEGORY: x/vi\n\n"
        '[html]<b onclick\\="steal()">Chọn</b> <span lang\\="vi" style\\="color\\:red">một</span>{'
        '=[html]<i onmouseover\\="x()">Huế</i>#[html]<u onclick\\="y()">Đúng</u> ~Hà Nội'
        '####[html]<em onclick\\="z()">Cố đô</em>}\n'
    )
    (item,) = result.items
    assert item.html == {
        "prompt": '<b>Chọn</b> <span lang="vi">một</span>',
        "texts": {"Huế": "<i>Huế</i>", "Đúng": "<u>Đúng</u>", "Cố đô": "<em>Cố đô</em>"},
    }
    assert (item.answer, item.choices) == ("Huế", ["Huế", "Hà Nội"]), "graded on plain text"
    assert item.feedback == {"general": "Cố đô", "answers": {"Huế": "Đúng"}}
    for text in (gift.dumps([item])[0], moodle_xml.dumps([item])[0]):
        assert "onclick" not in text and "onmouseover" not in text and "style" not in text


def test_feedback_with_markup_is_shown_with_it_after_the_answer():
    result = gift.parse(
        "$CATEGORY: x/vi\n\n"
        "Cố đô của Việt Nam là{=Huế#[html]<b>Đúng</b>, <script>x()</script>Huế. ~Hà Nội}\n"
    )
    (item,) = result.items
    comment = item.feedback["answers"]["Huế"]
    assert rich_comment(comment, item) == "<b>Đúng</b>, Huế."
    assert (
        rich_comment("Dòng một\nDòng <b>hai</b>", item) == "Dòng một<br>Dòng &lt;b&gt;hai&lt;/b&gt;"
    )
    assert rich_comment("Không có câu hỏi", None) == "Không có câu hỏi"


def test_stored_html_is_sanitised_again_before_it_is_shown():
    class Forged:
        prompt = "Chọn"
        html = {
            "prompt": '<b onclick="x()">Chọn</b><img src=x onerror=y>',
            "texts": {"a": "<script>a</script>a"},
        }

    assert rich_prompt(Forged()) == "<b>Chọn</b>"
    assert rich_option("a", Forged()) == "a"
    assert rich_option("<b>b</b>", Forged()) == "&lt;b&gt;b&lt;/b&gt;", "plain text is escaped"


def test_a_prompt_edited_after_the_import_is_shown_as_its_plain_text():
    class Edited:
        prompt = "Chữ nghiêng mới?"
        html = {"prompt": "Chữ <i>nghiêng</i>?"}

    assert rich_prompt(Edited()) == "Chữ nghiêng mới?"
    Edited.prompt = "Chữ nghiêng?"
    assert rich_prompt(Edited()) == "Chữ <i>nghiêng</i>?"


def test_only_the_allow_list_passes_the_sanitiser():
    dirty = (
        '<p lang="zh" class="x" id="y">甲<a href="javascript:x">乙</a><img src="x">'
        "<sub>2</sub><sup>3</sup><code>c</code><ul><li>一</li><li>二</li></ul>"
        "<style>p{}</style><iframe></iframe></p>"
    )
    clean = markup.sanitise(dirty)
    assert clean == (
        '<p lang="zh">甲乙<sub>2</sub><sup>3</sup><code>c</code></p>'
        "<ul><li>一</li><li>二</li></ul><p></p>"
    )
    assert markup.to_plain(clean) == "甲乙23c一\n二"


ROUND_TRIP = (
    "$CATEGORY: dongxi/doc/{lang}\n\n"
    "::q1::[html]{prompt}{{=[html]<b>{a}</b>#[markdown]**{fb}** ~{b}####[html]<i>{fb}</i>}}\n\n"
    "::q2::[markdown]{prompt} **{a}**{{\n=[html]<sub>{a}</sub> -> {b}\n=[plain]{b} -> {a}\n}}\n\n"
    "::q3::[html]<p>{prompt} <strong>{a}</strong></p>{{={b}}}\n"
)
WORDS = {
    "vi": {"prompt": "Chọn đáp án", "a": "Hà Nội", "b": "Huế", "fb": "Đúng rồi"},
    "zh": {"prompt": "请选择答案", "a": "河内", "b": "顺化", "fb": "答对了"},
}


@pytest.mark.parametrize("lang", ["vi", "zh"])
@pytest.mark.parametrize("writer", [gift, moodle_xml])
def test_the_round_trip_keeps_the_markup(lang, writer):
    items = gift.parse(ROUND_TRIP.format(lang=lang, **WORDS[lang])).items
    assert len(items) == 3 and all(i.html for i in items)
    text, skipped = writer.dumps(items)
    assert skipped == []
    reader = gift if writer is gift else moodle_xml
    back = reader.parse(text).items
    fields = ("type", "language", "prompt", "answer", "choices", "feedback", "html", "title")
    assert [[getattr(i, f) for f in fields] for i in back] == [
        [getattr(i, f) for f in fields] for i in items
    ]


def test_the_round_trip_writes_the_markers_moodle_reads():
    w = WORDS["vi"]
    items = gift.parse(ROUND_TRIP.format(lang="vi", **w)).items
    text = gift.dumps(items)[0]
    assert (
        "::q1::[plain]Chọn đáp án {=[html]<b>Hà Nội</b>#[html]<p><strong>Đúng rồi</strong></p>"
        in text
    )
    assert "<strong>Hà Nội</strong> ____</p> {=[plain]Huế}" in text, "plain under [html]"
    xml = moodle_xml.dumps(items)[0]
    assert '<questiontext format="html">' in xml and "<![CDATA[<b>Hà Nội</b>]]>" in xml
