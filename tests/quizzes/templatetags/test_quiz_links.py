"""quizzes.templatetags.quiz_links: the document page (content's) lists only the quizzes the user
may open: practice quizzes, their own, and those assigned to their class once open; never
another class's exam (its title and link). The quizzes app draws those buttons, so content
imports nothing of quizzes."""

from datetime import timedelta

from django.template import Context, Template
from django.utils import timezone

from accounts.models import Classroom
from quizzes.models import Assignment


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


def test_the_tag_draws_a_button_per_quiz_in_one_query(make_quiz, alice, django_assert_num_queries):
    first = make_quiz(title="First practice")
    second = make_quiz(title="Second practice", document=first.document)
    template = Template("{% load quiz_links %}{% document_quizzes user document %}")
    with django_assert_num_queries(1):
        html = template.render(Context({"user": alice, "document": first.document}))
    assert first.get_absolute_url() in html and second.get_absolute_url() in html
    assert html.count('class="button"') == 2
