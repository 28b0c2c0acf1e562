"""teaching.bank_exchange, without the web: the items an export of stored questions holds, and
a GIFT or Moodle XML import saved all or nothing as the teacher's drafts."""

from quizzes.models import Question
from teaching import bank_exchange

GOOD = """\
::capital::Thủ đô của Việt Nam là {=Hà Nội =Ha Noi} phải không?

::tf::Hà Nội ở miền Nam.{F}
"""
BROKEN = "\n::broken::This never closes {=a ~b\n"


def test_an_export_item_names_the_document_and_the_language_in_its_category(bank):
    question = bank[0]
    (item,) = bank_exchange.items([question])
    assert item.category == f"dongxi/{question.document.slug}/{question.language}"
    assert item.title == (question.title or f"{question.document.slug} {question.pk}")
    assert (item.type, item.prompt, item.answer) == (
        question.type,
        question.prompt,
        question.answer,
    )


def test_moodle_xml_is_told_from_gift_by_its_start():
    assert bank_exchange.is_moodle_xml("\ufeff  <?xml version='1.0'?><quiz></quiz>")
    assert bank_exchange.is_moodle_xml("<quiz></quiz>")
    assert not bank_exchange.is_moodle_xml("<b>Bold</b> question {T}")


def test_a_valid_file_becomes_the_teachers_drafts(document, teacher):
    report = bank_exchange.import_gift(document, GOOD, teacher, import_valid=False)
    assert (report.total, report.imported, report.invalid) == (2, 2, [])
    drafts = Question.objects.filter(document=document, author=teacher)
    assert {q.status for q in drafts} == {Question.Status.DRAFT}
    assert {q.origin for q in drafts} == {Question.Origin.AUTHORED}


def test_one_invalid_question_blocks_the_import_unless_the_valid_ones_are_asked_for(
    document, teacher
):
    blocked = bank_exchange.import_gift(document, GOOD + BROKEN, teacher, import_valid=False)
    assert blocked.blocked and blocked.imported == 0
    assert [i.title for i in blocked.invalid] == ["broken"]
    assert not Question.objects.filter(author=teacher).exists()
    valid = bank_exchange.import_gift(document, GOOD + BROKEN, teacher, import_valid=True)
    assert valid.imported == 2 and not valid.blocked


def test_a_file_over_the_limit_is_refused_whole(document, teacher, monkeypatch):
    monkeypatch.setattr(bank_exchange, "MAX_IMPORT_QUESTIONS", 1)
    report = bank_exchange.import_gift(document, GOOD, teacher, import_valid=True)
    assert report.too_many and report.imported == 0
    assert not Question.objects.filter(author=teacher).exists()
