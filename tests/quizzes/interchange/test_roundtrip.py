"""Every shipped question (generated from content/documents/) goes out as GIFT and as Moodle XML
and comes back with every field the same: type, language, prompt, answer, options, title and
category. GIFT keeps no display order for matching and ordering (Moodle shuffles them itself), so
there only the set of options is compared."""

from pathlib import Path

import pytest

from quizzes.interchange import gift, moodle_xml
from quizzes.interchange.model import Item

DOCUMENTS = Path(__file__).resolve().parents[3] / "content" / "documents"


@pytest.fixture(scope="module")
def shipped() -> list[Item]:
    from content.lang import analyse, decode
    from quizzes.generation import generate

    items = []
    for path in sorted(DOCUMENTS.glob("*.txt")):
        for number, q in enumerate(generate(analyse(decode(path.read_bytes())))):
            items.append(
                Item(
                    q.type,
                    q.language,
                    q.prompt,
                    q.answer,
                    list(q.choices),
                    title=f"{path.stem} {number}",
                    category=f"dongxi/{path.stem}/{q.language}",
                )
            )
    assert len(items) > 100
    return items


def _fields(item: Item, *, ordered: bool = True) -> tuple:
    choices = item.choices if ordered else sorted(item.choices)
    # The right answers of a multiple-choice question are a set: both formats list them in the
    # order of the options.
    answer = sorted(item.answer) if item.type == "multiple_choice" else item.answer
    return (
        item.type,
        item.language,
        item.prompt,
        answer,
        choices,
        item.title,
        item.category,
        item.feedback,
        item.weights,
        item.subset,
    )


def test_every_shipped_question_survives_gift(shipped):
    text, skipped = gift.dumps(shipped)
    result = gift.parse(text)
    assert result.errors == []
    back = {item.title: item for item in result.items}
    assert len(back) + len(skipped) == len(shipped)
    for item in shipped:
        if item.title in back:
            ordered = item.type not in ("matching", "ordering")
            assert _fields(back[item.title], ordered=ordered) == _fields(item, ordered=ordered)
    # What GIFT cannot carry is named, with its reason, and is rare.
    assert len(skipped) <= len(shipped) // 50, skipped


def test_every_shipped_question_survives_moodle_xml(shipped):
    text, skipped = moodle_xml.dumps(shipped)
    assert skipped == []
    result = moodle_xml.parse(text)
    assert result.errors == []
    # Moodle shuffles matching options and ordering items itself: their display order stays
    # ours.
    unordered = ("matching", "ordering")
    assert [_fields(i, ordered=i.type not in unordered) for i in result.items] == [
        _fields(i, ordered=i.type not in unordered) for i in shipped
    ]
