"""The home page: a learner's classes and the documents, in a fixed number of queries."""

from django.urls import reverse

from accounts.models import Classroom
from content.models import Document


def _documents(n: int) -> None:
    Document.objects.bulk_create(
        Document(slug=f"doc-{i}", title_vi=f"Tài liệu {i}", languages="vi", source_text="x")
        for i in range(n)
    )


def test_a_student_sees_their_classes_with_the_teacher(alice_client, alice, teacher):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice)
    Classroom.objects.create(name="Someone else's class", teacher=teacher)
    html = alice_client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Lớp 10A" in html and "Teacher: tess" in html
    assert "Someone else" not in html


def test_a_teacher_sees_the_join_codes_of_their_classes(teacher_client, teacher):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    assert classroom.join_code in teacher_client.get(reverse("home")).content.decode()


def test_the_home_page_query_count_does_not_grow_with_classes_or_documents(
    alice_client, alice, teacher, django_assert_num_queries
):
    for i in range(5):
        Classroom.objects.create(name=f"class {i}", teacher=teacher).students.add(alice)
    _documents(10)
    # session, user, cards due today, review days (streak), classes with their teachers,
    # documents
    with django_assert_num_queries(6):
        assert alice_client.get(reverse("home")).status_code == 200


def test_the_home_page_shows_cards_due_today_the_streak_and_links_to_progress(alice_client):
    html = alice_client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "0 cards due today" in html and "a streak of 0 days" in html
    assert reverse("dashboard") in html
