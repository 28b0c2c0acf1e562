"""content.views: who may see the document pages, side-by-side reading, the quizzes a document's
page lists (only those the user may open: practice quizzes, their own, and those assigned to
their class once open; never another class's exam), and adding a document."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Classroom
from content.models import Document
from quizzes.models import Assignment

SHIPPED = Path(__file__).resolve().parents[2] / "content" / "documents" / "000_09eee8d4159d2fdc.txt"


@pytest.fixture
def document(db):
    call_command("load_document", str(SHIPPED))
    return Document.objects.get()


def test_anonymous_visitors_are_sent_to_log_in(client, document):
    for url in [reverse("content:list"), document.get_absolute_url(), reverse("content:add")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_student_reads_the_document_side_by_side_with_names_highlighted(alice_client, document):
    response = alice_client.get(document.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="passage"') == 6
    assert 'lang="zh-Hans"' in html and 'lang="vi"' in html
    # A name carries its pinyin and Hán-Việt reading, reachable by keyboard focus too.
    assert (
        '<mark class="term term-place" tabindex="0" data-tip="shān dōng · Sơn Đông">山东省</mark>'
        in html
    )
    assert (
        '<mark class="term term-place" tabindex="0" data-tip="山东 · shān dōng · Sơn Đông">'
        "Sơn Đông</mark>"
    ) in html


def test_the_reading_page_takes_a_fixed_number_of_queries(
    alice_client, document, django_assert_num_queries
):
    # session + user, document, terms, sentences with passages, published quizzes
    with django_assert_num_queries(6):
        alice_client.get(document.get_absolute_url())


def test_a_student_may_not_add_documents(alice_client, db):
    assert alice_client.get(reverse("content:add")).status_code == 403
    response = alice_client.post(reverse("content:add"), {"text": SHIPPED.read_text()})
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_a_teacher_pastes_a_document_and_reads_it(teacher_client, db):
    response = teacher_client.post(
        reverse("content:add"), {"text": SHIPPED.read_text(encoding="utf-8")}, follow=True
    )
    document = Document.objects.get()
    # The teacher is shown what was made of it, with a link to read it.
    assert response.redirect_chain[-1][0] == f"/teach/documents/{document.slug}/report/"
    assert document.get_absolute_url() in response.content.decode()
    assert document.slug.startswith("xoa-doi-giam-ngheo")
    assert document.created_by.username == "tess"


def test_a_teacher_uploads_a_utf16_file(teacher_client, db):
    upload = SimpleUploadedFile("doc.txt", SHIPPED.read_text(encoding="utf-8").encode("utf-16"))
    teacher_client.post(reverse("content:add"), {"file": upload})
    assert Document.objects.get().title_zh == "东西部扶贫协作"


@pytest.mark.parametrize(
    "payload, message",
    [
        ({"text": "   "}, "Paste the text of the document or choose a file."),
        ({"file": SimpleUploadedFile("x.txt", b"\x00\x00\x00\x01PNG")}, "binary file"),
        ({"file": SimpleUploadedFile("x.txt", b"a" * (5 * 1024 * 1024 + 1))}, "too large"),
        ({"text": "12345 67890\n\n!!!"}, "No Chinese or Vietnamese text"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(teacher_client, db, payload, message):
    response = teacher_client.post(reverse("content:add"), payload, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_bad_input_is_explained_in_vietnamese_by_default(teacher_client, db):
    response = teacher_client.post(reverse("content:add"), {"text": "   "})
    assert "Hãy dán nội dung tài liệu" in response.content.decode()


# -- the quizzes a document's page lists ----------------------------------------------------


def _buttons(client, document) -> str:
    client.cookies["django_language"] = "en"
    return client.get(document.get_absolute_url()).content.decode()


def test_another_class_exam_is_not_listed(make_quiz, alice, bob, teacher, client):
    exam = make_quiz(owner=teacher, title="Exam of class A")
    classroom = Classroom.objects.create(name="A", teacher=teacher)
    classroom.students.add(alice)
    Assignment.objects.create(classroom=classroom, quiz=exam)
    practice = make_quiz(title="Practice for everyone")
    client.force_login(bob)
    html = _buttons(client, exam.document)
    assert "Exam of class A" not in html and exam.get_absolute_url() not in html
    assert practice.get_absolute_url() in html
    client.force_login(alice)
    assert exam.get_absolute_url() in _buttons(client, exam.document)
    client.force_login(teacher)
    assert exam.get_absolute_url() in _buttons(client, exam.document)


def test_an_exam_not_open_yet_is_not_listed_for_its_class(make_quiz, alice, teacher, client):
    exam = make_quiz(owner=teacher, title="Exam next week")
    classroom = Classroom.objects.create(name="A", teacher=teacher)
    classroom.students.add(alice)
    Assignment.objects.create(
        classroom=classroom, quiz=exam, opens_at=timezone.now() + timedelta(days=7)
    )
    client.force_login(alice)
    html = _buttons(client, exam.document)
    assert "Exam next week" not in html and exam.get_absolute_url() not in html
