"""Every teacher view, visited by someone who may not use it: an anonymous visitor is sent to
log in, a student is refused (403), another teacher finds nothing (404) where the view is about
something of Tess's, and the wrong HTTP method is refused (405)."""

import pytest
from django.urls import reverse

from accounts.models import Classroom
from quizzes.models import Question

# name, URL arguments (from the fixtures), method, whether it is about something of Tess's
VIEWS = [
    ("teach:questions", [], "get", False),
    ("teach:question_bulk", [], "post", False),
    ("teach:question_new", [], "get", False),
    ("teach:question_create", ["slug", "cloze"], "get", False),
    ("teach:question_create", ["slug", "cloze"], "post", False),
    ("teach:question_preview", ["slug", "cloze"], "post", False),
    ("teach:question_edit", ["question"], "get", True),
    ("teach:question_edit", ["question"], "post", True),
    ("teach:question_status", ["question"], "post", True),
    ("teach:question_import", [], "get", False),
    ("teach:question_import", [], "post", False),
    ("teach:question_export_gift", [], "get", False),
    ("teach:question_export_xml", [], "get", False),
    ("classes:create", [], "post", False),
    ("classes:detail", ["classroom"], "get", True),
    ("classes:rename", ["classroom"], "post", True),
    ("classes:new_code", ["classroom"], "post", True),
    ("classes:remove", ["classroom", "alice"], "post", True),
]
IDS = [f"{name}-{method}" for name, _, method, _ in VIEWS]
WRONG = {"get": "post", "post": "get"}


@pytest.fixture
def objects(authored, document, teacher, alice):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice)
    return {
        "slug": document.slug,
        "question": authored.pk,
        "classroom": classroom.pk,
        "alice": alice.pk,
        "cloze": "cloze",
    }


def _url(objects, name, args):
    return reverse(name, args=[objects[a] for a in args])


@pytest.mark.parametrize(("name", "args", "method", "owned"), VIEWS, ids=IDS)
def test_an_anonymous_visitor_is_sent_to_log_in(client, objects, name, args, method, owned):
    url = _url(objects, name, args)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


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
    url = _url(objects, "teach:question_preview", ["slug", "cloze"])
    assert client.post(f"{url}?question={objects['question']}").status_code == 404


def test_another_teachers_bulk_action_leaves_tesss_question_alone(client, other_teacher, objects):
    client.force_login(other_teacher)
    client.post(
        reverse("teach:question_bulk"), {"action": "published", "ids": [objects["question"]]}
    )
    assert Question.objects.get(pk=objects["question"]).status == "draft"


def test_another_teacher_sees_neither_tesss_draft_nor_her_class(client, other_teacher, objects):
    client.force_login(other_teacher)
    assert "Thủ đô của Việt Nam" not in client.get(reverse("teach:questions")).content.decode()
    assert "Lớp 10A" not in client.get(reverse("classes:list")).content.decode()
    assert "Thủ đô" not in client.get(reverse("teach:question_export_xml")).content.decode()


def test_students_see_no_teacher_link(alice_client):
    html = alice_client.get(reverse("home")).content.decode()
    assert reverse("teach:questions") not in html
