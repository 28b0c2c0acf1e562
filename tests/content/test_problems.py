"""content.problems: alignment warnings worded from their code and params, in the user's
language; never the pipeline's English message."""

import pytest
from django.utils import translation

from content.lang import analyse
from content.problems import problem_text


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (
            {"code": "paragraph_count", "params": {"zh": 3, "vi": 2}},
            "The Chinese part has 3 paragraphs, the Vietnamese part 2.",
        ),
        (
            {"code": "unaligned_paragraph", "params": {"lang": "vi", "number": 4}},
            "Vietnamese paragraph 4 has no Chinese counterpart.",
        ),
        (
            {"code": "sentence_count", "params": {"paragraph": 2, "zh": 3, "vi": 1}},
            "Paragraph 2 has 3 Chinese and 1 Vietnamese sentences.",
        ),
        (
            {"code": "unaligned_sentence", "params": {"lang": "zh", "paragraph": 1}},
            "A Chinese sentence in paragraph 1 has no Vietnamese counterpart.",
        ),
        (
            {"code": "weak_alignment", "params": {"paragraph": 5}},
            "A sentence pair in paragraph 5 may not be a translation.",
        ),
        (
            {"code": "unpaired_term", "params": {"term": "200", "lang": "zh"}},
            "“200” has no counterpart in the Vietnamese sentence.",
        ),
        (
            {"code": "unpaired_number", "params": {"number": "200万", "lang": "zh", "value": 2e6}},
            "The number 200万 has no counterpart in the Vietnamese sentence.",
        ),
    ],
)
def test_known_codes_are_worded_from_their_params(problem, text):
    assert problem_text({**problem, "message": "ENGLISH"}) == text


def test_a_warning_stored_without_params_gets_a_generic_sentence():
    text = problem_text({"code": "unpaired_term", "message": "The number 200 has no …"})
    assert text == "A name or number has no counterpart in the other language."


def test_an_unknown_code_gets_a_generic_sentence_not_the_english_message():
    assert problem_text({"code": "new_check", "message": "ENGLISH"}) == (
        "Part of the two languages does not line up."
    )


def test_the_pipeline_fills_params_for_every_alignment_problem():
    a = analyse(
        "湖边\n\n还剑湖在河内。\n\n湖上有桥。桥是红色的。\n\n"
        "Bờ hồ\n\nHồ Hoàn Kiếm ở Hà Nội.\n\nTrên hồ có cầu."
    )
    alignment = [p for p in a.problems if p.code != "unpaired_term"]
    assert alignment
    for p in alignment:
        assert p.params, p
        assert problem_text({"code": p.code, "params": p.params}) != (
            "Part of the two languages does not line up."
        )
