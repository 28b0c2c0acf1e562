"""A teacher manages the documents they added (issue 16, item 6): rename, hide, delete, or
archive one in use; an identical upload opens the existing document; a text lacking one
language is refused, naming it. Lists show only what the viewer should see."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.models import Classroom, User
from content.access import documents_listed_for
from content.models import Document
from quizzes.models import Assignment, Attempt, Quiz
from tests.conftest import PASSWORD

SHIPPED = Path(__file__).resolve().parents[2] / "content" / "documents" / "000_09eee8d4159d2fdc.txt"
TEXT = SHIPPED.read_text(encoding="utf-8")
VI_ONLY = "Hà Nội mùa thu\n\nHà Nội là thủ đô của Việt Nam. Thành phố có nhiều hồ đẹp.\n"
ZH_ONLY = "河内的秋天\n\n河内是越南的首都。这座城市有很多美丽的湖。\n"


@pytest.fixture
def added(teacher_client, teacher):
    teacher_client.post(reverse("content:add"), {"text": TEXT})
    return Document.objects.get(created_by=teacher)


def _url(name, document):
    return reverse(f"teach:{name}", args=[document.slug])


def test_the_owner_renames_and_hides_a_document(teacher_client, added, alice, client):
    Classroom.objects.create(name="A1", teacher=added.created_by).students.add(alice)
    response = teacher_client.post(
        _url("document_manage", added), {"title_vi": "Tên mới", "title_zh": "新名", "hidden": "on"}
    )
    assert response.status_code == 302
    added.refresh_from_db()
    assert (added.title_vi, added.title_zh, added.hidden) == ("Tên mới", "新名", True)
    # Listed for its owner (marked hidden), not for the owner's student.
    owner_list = teacher_client.get(reverse("content:list"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Tên mới" in owner_list.content.decode()
    assert "Hidden from others" in owner_list.content.decode()
    client.force_login(alice)
    assert "Tên mới" not in client.get(reverse("content:list")).content.decode()
    assert "Tên mới" not in client.get(reverse("quizzes:home")).content.decode()
    # Its page still opens by its link.
    assert client.get(added.get_absolute_url()).status_code == 200


def test_a_title_is_required_in_one_language(teacher_client, added):
    response = teacher_client.post(
        _url("document_manage", added), {"title_vi": " ", "title_zh": ""}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Give the document a title" in response.content.decode()


def test_only_the_owner_manages_a_document(added, alice_client, db):
    other = User.objects.create_user("otto", password=PASSWORD, is_teacher=True)
    assert alice_client.get(_url("document_manage", added)).status_code == 403
    alice_client.force_login(other)
    for name in ["document_manage", "document_delete", "document_restore"]:
        assert alice_client.post(_url(name, added)).status_code == 404
    assert alice_client.get(_url("document_delete", added)).status_code == 405
    assert Document.objects.filter(pk=added.pk, archived_at__isnull=True).exists()


def test_an_unused_document_is_deleted(teacher_client, added):
    page = teacher_client.get(_url("document_manage", added), HTTP_ACCEPT_LANGUAGE="en")
    assert "Nobody uses this document yet" in page.content.decode()
    response = teacher_client.post(_url("document_delete", added))
    assert response["Location"] == reverse("content:list")
    assert not Document.objects.filter(pk=added.pk).exists()


def test_a_document_in_use_is_archived_and_the_page_says_so_first(teacher_client, added, alice):
    client = Client()
    classroom = Classroom.objects.create(name="A1", teacher=added.created_by)
    classroom.students.add(alice)
    quiz = Quiz.objects.create(
        title="Exam", document=added, owner=added.created_by, status="published"
    )
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    Attempt.objects.create(quiz=quiz, user=alice, number=1)
    page = teacher_client.get(_url("document_manage", added), HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert "deleting it archives it instead" in html
    assert "1 quiz made by a teacher" in html and "1 attempt at its quizzes" in html
    teacher_client.post(_url("document_delete", added))
    added.refresh_from_db()
    assert added.archived_at is not None
    client.force_login(alice)
    home = client.get(reverse("quizzes:home")).content.decode()
    assert added.title_vi not in home.split('id="documents-heading"')[1]
    # What uses it keeps working: the document page and its quiz still open.
    assert client.get(added.get_absolute_url()).status_code == 200
    assert client.get(quiz.get_absolute_url()).status_code == 200
    # The owner lists it again.
    teacher_client.post(_url("document_restore", added))
    added.refresh_from_db()
    assert added.archived_at is None


def test_an_identical_text_opens_the_existing_document(teacher_client, added):
    # Pasted (CRLF line ends, trailing spaces) or uploaded, it is the same text.
    pasted = TEXT.replace("\n", "  \r\n")
    response = teacher_client.post(reverse("content:add"), {"text": pasted})
    assert response["Location"] == added.get_absolute_url()
    upload = SimpleUploadedFile("again.txt", TEXT.encode("utf-8"))
    response = teacher_client.post(reverse("content:add"), {"file": upload}, follow=True)
    assert response.redirect_chain[-1][0] == added.get_absolute_url()
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    "text, missing", [(VI_ONLY, "No Chinese part"), (ZH_ONLY, "No Vietnamese part")]
)
def test_a_text_lacking_one_language_is_refused_naming_it(teacher_client, db, text, missing):
    response = teacher_client.post(
        reverse("content:add"), {"text": text}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert missing in response.content.decode()
    assert not Document.objects.exists()


def test_lists_show_shipped_documents_own_ones_and_those_of_ones_teachers(added, alice, bob):
    shipped = Document.objects.create(
        slug="shipped", title_vi="Có sẵn", languages="zh,vi", source_text="x", content_hash="x"
    )
    Classroom.objects.create(name="A1", teacher=added.created_by).students.add(alice)
    assert set(documents_listed_for(alice)) == {shipped, added}
    assert set(documents_listed_for(bob)) == {shipped}
    assert set(documents_listed_for(added.created_by)) == {shipped, added}
