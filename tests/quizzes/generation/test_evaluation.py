"""Measuring question generation against gold facts (issue 13): each metric on hand-made
questions, the corpus and its gold files, `manage.py evaluate_generation`, and the thresholds the
issue sets on the corpus."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from content.lang.model import Analysis, Pair
from quizzes.generation import GeneratedQuestion
from quizzes.generation.evaluation import (
    BLANK,
    FACT_KINDS,
    LAYOUTS,
    MAX_PER_SENTENCE,
    MIN_ASKED_RATIO,
    answer_matches,
    body_text,
    clutter_parts,
    cut_blanks,
    evaluate,
    is_from_clutter,
    load_corpus,
    locate_blanks,
    measure,
    normalise,
    passes,
    read_value,
)
from tests.support.generation import sentences

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ARTICLES = load_corpus(CORPUS)
NAMES = [name for name, _, _ in ARTICLES]


def _q(**fields) -> GeneratedQuestion:
    base = {"key": "k", "type": "cloze", "language": "zh", "prompt": "", "answer": ""}
    return GeneratedQuestion(**{"source": "", "source_translation": "t", **base, **fields})


def _analysis(rows) -> Analysis:
    return Analysis(
        title=Pair(),
        series=Pair(),
        published=None,
        source=None,
        languages=("zh", "vi"),
        sentences=sentences(rows),
    )


# -- reading answers ---------------------------------------------------------------------------


def test_normalise_squeezes_spaces_and_punctuation_but_keeps_numbers_whole():
    assert normalise("  Tỉnh  LÀO CAI, ") == "tỉnh lào cai"
    assert normalise("6,86 triệu") == "6,86 triệu"
    assert normalise("71,4%") == "71,4%"
    assert normalise("《世界遗产名录》") == "世界遗产名录"


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("686万", "zh", 6_860_000, ""),
        ("12.8万吨", "zh", 128_000, "吨"),
        ("249310亿", "zh", 24_931_000_000_000, ""),
        ("180万平方公里", "zh", 1_800_000, "平方公里"),
        ("5000多名运动员", "zh", 5000, "名运动员"),
        ("五代", "zh", 5, "代"),
        ("6,86 triệu", "vi", 6_860_000, ""),
        ("128.000", "vi", 128_000, ""),
        ("24,931 nghìn tỷ", "vi", 24_931_000_000_000, ""),
        ("10.221,8 nghìn tỷ đồng", "vi", 10_221_800_000_000_000, "đồng"),
        ("1,8 triệu km²", "vi", 1_800_000, "km²"),
        ("hơn 34.000 tỷ đồng", "vi", 34_000_000_000_000, "đồng"),
        ("8.848,86 m", "vi", 8848.86, "m"),
        ("71,4%", "vi", 71.4, "%"),
    ],
)
def test_read_value_reads_numbers_with_their_magnitude(text, lang, value, unit):
    got = read_value(text, lang)
    assert got is not None and got[0] == pytest.approx(value) and got[1] == unit


@pytest.mark.parametrize(
    ("text", "lang"), [("8月8日", "zh"), ("1/4/1910", "vi"), ("Lào Cai", "vi")]
)
def test_read_value_gives_nothing_for_dates_and_names(text, lang):
    assert read_value(text, lang) is None


def test_a_number_answer_matches_by_value_within_its_language():
    assert answer_matches("6.860.000", ["6,86 triệu"], "vi")
    assert answer_matches("686万", ["6860000"], "zh")
    assert answer_matches("6,86", ["6,86 triệu km²"], "vi") is False  # 6.86 is not 6 860 000
    assert answer_matches("30%", ["30公顷"], "zh") is False  # units disagree
    assert answer_matches("8", ["8座"], "zh")  # the unit stays in the stem
    # …where the source has the unit after that number, not the 8 of a date
    assert answer_matches("8", ["8座"], "zh", source="设有8座车站。")
    assert answer_matches("8", ["8座"], "zh", source="8月8日上午开通。") is False
    assert answer_matches(
        "5.000", ["hơn 5.000 vận động viên"], "vi", source="hơn 5.000 vận động viên"
    )
    assert answer_matches("5000", ["5000多名"], "zh", source="5000多名运动员参赛")


def test_an_answer_containing_the_key_as_a_whole_token_counts():
    assert answer_matches("tỉnh Lào Cai", ["Lào Cai"], "vi")
    assert answer_matches("300", ["30"], "vi") is False
    assert answer_matches("8,5 km", ["8"], "vi") is False
    assert answer_matches("Lào Cailo", ["Lào Cai"], "vi") is False
    # A whole sentence given as an ordering item asks for nothing.
    long = "Ngày 1/6/2021, luật chính thức có hiệu lực, gồm 10 chương, 74 điều."
    assert answer_matches(long, ["74 điều"], "vi") is False


# -- each metric on hand-made questions --------------------------------------------------------

ZH = "青藏高原平均海拔在4000米以上。"
VI = "Cao nguyên Thanh Tạng có độ cao trung bình trên 4.000 m."
GOLD = {
    "facts": [
        {"id": "f1", "kind": "number", "zh": ["4000米"], "vi": ["4.000 m"]},
        {"id": "f2", "kind": "place", "zh": ["青藏高原"], "vi": ["Cao nguyên Thanh Tạng"]},
    ],
    "clutter": ["发布时间：2024-03-15 10:20:36", "Ảnh: Cao nguyên Thanh Tạng nhìn từ trên cao"],
}


def test_locate_blanks_aligns_the_stem_with_the_source():
    assert locate_blanks("填空：____高原平均海拔在4000米以上。", ZH) == [(0, 2)]
    assert locate_blanks("选择正确的一项填空：青藏高原平均海拔在____米以上。", ZH) == [(9, 13)]
    prompt = "Điền vào chỗ trống: ____ Thanh Tạng có độ cao trung bình trên ____ m."
    assert locate_blanks(prompt, VI) == [(0, 10), (48, 53)]


def test_a_blank_that_cuts_a_word_is_detected():
    cut = _q(prompt="填空：____高原平均海拔在4000米以上。", answer="青藏", source=ZH)
    assert cut_blanks(cut) == ["青藏|高原平均海拔在4000米以上。"]
    whole = _q(prompt="填空：____平均海拔在4000米以上。", answer="青藏高原", source=ZH)
    number = _q(prompt="填空：青藏高原平均海拔在____米以上。", answer="4000", source=ZH)
    assert cut_blanks(whole) == [] and cut_blanks(number) == []
    vi = "Chủ tịch tỉnh Lào Cai đã đến thăm."
    half = _q(language="vi", prompt="Điền vào chỗ trống: Chủ ____ tỉnh Lào Cai đã đến thăm.")
    half.answer, half.source = "tịch", vi
    assert cut_blanks(half)
    place = _q(language="vi", prompt="Điền vào chỗ trống: Chủ tịch tỉnh ____ đã đến thăm.")
    place.answer, place.source = "Lào Cai", vi
    assert cut_blanks(place) == []


def test_a_blank_ending_before_the_full_stop_is_located_at_the_end():
    source = "Đường bờ biển dài 3.260 km."
    assert locate_blanks("Điền vào chỗ trống: Đường bờ biển dài ____.", source) == [(18, 26)]


@pytest.mark.parametrize(
    ("source", "key", "lang"),
    [
        ("越通社河内8月8日电 8月8日上午，河内地铁3号线高架段正式开通运营。", "8月8日", "zh"),
        ("全国划分为63个省和直辖市，首都是河内。", "63个", "zh"),
        ("陆地面积约960万平方公里，居世界第三位。", "960万", "zh"),
        ("Năm 2024, mùng Một Tết rơi vào ngày 10/2 dương lịch.", "10/2", "vi"),
        ("GDP đạt 10.221,8 nghìn tỷ đồng.", "10.221,8", "vi"),
        ("2021年，黄农茶被评为四星级OCOP产品。", "四", "zh"),
        ("Ngày 16/4, các nhà khoa học khuyến cáo nông dân.", "16", "vi"),  # as 4月16日 in zh
    ],
)
def test_a_number_or_date_blank_is_no_cut_where_the_segmenter_glues_it(source, key, lang):
    prompt = source.replace(key, BLANK, 1)
    assert cut_blanks(_q(language=lang, prompt=prompt, answer=key, source=source)) == []


def test_a_blank_at_the_edge_of_a_gold_name_is_no_cut_even_where_the_segmenter_errs():
    source = "从海防港经河内，沿红河北上至老街。"  # jieba: 沿红 / 河北 / 上
    q = _q(prompt="填空：从海防港经河内，沿____北上至老街。", answer="红河", source=source)
    assert cut_blanks(q)
    assert cut_blanks(q, names=["红河"]) == []
    # …but a gold name inside a longer word is still cut
    source = "它有两条主要支流：发源于维多利亚湖一带的白尼罗河和青尼罗河。"
    prompt = "填空：它有两条主要支流：发源于维多利亚湖一带的白____和青尼罗河。"
    q = _q(prompt=prompt, answer="尼罗河", source=source)
    assert cut_blanks(q, names=["尼罗河"])


def test_measure_counts_facts_questions_clutter_leaks_and_cuts():
    analysis = _analysis([(0, ZH, VI), (1, "发布时间：2024-03-15 10:20:36", None)])
    date_line = "发布时间：2024-03-15 10:20:36"
    vi_cloze = "Điền vào chỗ trống: Cao ____ Thanh Tạng có độ cao trung bình trên 4.000 m."
    vi_choice = "Chọn đáp án đúng cho chỗ trống: ____ có độ cao trung bình trên 4.000 m."
    place = "Cao nguyên Thanh Tạng"
    questions = [
        # f1 asked in zh by value, with a cut-free blank
        _q(prompt="填空：青藏高原平均海拔在____米以上。", answer="4000", source=ZH),
        # a true/false question never asks a fact
        _q(type="true_false", prompt="判断正误：" + ZH, answer=True, source=ZH),
        # a translation question does not count towards one sentence
        _q(type="translation", prompt="“青藏高原”用越南语怎么说？", answer=place, source=ZH),
        # a question from the date line, which also leaks its answer
        _q(prompt="填空：发布时间：____-03-15 10:20:36 (2024)", answer="2024", source=date_line),
        # vi: a blank cutting a word, f2 asked by a choice question's correct option
        _q(language="vi", prompt=vi_cloze, answer="nguyên", source=VI),
        _q(
            language="vi",
            type="single_choice",
            prompt=vi_choice,
            answer=place,
            choices=[place, "Cao nguyên Vân Quý", "Cao nguyên Hoàng Thổ", "Cao nguyên Mông Cổ"],
            source=VI,
        ),
        _q(language="vi", type="true_false", prompt="Đúng hay sai: " + VI, answer=False, source=VI),
    ]
    text = "\n".join([GOLD["clutter"][0], ZH, VI, GOLD["clutter"][1]])
    result = measure(analysis, questions, GOLD, text)
    zh, vi = result["zh"], result["vi"]
    assert (zh["facts"], zh["asked"], zh["asked_ids"], zh["missing"]) == (2, 1, ["f1"], ["f2"])
    assert zh["questions"] == 4 and zh["max_per_sentence"] == 2
    assert zh["from_clutter"] == 1 and zh["leaks"] == 1
    assert zh["cut_words"] == 0
    assert (vi["asked_ids"], vi["questions"], vi["max_per_sentence"]) == (["f2"], 3, 3)
    assert vi["cut_words"] == 1 and vi["from_clutter"] == 0 and vi["leaks"] == 0
    assert passes(zh) and passes(vi)


def test_a_question_from_a_caption_or_a_headline_is_from_clutter():
    headline = "尼罗河 Sông Nin"
    assert clutter_parts(headline) == ["尼罗河", "Sông Nin"]
    assert clutter_parts("Văn hóa | 文化") == ["Văn hóa", "文化"]
    body = "尼罗河是非洲的一条大河。"
    title_q = _q(prompt="填空：____", answer="尼罗河", source="尼罗河")
    assert is_from_clutter(title_q, [headline], body)
    body_q = _q(prompt="填空：____是非洲的一条大河。", answer="尼罗河", source=body)
    assert not is_from_clutter(body_q, [headline], body)
    caption = "Ảnh: Thuyền buồm trên sông Nin."
    glued = _q(language="vi", prompt="…", source=caption + " Sông Nin dài 6.650 km.")
    assert is_from_clutter(glued, [caption], "Sông Nin dài 6.650 km.")


def test_passes_names_each_threshold_missed():
    figures = {"facts": 10, "asked": 9, "max_per_sentence": MAX_PER_SENTENCE}
    figures.update(from_clutter=0, leaks=0, cut_words=0)
    assert passes(figures) == []
    figures.update(asked=8, max_per_sentence=7, from_clutter=1, leaks=2, cut_words=3)
    assert len(passes(figures)) == 5


# -- the corpus and its gold files -------------------------------------------------------------


def test_the_corpus_covers_every_layout_and_the_genres_of_the_issue():
    layouts = [gold["layout"] for _, _, gold in ARTICLES]
    assert len(ARTICLES) >= 12
    assert all(layouts.count(layout) >= 3 for layout in LAYOUTS)
    genres = {gold["genre"] for _, _, gold in ARTICLES}
    wanted = {"news", "textbook", "encyclopedia", "interview", "travel", "history", "economy"}
    assert wanted | {"science", "sport", "culture", "glossary", "village"} <= genres


@pytest.mark.parametrize(("name", "text", "gold"), ARTICLES, ids=NAMES)
def test_every_gold_file_is_consistent_with_its_article(name, text, gold):
    assert 1000 <= len(text.encode()) <= 3200
    assert set(gold["title"]) == {"zh", "vi"} and gold["layout"] in LAYOUTS
    assert 6 <= len(gold["facts"]) <= 12
    ids = [fact["id"] for fact in gold["facts"]]
    assert len(set(ids)) == len(ids)
    body = body_text(text, gold["clutter"]).casefold()
    for fact in gold["facts"]:
        assert fact["kind"] in FACT_KINDS and fact["note"]
        for lang in ("zh", "vi"):
            # the first accepted answer is written in the body as it stands, not only in clutter
            assert fact[lang] and fact[lang][0].casefold() in body, (fact["id"], lang)
    lines = {line.strip() for line in text.splitlines()}
    assert gold["clutter"] and all(line in lines for line in gold["clutter"])


# -- the command -------------------------------------------------------------------------------


@pytest.fixture
def tiny_corpus(tmp_path) -> Path:
    name, text, gold = next(a for a in ARTICLES if a[0] == "encyclopedia_nile")
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_the_command_prints_figures_per_article_and_language_as_json(tiny_corpus):
    out = io.StringIO()
    call_command("evaluate_generation", str(tiny_corpus), "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert set(result) == {"articles", "totals"}
    (article,) = result["articles"]
    assert article["name"] == "encyclopedia_nile" and article["layout"] == "interleaved-zh-first"
    assert article["genre"] == "encyclopedia"
    fields = {"facts", "asked", "asked_ids", "missing", "questions", "max_per_sentence"}
    fields |= {"from_clutter", "leaks", "cut_words"}
    for lang in ("zh", "vi"):
        assert fields <= set(article[lang])
        assert article[lang]["facts"] == 12
        assert article[lang]["asked"] + len(article[lang]["missing"]) == 12
        assert fields - {"asked_ids", "missing"} <= set(result["totals"][lang])
    assert result["totals"]["articles"] == 1


def test_the_command_prints_a_table_without_json(tiny_corpus):
    out = io.StringIO()
    call_command("evaluate_generation", str(tiny_corpus), stdout=out)
    assert "encyclopedia_nile" in out.getvalue() and "total" in out.getvalue()
    assert "missing f" not in out.getvalue()
    out = io.StringIO()
    call_command("evaluate_generation", str(tiny_corpus), "--only", "nile", "--details", stdout=out)
    assert "encyclopedia_nile" in out.getvalue()
    with pytest.raises(CommandError, match="no article"):
        call_command("evaluate_generation", str(tiny_corpus), "--only", "tet")


def test_the_command_refuses_a_bad_directory(tmp_path):
    with pytest.raises(CommandError, match="not a directory"):
        call_command("evaluate_generation", str(tmp_path / "missing"))
    with pytest.raises(CommandError, match="no \\*.txt"):
        call_command("evaluate_generation", str(tmp_path))
    (tmp_path / "a.txt").write_text("中文。Tiếng Việt.", encoding="utf-8")
    with pytest.raises(CommandError, match="a.gold.json"):
        call_command("evaluate_generation", str(tmp_path))
    (tmp_path / "a.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("evaluate_generation", str(tmp_path))


# -- the thresholds of issue 13 on the corpus --------------------------------------------------


@pytest.fixture(scope="module")
def corpus_results() -> dict:
    return {name: evaluate(text, gold) for name, text, gold in ARTICLES}


CASES = [(name, lang) for name in NAMES for lang in ("zh", "vi")]
# No article left behind: the share of its gold facts each article must have asked, in each
# language, on top of the 90% over the whole corpus. Today's lowest is 9 of 11 (the glossary
# article: two titles of works) and 10 of 12 (Tết customs in Chinese).
MIN_ARTICLE_ASKED_RATIO = 0.75


@pytest.mark.parametrize("lang", ["zh", "vi"])
def test_at_least_90_percent_of_gold_facts_are_asked_over_the_corpus(corpus_results, lang):
    facts = sum(corpus_results[name][lang]["facts"] for name in NAMES)
    asked = sum(corpus_results[name][lang]["asked"] for name in NAMES)
    missing = {name: corpus_results[name][lang]["details"]["missing"] for name in NAMES}
    assert asked >= MIN_ASKED_RATIO * facts, (asked, facts, missing)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_article_has_most_of_its_gold_facts_asked(corpus_results, name, lang):
    figures = corpus_results[name][lang]
    assert figures["asked"] >= MIN_ARTICLE_ASKED_RATIO * figures["facts"], figures["details"][
        "missing"
    ]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_at_most_6_questions_come_from_one_sentence(corpus_results, name, lang):
    figures = corpus_results[name][lang]
    assert figures["max_per_sentence"] <= MAX_PER_SENTENCE, figures["details"]["busiest_sentence"]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_question_comes_from_clutter(corpus_results, name, lang):
    assert corpus_results[name][lang]["from_clutter"] == 0, corpus_results[name][lang]["details"]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_question_leaks_its_answer(corpus_results, name, lang):
    assert corpus_results[name][lang]["leaks"] == 0, corpus_results[name][lang]["details"]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_blank_cuts_a_word(corpus_results, name, lang):
    assert corpus_results[name][lang]["cut_words"] == 0, corpus_results[name][lang]["details"]


# -- the unseen articles (tests/corpus/unseen, see its README): the bar they met as they came ----

UNSEEN = load_corpus(CORPUS / "unseen")


@pytest.fixture(scope="module")
def unseen_results() -> dict:
    return {name: evaluate(text, gold) for name, text, gold in UNSEEN}


@pytest.mark.parametrize("lang", ["zh", "vi"])
def test_text_nobody_shaped_the_rules_on_keeps_most_of_its_facts_asked_and_no_clutter_or_leak(
    unseen_results, lang
):
    figures = [unseen_results[name][lang] for name, _, _ in UNSEEN]
    asked, facts = sum(f["asked"] for f in figures), sum(f["facts"] for f in figures)
    missing = {name: unseen_results[name][lang]["missing"] for name, _, _ in UNSEEN}
    assert asked >= 0.85 * facts, missing
    assert not any(f["from_clutter"] or f["leaks"] for f in figures)
    assert max(f["max_per_sentence"] for f in figures) <= MAX_PER_SENTENCE
