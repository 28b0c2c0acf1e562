"""quizzes.generation.report: what each sentence gave, and why a silent one gave nothing."""

from content.lang import analyse
from content.lang.model import Analysis, Clutter, Fact, Mention, Pair, Paragraph, Sentence, Term
from quizzes.generation import generate_report
from quizzes.generation.model import Dropped, GeneratedQuestion, GenerationReport
from quizzes.generation.report import (
    ALL_DROPPED,
    ASKED,
    DROPPED,
    FEW_ANCHORS,
    MOSTLY_UNPAIRED,
    NO_ANCHOR,
    NO_FACT,
    NO_QUESTION,
    ONE_LANGUAGE,
    PLAIN_STATEMENTS,
    UNPAIRED,
    document_report,
    sentence_outcomes,
)


def _analysis() -> Analysis:
    """Six sentences, one of each outcome."""
    sentences = [
        Sentence(0, 0, "湖长700米。", "Hồ dài 700 m."),  # asked
        Sentence(1, 0, "湖上有桥。", None),  # unpaired
        Sentence(2, 0, "桥建于1865年。", "Cầu xây năm 1865."),  # dropped
        Sentence(3, 1, "天气很好。", "Trời rất đẹp."),  # no anchor
        Sentence(4, 1, "游客来自河内。", "Du khách đến từ Hà Nội."),  # anchor, no fact
        Sentence(5, 1, "庙建于1800年。", "Đền xây năm 1800."),  # fact, nothing kept
    ]
    terms = [
        Term("number:700", "number", "700", "700", value=700),
        Term("year:1865", "year", "1865", "1865", value=1865),
        Term("place:河内", "place", "河内", "Hà Nội"),
        Term("year:1800", "year", "1800", "1800", value=1800),
    ]
    mentions = [
        Mention(key, lang, index, 0, 1, "x")
        for key, index in [("number:700", 0), ("year:1865", 2), ("place:河内", 4), ("year:1800", 5)]
        for lang in ("zh", "vi")
    ]
    facts = [
        Fact("f0", "statement", 0, 0, "湖长700米。", "Hồ dài 700 m.", terms=["number:700"]),
        Fact("f2", "statement", 0, 2, "桥建于1865年。", "Cầu xây năm 1865."),
        Fact("f5", "statement", 1, 5, "庙建于1800年。", "Đền xây năm 1800."),
    ]
    return Analysis(
        title=Pair("湖", "Hồ"),
        series=Pair(),
        published=None,
        source=None,
        languages=("zh", "vi"),
        paragraphs=[Paragraph(0, "…", "…"), Paragraph(1, "…", "…")],
        sentences=sentences,
        terms=terms,
        mentions=mentions,
        facts=facts,
        clutter=[Clutter("byline", "责任编辑：张三", "zh")],
    )


def _question(fact: str, lang: str, qtype: str = "cloze", source: str = "") -> GeneratedQuestion:
    return GeneratedQuestion(
        key=f"{fact}{lang}{qtype}",
        type=qtype,
        language=lang,
        prompt="?",
        answer="a",
        fact=fact,
        source=source,
    )


def _report() -> GenerationReport:
    return GenerationReport(
        questions=[
            _question("f0", "zh"),
            _question("f0", "vi"),
            _question("f0", "vi", "true_false"),
        ],
        dropped=[
            Dropped("per_sentence_cap", "zh", "cloze", sentence=2, fact="f2"),
            Dropped("trivial_target", "vi", "cloze", sentence=2, fact="f2"),
            Dropped("trivial_target", "zh", "single_choice", sentence=2, fact="f2"),
            Dropped("trivial_target", "vi", "cloze", sentence=0, fact="f0"),
        ],
    )


def test_each_sentence_has_one_outcome_in_document_order():
    outcomes = sentence_outcomes(_analysis(), _report())
    assert [o.status for o in outcomes] == [
        ASKED,
        UNPAIRED,
        DROPPED,
        NO_ANCHOR,
        NO_FACT,
        NO_QUESTION,
    ]
    assert [o.sentence for o in outcomes] == list(range(6))
    assert [o.paragraph for o in outcomes] == [0, 0, 0, 1, 1, 1]


def test_questions_are_counted_per_language_on_the_sentence_of_their_fact():
    asked = sentence_outcomes(_analysis(), _report())[0]
    assert asked.questions == {"zh": 1, "vi": 2}
    assert asked.total == 3
    assert asked.reasons == []  # a sentence that gave questions lists no dropped reason


def test_a_dropped_sentence_lists_its_reason_codes_most_frequent_first():
    dropped = sentence_outcomes(_analysis(), _report())[2]
    assert dropped.reasons == ["trivial_target", "per_sentence_cap"]
    assert dropped.questions == {"zh": 0, "vi": 0}


def test_a_question_without_a_fact_counts_on_the_sentence_its_source_comes_from():
    report = GenerationReport(questions=[_question("", "vi", "matching", "Cầu xây năm 1865.")])
    outcomes = sentence_outcomes(_analysis(), report)
    assert outcomes[2].status == ASKED and outcomes[2].questions["vi"] == 1


def test_the_document_report_counts_facts_and_questions_by_type_and_language():
    summary = document_report(_analysis(), _report())
    assert summary.facts == 3
    assert summary.questions == 3
    assert summary.by_type == [("cloze", {"zh": 1, "vi": 1}), ("true_false", {"zh": 0, "vi": 1})]
    assert [o.sentence for o in summary.silent] == [1, 2, 3, 4, 5]
    assert summary.clutter == [Clutter("byline", "责任编辑：张三", "zh")]
    assert summary.advice == []  # advice only for a document that gave nothing


def test_a_document_that_gives_nothing_gets_advice():
    summary = document_report(_analysis(), GenerationReport(dropped=_report().dropped))
    assert summary.questions == 0
    assert summary.advice == [FEW_ANCHORS, PLAIN_STATEMENTS, ALL_DROPPED]


def test_mostly_unpaired_sentences_ask_for_both_languages_sentence_by_sentence():
    a = _analysis()
    for s in a.sentences[2:5]:
        s.vi = None
    summary = document_report(a, GenerationReport())
    assert summary.advice[0] == MOSTLY_UNPAIRED


def test_a_one_language_text_is_told_it_needs_the_other_language():
    a = analyse("Bờ hồ\n\nHôm nay chúng tôi đi dạo bên hồ. Trời rất đẹp.")
    summary = document_report(a, generate_report(a))
    assert summary.questions == 0
    assert summary.advice == [ONE_LANGUAGE, FEW_ANCHORS]
    assert {o.status for o in summary.sentences} == {NO_ANCHOR}


def test_sentences_with_shared_names_but_no_fact_ask_for_plain_statements():
    a = _analysis()
    a.facts = []
    summary = document_report(a, GenerationReport())
    assert PLAIN_STATEMENTS in summary.advice


def test_a_bilingual_text_without_names_numbers_or_dates_is_told_to_add_facts():
    a = analyse(
        "湖边\n\n我们今天去了湖边散步。天气很好。\n\n"
        "Bờ hồ\n\nHôm nay chúng tôi đi dạo bên hồ. Trời rất đẹp."
    )
    summary = document_report(a, generate_report(a))
    assert summary.questions == 0
    assert FEW_ANCHORS in summary.advice
    assert [o.status for o in summary.sentences] == [NO_ANCHOR, NO_ANCHOR]
    assert [c.kind for c in summary.clutter] == ["title", "title"]
