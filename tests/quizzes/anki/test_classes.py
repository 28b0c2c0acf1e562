"""A class's Anki deck: the notes of the quizzes assigned to it (questions, their facts and
terms), checked by importing into real Anki; downloaded by the class's teacher and students."""

import io
import zipfile
from datetime import timedelta

import pytest
from anki.collection import Collection
from django.urls import reverse
from django.utils import timezone

from accounts.models import Classroom
from quizzes.access import OPERATOR
from quizzes.anki import building
from quizzes.anki.classes import export_class
from quizzes.models import Assignment, ExportJob
from tests.quizzes.anki.test_documents import assert_every_card_renders
from tests.support.anki import finished_attempt, import_apkg, tiny_document

CHOICES = ["single_choice", "multiple_choice", "true_false", "matching", "ordering"]


@pytest.fixture
def classroom(teacher, alice):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice)
    return classroom


@pytest.fixture
def assigned(make_quiz, teacher, classroom):
    quiz = make_quiz([(t, "vi") for t in CHOICES], owner=teacher)
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    return quiz


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def test_a_class_deck_holds_its_assigned_quizzes_notes(assigned, classroom, col, tmp_path):
    path = tmp_path / "class.apkg"
    written = export_class(classroom, path, for_user=OPERATOR)
    import_apkg(col, path)
    # 5 choice questions, 1 cloze for their fact's sentence, 2 bilingual notes for its terms.
    assert col.note_count() == written.notes == 8
    assert len(col.find_notes(f"tag:class-{classroom.pk}")) == 8
    assert len(col.find_notes('"deck:Dongxi::Lớp 10A::Câu hỏi · 问题"')) == 5
    assert_every_card_renders(col)


def test_two_quizzes_of_two_documents_share_notes_and_a_future_one_stays_out(
    assigned, make_quiz, teacher, classroom, col, tmp_path
):
    # A second quiz on the same questions adds nothing new; one on another document adds its
    # question, fact and term; a quiz that opens tomorrow is left out.
    Assignment.objects.create(
        classroom=classroom, quiz=make_quiz([("single_choice", "vi")], owner=teacher)
    )
    tiny = tiny_document()
    other = make_quiz([tiny.questions.get()], owner=teacher, document=tiny, title="Tiny")
    Assignment.objects.create(classroom=classroom, quiz=other)
    future = make_quiz([("single_choice", "zh")], owner=teacher, title="Later")
    Assignment.objects.create(
        classroom=classroom, quiz=future, opens_at=timezone.now() + timedelta(days=1)
    )
    path = tmp_path / "class.apkg"
    export_class(classroom, path, for_user=OPERATOR)
    import_apkg(col, path)
    assert col.note_count() == 8 + 3
    # 5 + the tiny document's question; the Chinese question of the quiz to come is not there.
    assert len(col.find_notes('"deck:Dongxi::Lớp 10A::Câu hỏi · 问题"')) == 6


def test_the_classs_teacher_and_students_download_it(assigned, classroom, client, alice, teacher):
    for user in (teacher, alice):
        client.force_login(user)
        response = client.get(reverse("quizzes:class_deck", args=[classroom.pk]))
        assert f"class-{classroom.pk}.apkg" in response["Content-Disposition"]
        content = b"".join(response.streaming_content)
        assert "collection.anki2" in zipfile.ZipFile(io.BytesIO(content)).namelist()


def test_the_class_pages_link_to_the_deck(assigned, classroom, alice_client, client, teacher):
    url = reverse("quizzes:class_deck", args=[classroom.pk])
    assert url in alice_client.get(reverse("quizzes:class_list")).content.decode()
    client.force_login(teacher)
    assert url in client.get(reverse("quizzes:class_detail", args=[classroom.pk])).content.decode()


def test_anyone_else_finds_nothing(assigned, classroom, client, bob, other_teacher):
    url = reverse("quizzes:class_deck", args=[classroom.pk])
    assert client.get(url).status_code == 302  # anonymous: log in first
    for user in (bob, other_teacher):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert (
            client.post(reverse("quizzes:start_class_export", args=[classroom.pk])).status_code
            == 404
        )


def test_the_wrong_method_is_refused(classroom, alice_client):
    assert alice_client.post(reverse("quizzes:class_deck", args=[classroom.pk])).status_code == 405
    url = reverse("quizzes:start_class_export", args=[classroom.pk])
    assert alice_client.get(url).status_code == 405


def test_a_large_class_deck_is_built_in_the_background(
    assigned, classroom, alice_client, alice, settings, tmp_path, export_dir
):
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 2
    finished_attempt(assigned, alice)  # the keys are hers once she has seen her results
    html = alice_client.get(reverse("quizzes:class_deck", args=[classroom.pk])).content.decode()
    start = reverse("quizzes:start_class_export", args=[classroom.pk])
    assert start in html
    response = alice_client.post(start, HTTP_HX_REQUEST="true")
    job = ExportJob.objects.get(user=alice, kind="class")
    assert response["HX-Push-Url"] == job.get_absolute_url()
    building.run(job.pk)
    job.refresh_from_db()
    assert job.is_ready and job.notes == 8
    assert job.start_url == reverse("quizzes:class_deck", args=[classroom.pk])
