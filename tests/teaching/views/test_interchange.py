"""GIFT import into the bank (all or nothing, errors by line) and GIFT / Moodle XML export of
the filtered bank."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import Question

IMPORT = reverse("teaching:question_import")
GIFT = reverse("teaching:question_export_gift")
XML = reverse("teaching:question_export_xml")

GOOD = """\
::capital::Thủ đô của Việt Nam là {=Hà Nội =Ha Noi} phải không?

::tf::Hà Nội ở miền Nam.{F}
"""
BAD = (
    GOOD
    + """
::broken::This never closes {=a ~b

::num::How many? {#3}
"""
)


def _upload(client, text, document, **extra):
    upload = SimpleUploadedFile("bank.gift", text.encode("utf-8"), content_type="text/plain")
    data = {"document": document.slug, "file": upload, **extra}
    return client.post(IMPORT, data, HTTP_ACCEPT_LANGUAGE="en")


def test_a_valid_file_is_imported_as_the_teachers_drafts(teacher_client, teacher, document):
    response = _upload(teacher_client, GOOD, document)
    assert response.status_code == 200
    assert "2 questions were imported as drafts." in response.content.decode()
    cloze, tf = Question.objects.order_by("id")
    assert (cloze.type, cloze.prompt, cloze.answer) == (
        "cloze", "Thủ đô của Việt Nam là ____ phải không?", ["Hà Nội", "Ha Noi"],
    )  # fmt: skip
    assert (tf.type, tf.answer, tf.language) == ("true_false", False, "vi")
    assert {(q.status, q.origin, q.author, q.document) for q in (cloze, tf)} == {
        ("draft", "authored", teacher, document)
    }


def test_nothing_is_imported_while_a_question_is_invalid(teacher_client, document):
    response = _upload(teacher_client, BAD, document)
    html = response.content.decode()
    assert "2 of 4 questions have errors" in html
    assert "Line 5" in html and "The answer block opened with { is never closed with }." in html
    assert "Line 7" in html and "Numerical questions ({#…}) are not supported." in html
    assert "Nothing was imported." in html
    assert not Question.objects.exists()


def test_the_teacher_may_choose_to_import_the_valid_ones(teacher_client, document):
    response = _upload(teacher_client, BAD, document, import_valid="on")
    assert "2 questions were imported as drafts." in response.content.decode()
    assert "Line 5" in response.content.decode(), "the errors are still listed"
    assert Question.objects.count() == 2


def test_a_file_that_is_not_utf8_is_explained(teacher_client, document):
    upload = SimpleUploadedFile("bank.gift", "Hà Nội {T}".encode("utf-16"))
    response = teacher_client.post(
        IMPORT, {"document": document.slug, "file": upload}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "save it as UTF-8 text" in response.content.decode()
    assert not Question.objects.exists()


def test_an_empty_file_says_it_holds_no_question(teacher_client, document):
    response = _upload(teacher_client, "// only a comment\n", document)
    assert "The file holds no question." in response.content.decode()


def test_the_export_follows_the_filters_and_names_its_file(teacher_client, bank, authored):
    response = teacher_client.get(GIFT, {"language": "vi"})
    assert response["Content-Disposition"] == 'attachment; filename="questions.gift"'
    text = response.content.decode()
    assert "$CATEGORY: dongxi/doi-khau/vi" in text and "/zh" not in text
    assert text.count("::doi-khau ") == 8  # seven generated types in Vietnamese, and tess's own


def test_the_xml_export_is_moodle_xml(teacher_client, bank):
    response = teacher_client.get(XML, {"type": "ordering"})
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    text = response.content.decode()
    assert text.count('<question type="ordering">') == 2


def test_what_a_teacher_may_not_read_is_not_exported(client, other_teacher, authored, bank):
    client.force_login(other_teacher)
    assert "Thủ đô" not in client.get(GIFT).content.decode(), "tess's draft stays hers"


def test_an_exported_bank_imports_back_the_same_questions(teacher_client, bank, document):
    text = teacher_client.get(GIFT).content.decode()
    Question.objects.all().delete()
    _upload(teacher_client, text, document)
    back = {(q.type, q.language, q.prompt, str(q.answer)) for q in Question.objects.all()}
    assert back == {(q.type, q.language, q.prompt, str(q.answer)) for q in bank}


def test_an_exported_moodle_xml_bank_imports_back_the_same_questions(
    teacher_client, bank, document
):
    text = teacher_client.get(XML).content.decode()
    Question.objects.all().delete()
    response = _upload(teacher_client, text, document)
    assert "were imported as drafts" in response.content.decode()
    back = {(q.type, q.language, q.prompt, str(q.answer)) for q in Question.objects.all()}
    assert back == {(q.type, q.language, q.prompt, str(q.answer)) for q in bank}


def test_an_invalid_moodle_xml_question_is_reported_with_its_line(teacher_client, document):
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
        '<question type="essay"><name><text>e</text></name>'
        "<questiontext><text>Viết về Hà Nội.</text></questiontext></question>\n</quiz>\n"
    )
    page = _upload(teacher_client, text, document).content.decode()
    assert "Line 3" in page and "Moodle questions of the type “essay”" in page
    assert not Question.objects.exists()


def test_an_english_gift_question_is_refused_as_not_vietnamese(teacher_client, document):
    page = _upload(teacher_client, "The sun rises in the east.{T}", document).content.decode()
    assert "neither in Chinese nor in Vietnamese" in page
    assert not Question.objects.exists()


def test_titles_categories_feedback_and_weights_are_stored_and_shown(teacher_client, document):
    text = (
        "$CATEGORY: lop/dia-ly\n\n"
        "::Thủ đô::Chọn hai thành phố lớn {~%50%Hà Nội#Đúng. ~%50%Sài Gòn ~%-100%Làng Vũ Đại"
        "####Hai thành phố lớn nhất.}\n"
    )
    response = _upload(teacher_client, text, document)
    assert "1 question was imported as a draft." in response.content.decode()
    question = Question.objects.get()
    assert (question.title, question.tags) == ("Thủ đô", ["lop/dia-ly"])
    assert question.weights == {"Hà Nội": 0.5, "Sài Gòn": 0.5, "Làng Vũ Đại": -1.0}
    assert question.feedback == {
        "general": "Hai thành phố lớn nhất.",
        "answers": {"Hà Nội": "Đúng."},
    }
    page = teacher_client.get(reverse("teaching:questions"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Thủ đô" in page.content.decode() and "lop/dia-ly" in page.content.decode()
    exported = teacher_client.get(GIFT).content.decode()
    assert "~%-100%Làng Vũ Đại" in exported and "####Hai thành phố lớn nhất.}" in exported


def test_a_random_subset_ordering_is_stored_and_shown_in_the_bank(teacher_client, document):
    text = "Sắp xếp các năm {>2 none\n1990\n2000\n2010\n2020\n}"
    _upload(teacher_client, text, document)
    question = Question.objects.get()
    assert (question.answer, question.subset) == (["1990", "2000", "2010", "2020"], 2)
    page = teacher_client.get(reverse("teaching:questions"), HTTP_ACCEPT_LANGUAGE="en")
    assert "2 of 4 items shown" in page.content.decode()
