"""The quiz builder through the web: a teacher lists their quizzes, creates one with clear
validation, picks questions from the bank (htmx or plain forms), lets a rule pick them, reorders
and removes them, previews the quiz by taking it, and publishes it."""

import json

import pytest
from django.urls import reverse

from quizzes.models import Attempt, Question, Quiz, QuizQuestion
from teaching import building

HX = {"HTTP_HX_REQUEST": "true"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def quiz(document, teacher):
    return Quiz.objects.create(title="Bài kiểm tra 1", document=document, owner=teacher)


@pytest.fixture
def published(make_question):
    return [make_question(t, "vi") for t in ("cloze", "true_false", "single_choice")]


def _settings(**values):
    data = {
        "title": "Bài kiểm tra",
        "language": "vi",
        "order": "fixed",
        "feedback": "immediate",
        "attempts_allowed": 0,
        "pass_mark": 60,
        "shuffle_options": "on",
    }
    return data | values


def test_a_teacher_sees_only_their_own_quizzes(teacher_client, quiz, document, other_teacher):
    Quiz.objects.create(title="Bài của Tom", document=document, owner=other_teacher)
    Quiz.objects.create(title="Luyện tập", document=document, status="published")
    html = teacher_client.get(reverse("teaching:quizzes")).content.decode()
    assert "Bài kiểm tra 1" in html
    assert "Bài của Tom" not in html and "Luyện tập" not in html


def test_creating_a_quiz_makes_a_draft_of_the_teachers(teacher_client, document, teacher):
    response = teacher_client.post(reverse("teaching:quiz_create"), _settings(document=document.pk))
    quiz = Quiz.objects.get(title="Bài kiểm tra")
    assert response["Location"] == reverse("teaching:quiz", args=[quiz.pk])
    assert quiz.owner == teacher and quiz.status == "draft" and quiz.document == document


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"pass_mark": 120}, "pass_mark", "from 0 to 100"),
        ({"time_limit": 0}, "time_limit", "at least one minute"),
        ({"draw": 2}, "draw", "has none yet"),
        ({"attempts_allowed": 1000}, "attempts_allowed", "at most 100"),
        ({"title": ""}, "title", "required"),
    ],
)
def test_bad_settings_are_refused_with_a_clear_message(
    teacher_client, document, values, field, message
):
    data = _settings(document=document.pk, **values)
    response = teacher_client.post(reverse("teaching:quiz_create"), data, **EN)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Quiz.objects.exists()


def test_the_draw_may_not_exceed_the_quizs_questions(teacher_client, quiz, published, teacher):
    building.add(quiz, teacher, [q.pk for q in published])
    url = reverse("teaching:quiz_settings", args=[quiz.pk])
    response = teacher_client.post(url, _settings(draw=4), **EN)
    assert "only 3 questions" in " ".join(response.context["form"].errors["draw"])
    response = teacher_client.post(url, _settings(draw=2, time_limit=15))
    assert response.status_code == 302
    quiz.refresh_from_db()
    assert quiz.draw == 2 and quiz.time_limit == 15


def test_the_builder_lists_the_quiz_and_the_bank_of_its_document(
    teacher_client, quiz, published, teacher
):
    building.add(quiz, teacher, [published[0].pk])
    html = teacher_client.get(reverse("teaching:quiz", args=[quiz.pk]), **EN).content.decode()
    assert f'id="entry-{published[0].pk}"' in html
    assert f'id="pick-{published[1].pk}"' in html
    assert "In the quiz" in html


def test_the_pickers_filters_answer_htmx_with_the_picker_alone(teacher_client, quiz, published):
    url = reverse("teaching:quiz", args=[quiz.pk])
    response = teacher_client.get(url, {"type": "true_false"}, **HX)
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="picker"')
    assert f'id="pick-{published[1].pk}"' in html
    assert f'id="pick-{published[0].pk}"' not in html
    assert "HX-Request" in response["Vary"]


def test_adding_with_htmx_returns_the_list_and_refreshes_the_picker(
    teacher_client, quiz, published
):
    url = reverse("teaching:quiz_add", args=[quiz.pk])
    response = teacher_client.post(url, {"ids": [published[2].pk]}, **HX, **EN)
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="entries"')
    assert "1 question added." in html
    assert "quizChanged" in json.loads(response["HX-Trigger"])
    assert list(quiz.questions.all()) == [published[2]]


def test_adding_with_a_plain_form_goes_back_to_the_filtered_builder(
    teacher_client, quiz, published
):
    url = reverse("teaching:quiz_add", args=[quiz.pk])
    response = teacher_client.post(url, {"ids": [published[0].pk], "query": "type=cloze"})
    assert response["Location"] == reverse("teaching:quiz", args=[quiz.pk]) + "?type=cloze"
    assert quiz.entries.count() == 1


def test_nonsense_ids_are_a_clear_400_not_an_error(teacher_client, quiz):
    url = reverse("teaching:quiz_add", args=[quiz.pk])
    assert teacher_client.post(url, {"ids": ["x"]}).status_code == 400


def test_moving_and_removing_with_htmx(teacher_client, quiz, published, teacher):
    building.add(quiz, teacher, [q.pk for q in published])
    a, b, c = published
    move = reverse("teaching:quiz_move", args=[quiz.pk, c.pk])
    response = teacher_client.post(move, {"direction": "up"}, **HX)
    assert response.content.decode().index(f"entry-{c.pk}") < response.content.decode().index(
        f"entry-{b.pk}"
    )
    remove = reverse("teaching:quiz_remove", args=[quiz.pk, a.pk])
    teacher_client.post(remove, **HX)
    rows = QuizQuestion.objects.filter(quiz=quiz).order_by("position")
    assert [(r.question_id, r.position) for r in rows] == [(c.pk, 1), (b.pk, 2)]
    assert teacher_client.post(move, {"direction": "sideways"}).status_code == 400


def test_a_rule_adds_questions_and_says_how_many(teacher_client, quiz, bank):
    Question.objects.filter(language="zh").update(status=Question.Status.PUBLISHED)
    url = reverse("teaching:quiz_rule", args=[quiz.pk])
    data = {"count": 4, "paragraphs": "1", "types": ["cloze", "matching"], "language": "zh"}
    response = teacher_client.post(url, data, follow=True, **EN)
    assert "Only 2 published questions matched the rule" in response.content.decode()
    assert sorted(quiz.questions.values_list("type", flat=True)) == ["cloze", "matching"]


def test_a_bad_rule_is_explained_on_the_builder(teacher_client, quiz):
    url = reverse("teaching:quiz_rule", args=[quiz.pk])
    response = teacher_client.post(url, {"count": 3, "paragraphs": "2-x"}, **EN)
    assert response.status_code == 422
    assert "“2-x” is not a paragraph number" in response.content.decode()


def test_publishing_explains_what_stops_it(teacher_client, quiz, make_question, teacher):
    draft = make_question("cloze", "vi", status=Question.Status.DRAFT)
    building.add(quiz, teacher, [draft.pk])
    url = reverse("teaching:quiz_status", args=[quiz.pk])
    response = teacher_client.post(url, {"status": "published"}, follow=True, **EN)
    assert "1 question of the quiz is not published" in response.content.decode()
    Question.objects.filter(pk=draft.pk).update(status="published")
    response = teacher_client.post(url, {"status": "published"}, follow=True, **EN)
    assert "The quiz is published" in response.content.decode()
    quiz.refresh_from_db()
    assert quiz.is_published
    teacher_client.post(url, {"status": "draft"})
    quiz.refresh_from_db()
    assert not quiz.is_published
    assert teacher_client.post(url, {"status": "gone"}).status_code == 400


def test_the_owner_previews_a_draft_by_taking_it_as_a_student(teacher_client, quiz, published):
    building.add(quiz, quiz.owner, [published[0].pk])
    page = teacher_client.get(reverse("quizzes:quiz", args=[quiz.pk]), **EN).content.decode()
    assert "take it to see it exactly as your students will" in page
    response = teacher_client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    assert response["Location"] == reverse("quizzes:attempt_item", args=[attempt.pk, 1])


def test_every_field_id_on_the_builder_is_unique(teacher_client, quiz, published):
    import re
    from collections import Counter

    html = teacher_client.get(reverse("teaching:quiz", args=[quiz.pk])).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == []
    for target in re.findall(r'\sfor="([^"]+)"', html):
        assert ids[target] == 1, target
