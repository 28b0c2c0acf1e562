"""The documents' teacher views (teaching.views.documents).

The report a teacher reads after adding a document: facts, questions by type and language, the
sentences that gave nothing and why, the alignment warnings in the user's language. Only the
teacher who added the document may read it (any teacher for a document nobody added).

Managing a document one added: rename, hide, delete, or archive one in use, and list it
again."""

from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import Classroom, User
from content.loading import load_text
from content.models import Document
from quizzes.models import Assignment, Attempt, Quiz
from tests.support.users import PASSWORD

SHIPPED = Path(__file__).resolve().parents[3] / "content" / "documents" / "000_09eee8d4159d2fdc.txt"

# Two paragraphs in both languages that name nothing, count nothing and date nothing.
NOTHING = """湖边

我们今天去了湖边散步。天气很好。

大家都很高兴。

Bờ hồ

Hôm nay chúng tôi đi dạo bên hồ. Trời rất đẹp.

Mọi người đều rất vui.
"""


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def nothing(teacher, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return load_text(NOTHING, user=teacher).document


def _get(client, document, lang="en"):
    url = reverse("teaching:document_report", args=[document.slug])
    return client.get(url, HTTP_ACCEPT_LANGUAGE=lang)


def test_adding_a_document_leads_to_its_report(teacher_client):
    response = teacher_client.post(
        reverse("content:add"), {"text": NOTHING}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    document = Document.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "teaching:document_report", args=[document.slug]
    )
    assert "This document gives no question." in response.content.decode()


def test_the_owner_reads_why_a_document_gives_nothing(teacher_client, nothing):
    html = _get(teacher_client, nothing).content.decode()
    assert "This document gives no question." in html
    assert "Add facts a learner can be asked about" in html
    assert "Sentences that gave no question, and why" in html
    assert "我们今天去了湖边散步。" in html and "Trời rất đẹp." in html
    assert html.count("The two languages share no name, number, date or key term in it") == 3
    assert "Layout lines set aside" in html and "Bờ hồ" in html


def test_the_report_is_served_from_the_cache_primed_when_the_document_was_loaded(
    teacher_client, nothing, monkeypatch
):
    def fail(text):
        raise AssertionError("analysed again")

    monkeypatch.setattr("content.lang.analyse", fail)
    assert _get(teacher_client, nothing).status_code == 200


def test_without_the_cache_the_report_is_recomputed_from_the_stored_text(teacher_client, nothing):
    cache.clear()
    assert "This document gives no question." in _get(teacher_client, nothing).content.decode()


def test_a_shipped_document_reports_its_questions_by_type_and_language(teacher_client, db):
    call_command("load_document", str(SHIPPED))
    document = Document.objects.get()
    html = _get(teacher_client, document).content.decode()
    assert "This document gives no question." not in html
    assert 'id="questions-by-type"' in html
    assert "Fill in the blank" in html and "True or false" in html
    assert "<dt>Facts found</dt><dd>19</dd>" in html


def test_alignment_warnings_are_in_the_users_language(teacher_client, teacher):
    text = NOTHING.replace("Mọi người đều rất vui.\n", "")
    document = load_text(text, user=teacher).document
    assert document.problems and document.problems[0]["params"]
    html = _get(teacher_client, document).content.decode()
    # Worded from the code and its params by gettext (content.problems), not the stored message.
    assert "The Chinese part has 2 paragraphs, the Vietnamese part 1." in html
    assert "Chinese paragraph 2 has no Vietnamese counterpart." in html


def test_dropped_reason_codes_are_worded_and_unknown_ones_shown_generically(
    teacher_client, nothing, monkeypatch
):
    from quizzes.generation.model import Dropped, GenerationReport

    def report(analysis):
        return GenerationReport(
            dropped=[
                Dropped("trivial_target", "zh", "cloze", sentence=0),
                Dropped("brand_new_rule", "vi", "cloze", sentence=0),
            ]
        )

    cache.clear()
    monkeypatch.setattr("teaching.document_report.generate_report", report)
    html = _get(teacher_client, nothing).content.decode()
    assert "Every question made from it was left out:" in html
    assert "the answer would be too obvious" in html
    assert "left out by a rule of the generator (brand_new_rule)" in html


def test_another_teacher_finds_nothing(client, other_teacher, nothing):
    client.force_login(other_teacher)
    assert _get(client, nothing).status_code == 404


def test_a_student_is_refused(alice_client, nothing):
    assert _get(alice_client, nothing).status_code == 403


def test_a_visitor_is_sent_to_log_in(client, nothing):
    response = _get(client, nothing)
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )


def test_the_report_takes_get_only(teacher_client, nothing):
    url = reverse("teaching:document_report", args=[nothing.slug])
    assert teacher_client.post(url).status_code == 405


def test_the_reading_page_links_the_owner_to_the_report(teacher_client, nothing):
    url = reverse("teaching:document_report", args=[nothing.slug])
    assert url in teacher_client.get(nothing.get_absolute_url()).content.decode()


def test_the_reading_page_gives_students_no_link_to_the_report(alice_client, nothing):
    url = reverse("teaching:document_report", args=[nothing.slug])
    assert url not in alice_client.get(nothing.get_absolute_url()).content.decode()


def test_a_stored_text_that_no_longer_reads_still_gives_a_report(teacher_client, teacher):
    document = Document.objects.create(slug="broken", source_text="", created_by=teacher)
    html = _get(teacher_client, document).content.decode()
    assert "This document gives no question." in html


def test_the_report_takes_a_fixed_number_of_queries(
    teacher_client, nothing, django_assert_num_queries
):
    # session + user, the document; the figures come from the cache, not the database
    with django_assert_num_queries(3):
        _get(teacher_client, nothing)


# Managing a document one added.


@pytest.fixture
def added(teacher, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return load_text(SHIPPED.read_text(encoding="utf-8"), user=teacher).document


def _url(name, document):
    return reverse(f"teaching:{name}", args=[document.slug])


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
