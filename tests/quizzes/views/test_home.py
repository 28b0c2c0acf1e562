"""The home page: a learner's assignments first, then their classes and the documents, in a
fixed number of queries."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from accounts.models import Classroom
from content.models import Document
from quizzes import taking
from quizzes.models import Assignment


def _documents(n: int) -> None:
    Document.objects.bulk_create(
        Document(slug=f"doc-{i}", title_vi=f"Tài liệu {i}", languages="vi", source_text="x")
        for i in range(n)
    )


def test_a_student_sees_their_classes_with_the_teacher(alice_client, alice, teacher):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice)
    Classroom.objects.create(name="Someone else's class", teacher=teacher)
    html = alice_client.get(reverse("quizzes:home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Lớp 10A" in html and "Teacher: tess" in html
    assert "Someone else" not in html


def test_a_teacher_sees_the_join_codes_of_their_classes(teacher_client, teacher):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    assert classroom.join_code in teacher_client.get(reverse("quizzes:home")).content.decode()


def _assign(classroom, quiz, opens_hours=-1, closes_hours=None):
    now = timezone.now()
    closes = now + timedelta(hours=closes_hours) if closes_hours is not None else None
    return Assignment.objects.create(
        classroom=classroom,
        quiz=quiz,
        opens_at=now + timedelta(hours=opens_hours),
        closes_at=closes,
    )


def test_a_student_sees_open_assignments_first_then_upcoming_ones_with_their_score(
    alice_client, alice, teacher, make_quiz
):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice)
    done = make_quiz([("true_false", "vi")], owner=teacher, title="Bài đã làm")
    _assign(classroom, done, closes_hours=48)
    _assign(classroom, make_quiz([("cloze", "vi")], owner=teacher, title="Bài mới"))
    _assign(classroom, make_quiz([("cloze", "vi")], owner=teacher, title="Bài sau"), 24, 72)
    _assign(classroom, make_quiz([("cloze", "vi")], owner=teacher, title="Bài cũ"), -48, -24)
    attempt = taking.start_attempt(done, alice)
    taking.record_answer(attempt.items.select_related("attempt__quiz", "question").get(), True)
    html = alice_client.get(reverse("quizzes:home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert html.index("Your assignments") < html.index("Your classes")
    assert html.index("Bài đã làm") < html.index("Bài mới") < html.index("Bài sau")
    assert "Best score: 100%" in html and "Not started" in html and "Opens " in html
    assert "Bài cũ" not in html, "a closed assignment is no longer on the home page"
    assert reverse("quizzes:quiz", args=[done.pk]) in html


def test_the_home_page_query_count_does_not_grow_with_classes_documents_or_assignments(
    alice_client, alice, teacher, make_quiz, django_assert_num_queries
):
    for i in range(5):
        classroom = Classroom.objects.create(name=f"class {i}", teacher=teacher)
        classroom.students.add(alice)
        quiz = make_quiz([("cloze", "vi")], owner=teacher, title=f"quiz {i}")
        _assign(classroom, quiz, opens_hours=-1 if i % 2 else 5)
        if i == 1:
            taking.finish_attempt(taking.start_attempt(quiz, alice))
    _documents(10)
    # session, user, the learner's settings (issue 20), today's ratings and the cards due today
    # (one "due today", issue 16), review days (streak), assignments (with their quizzes,
    # documents, classes and the best scores: one query), classes with their teachers, documents
    with django_assert_num_queries(9):
        assert alice_client.get(reverse("quizzes:home")).status_code == 200


def test_the_home_page_shows_cards_due_today_the_streak_and_links_to_progress(alice_client):
    html = alice_client.get(reverse("quizzes:home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "0 cards due today" in html and "a streak of 0 days" in html
    assert reverse("progress:dashboard") in html
