"""Pages list only what the viewer may open (issue 16, item 3): the document page's quiz
buttons, the flashcard decks, a learner's classes."""

import pytest
from django.urls import reverse

from accounts.models import Classroom
from quizzes.models import Assignment, Quiz


@pytest.fixture
def quizzes(quiz_document, teacher, alice, bob):
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
    alice_client, quiz_document, quizzes
):
    html = alice_client.get(quiz_document.get_absolute_url()).content.decode()
    assert "Luyện tập" in html and "Bài của A1" in html
    assert "Bài của B1" not in html and "Nháp" not in html
    for title in ["Luyện tập", "Bài của A1"]:
        assert alice_client.get(quizzes[title].get_absolute_url()).status_code == 200


def test_the_owner_sees_their_drafts_on_the_document_page(teacher_client, quiz_document, quizzes):
    html = teacher_client.get(quiz_document.get_absolute_url()).content.decode()
    assert all(title in html for title in quizzes)


def test_decks_list_only_documents_the_learner_may_see_or_studies(
    alice_client, quiz_document, teacher
):
    quiz_document.created_by = teacher
    quiz_document.save()
    html = alice_client.get(reverse("flashcards:decks")).content.decode()
    assert quiz_document.title_vi not in html, "a teacher's document outside the learner's classes"
    Classroom.objects.create(name="A1", teacher=teacher).students.add(
        alice_client.session["_auth_user_id"]
    )
    html = alice_client.get(reverse("flashcards:decks")).content.decode()
    assert quiz_document.title_vi in html


def test_a_learner_opens_each_class_listed_for_them(alice_client, alice, teacher):
    classroom = Classroom.objects.create(name="A1", teacher=teacher)
    classroom.students.add(alice)
    for url in [reverse("quizzes:home"), reverse("quizzes:class_list")]:
        assert classroom.get_absolute_url() in alice_client.get(url).content.decode()
    assert alice_client.get(classroom.get_absolute_url()).status_code == 200
