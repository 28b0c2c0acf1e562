"""Every teacher view, visited by someone who may not use it: an anonymous visitor is sent to
log in, a student is refused (403), another teacher finds nothing (404) where the view is about
something of Tess's, and the wrong HTTP method is refused (405)."""

import pytest
from django.urls import reverse

from accounts.models import Classroom
from quizzes.models import Assignment, Question, Quiz, QuizQuestion

# name, URL arguments (from the fixtures), method, whether it is about something of Tess's
VIEWS = [
    ("teaching:questions", [], "get", False),
    ("teaching:question_bulk", [], "post", False),
    ("teaching:question_new", [], "get", False),
    ("teaching:question_create", ["slug", "cloze"], "get", False),
    ("teaching:question_create", ["slug", "cloze"], "post", False),
    ("teaching:question_preview", ["slug", "cloze"], "post", False),
    ("teaching:question_edit", ["question"], "get", True),
    ("teaching:question_edit", ["question"], "post", True),
    ("teaching:question_status", ["question"], "post", True),
    ("teaching:question_import", [], "get", False),
    ("teaching:question_import", [], "post", False),
    ("teaching:question_export_gift", [], "get", False),
    ("teaching:question_export_xml", [], "get", False),
    ("quizzes:class_create", [], "post", False),
    # quizzes:class_detail is also a student's page of their class (tests/accounts/test_invites).
    ("quizzes:class_rename", ["classroom"], "post", True),
    ("quizzes:class_new_code", ["classroom"], "post", True),
    ("quizzes:class_remove_student", ["classroom", "alice"], "post", True),
    ("teaching:quizzes", [], "get", False),
    ("teaching:quiz_create", [], "get", False),
    ("teaching:quiz_create", [], "post", False),
    ("teaching:quiz", ["quiz"], "get", True),
    ("teaching:quiz_settings", ["quiz"], "get", True),
    ("teaching:quiz_settings", ["quiz"], "post", True),
    ("teaching:quiz_status", ["quiz"], "post", True),
    ("teaching:quiz_add", ["quiz"], "post", True),
    ("teaching:quiz_rule", ["quiz"], "post", True),
    ("teaching:quiz_remove", ["quiz", "question"], "post", True),
    ("teaching:quiz_move", ["quiz", "question"], "post", True),
    ("teaching:quiz_statistics", ["quiz"], "get", True),
    ("teaching:quiz_statistics_csv", ["quiz"], "get", True),
    ("teaching:quiz_responses_csv", ["quiz"], "get", True),
    ("teaching:assignment_create", [], "post", False),
    ("teaching:assignment_delete", ["assignment"], "post", True),
]
IDS = [f"{name}-{method}" for name, _, method, _ in VIEWS]
WRONG = {"get": "post", "post": "get"}


@pytest.fixture
def objects(authored, document, teacher, alice):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice)
    quiz = Quiz.objects.create(
        title="Bài của Tess", document=document, owner=teacher, status=Quiz.Status.PUBLISHED
    )
    QuizQuestion.objects.create(quiz=quiz, question=authored, position=1)
    assignment = Assignment.objects.create(classroom=classroom, quiz=quiz)
    return {
        "slug": document.slug,
        "question": authored.pk,
        "classroom": classroom.pk,
        "alice": alice.pk,
        "cloze": "cloze",
        "quiz": quiz.pk,
        "assignment": assignment.pk,
    }


def _url(objects, name, args):
    return reverse(name, args=[objects[a] for a in args])


@pytest.mark.parametrize(("name", "args", "method", "owned"), VIEWS, ids=IDS)
def test_an_anonymous_visitor_is_sent_to_log_in(client, objects, name, args, method, owned):
    url = _url(objects, name, args)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "args", "method", "owned"), VIEWS, ids=IDS)
def test_a_student_is_refused(alice_client, objects, name, args, method, owned):
    response = getattr(alice_client, method)(_url(objects, name, args))
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("name", "args", "method", "owned"),
    [v for v in VIEWS if v[3]],
    ids=[i for i, v in zip(IDS, VIEWS, strict=True) if v[3]],
)
def test_another_teacher_finds_nothing_of_tesss(
    client, other_teacher, objects, name, args, method, owned
):
    client.force_login(other_teacher)
    response = getattr(client, method)(
        _url(objects, name, args), {"status": "retired", "name": "x"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "args", "method", "owned"), VIEWS, ids=IDS)
def test_the_wrong_method_is_refused(teacher_client, objects, name, args, method, owned):
    wrong = WRONG[method]
    if (name, wrong) in {(n, m) for n, _, m, _ in VIEWS}:
        wrong = "put"  # the view takes both GET and POST
    response = getattr(teacher_client, wrong)(_url(objects, name, args))
    assert response.status_code == 405


def test_another_teacher_cannot_preview_from_tesss_question(client, other_teacher, objects):
    client.force_login(other_teacher)
    url = _url(objects, "teaching:question_preview", ["slug", "cloze"])
    assert client.post(f"{url}?question={objects['question']}").status_code == 404


def test_another_teachers_bulk_action_leaves_tesss_question_alone(client, other_teacher, objects):
    client.force_login(other_teacher)
    client.post(
        reverse("teaching:question_bulk"), {"action": "published", "ids": [objects["question"]]}
    )
    assert Question.objects.get(pk=objects["question"]).status == "draft"


def test_another_teacher_sees_neither_tesss_draft_nor_her_class(client, other_teacher, objects):
    client.force_login(other_teacher)
    assert "Thủ đô của Việt Nam" not in client.get(reverse("teaching:questions")).content.decode()
    assert "Lớp 10A" not in client.get(reverse("quizzes:class_list")).content.decode()
    assert "Thủ đô" not in client.get(reverse("teaching:question_export_xml")).content.decode()


OWNED = [v for v in VIEWS if v[3]]
OWNED_IDS = [i for i, v in zip(IDS, VIEWS, strict=True) if v[3]]


@pytest.mark.parametrize(("name", "args", "method", "owned"), OWNED, ids=OWNED_IDS)
def test_htmx_requests_are_refused_the_same_way(
    client, alice, other_teacher, objects, name, args, method, owned
):
    url = _url(objects, name, args)
    response = getattr(client, method)(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )
    client.force_login(alice)
    assert getattr(client, method)(url, HTTP_HX_REQUEST="true").status_code == 403
    client.force_login(other_teacher)
    assert getattr(client, method)(url, HTTP_HX_REQUEST="true").status_code == 404


def test_another_teacher_cannot_assign_tesss_quiz_or_to_her_class(
    client, other_teacher, objects, document
):
    client.force_login(other_teacher)
    toms = Quiz.objects.create(title="Bài của Tom", document=document, owner=other_teacher)
    Quiz.objects.filter(pk=toms.pk).update(status=Quiz.Status.PUBLISHED)
    theirs = Classroom.objects.create(name="Lớp của Tom", teacher=other_teacher)
    for classroom, quiz in [(objects["classroom"], toms.pk), (theirs.pk, objects["quiz"])]:
        data = {"classroom": classroom, "quiz": quiz, "opens_at": "2026-01-01T08:00"}
        client.post(reverse("teaching:assignment_create"), data)
    assert Assignment.objects.count() == 1


def test_another_teachers_quizzes_and_statistics_stay_hidden(client, other_teacher, objects):
    client.force_login(other_teacher)
    assert "Bài của Tess" not in client.get(reverse("teaching:quizzes")).content.decode()
    builder = client.get(reverse("teaching:quiz", args=[objects["quiz"]]))
    assert builder.status_code == 404


def test_a_student_sees_the_assigned_quiz_but_no_statistics_link(alice_client, objects):
    html = alice_client.get(reverse("quizzes:quiz", args=[objects["quiz"]])).content.decode()
    assert reverse("teaching:quiz_statistics", args=[objects["quiz"]]) not in html
    assert reverse("teaching:quiz", args=[objects["quiz"]]) not in html


def test_students_see_no_teacher_link(alice_client):
    html = alice_client.get(reverse("quizzes:home")).content.decode()
    assert reverse("teaching:questions") not in html
    assert reverse("teaching:quizzes") not in html
