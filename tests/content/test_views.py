"""content.views: who may see the document pages, side-by-side reading, the quizzes a document's
page lists (only those the user may open: practice quizzes, their own, and those assigned to
their class once open; never another class's exam), and adding a document."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Classroom
from content.models import Document
from quizzes.models import Assignment, Quiz

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


@pytest.fixture
def listed_quizzes(quiz_document, teacher, alice, bob):
    mine = Classroom.objects.create(name="A1", teacher=teacher)
    mine.students.add(alice)
    other = Classroom.objects.create(name="B1", teacher=teacher)
    other.students.add(bob)
    made = {}
    for title, owner, status in [
        ("Luyện tập", None, "published"),
        ("Bài của A1", teacher, "published"),
        ("Bài của B1", teacher, "published"),
        ("Nháp", teacher, "draft"),
    ]:
        made[title] = Quiz.objects.create(
            title=title, document=quiz_document, owner=owner, status=status
        )
    Assignment.objects.create(classroom=mine, quiz=made["Bài của A1"])
    Assignment.objects.create(classroom=other, quiz=made["Bài của B1"])
    return made


def test_the_document_page_lists_only_the_quizzes_the_viewer_may_open(
    alice_client, quiz_document, listed_quizzes
):
    html = alice_client.get(quiz_document.get_absolute_url()).content.decode()
    assert "Luyện tập" in html and "Bài của A1" in html
    assert "Bài của B1" not in html and "Nháp" not in html
    for title in ["Luyện tập", "Bài của A1"]:
        assert alice_client.get(listed_quizzes[title].get_absolute_url()).status_code == 200


def test_the_owner_sees_their_drafts_on_the_document_page(
    teacher_client, quiz_document, listed_quizzes
):
    html = teacher_client.get(quiz_document.get_absolute_url()).content.decode()
    assert all(title in html for title in listed_quizzes)
