"""Reviewing in place: publish, retire or return one question to draft, or many at once."""

from django.urls import reverse

from quizzes.models import Question

LIST = reverse("teaching:questions")
BULK = reverse("teaching:question_bulk")


def _status(pk):
    return Question.objects.get(pk=pk).status


def test_publishing_a_draft_returns_to_the_filtered_list(teacher_client, bank):
    question = bank[0]
    url = reverse("teaching:question_status", args=[question.pk])
    response = teacher_client.post(url, {"status": "published", "next": f"{LIST}?type=cloze"})
    assert response.status_code == 302 and response["Location"] == f"{LIST}?type=cloze"
    assert _status(question.pk) == "published"


def test_with_htmx_the_row_is_redrawn_with_its_new_status(teacher_client, bank):
    question = bank[0]
    url = reverse("teaching:question_status", args=[question.pk])
    response = teacher_client.post(url, {"status": "retired"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith(
        f'<li class="question-row status-retired" id="question-{question.pk}"'
    )
    assert "<html" not in html
    assert _status(question.pk) == "retired"


def test_an_unknown_status_is_refused_with_a_message(teacher_client, bank):
    url = reverse("teaching:question_status", args=[bank[0].pk])
    response = teacher_client.post(url, {"status": "deleted"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert b"Choose draft, published or retired." in response.content
    assert _status(bank[0].pk) == "draft"


def test_a_next_address_on_another_site_is_ignored(teacher_client, bank):
    url = reverse("teaching:question_status", args=[bank[0].pk])
    response = teacher_client.post(url, {"status": "published", "next": "https://evil.example/"})
    assert response["Location"] == LIST


def test_bulk_publishing_changes_only_the_questions_the_teacher_may_change(
    teacher_client, bank, other_teacher, document
):
    theirs = Question.objects.create(
        document=document, type="true_false", language="vi", prompt="?", answer=True,
        author=other_teacher,
    )  # fmt: skip
    ids = [bank[0].pk, bank[1].pk, theirs.pk]
    response = teacher_client.post(
        BULK, {"action": "published", "ids": ids, "next": LIST}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    assert [_status(pk) for pk in ids] == ["published", "published", "draft"]
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["2 questions changed."]


def test_bulk_with_htmx_redraws_the_list_for_its_filters_with_a_notice(teacher_client, bank):
    response = teacher_client.post(
        BULK,
        {"action": "retired", "ids": [q.pk for q in bank[:3]], "next": f"{LIST}?status=draft"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "3 questions changed." in html
    shown = {row.question.pk for row in response.context["rows"]}
    assert shown == {q.pk for q in bank[3:]}, "the list keeps its filter: drafts only"


def test_bulk_without_a_selection_says_so(teacher_client, bank):
    response = teacher_client.post(
        BULK,
        {"action": "published", "next": LIST},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Select at least one question." in response.content.decode()
    response = teacher_client.post(BULK, {"action": "published", "ids": ["x"]})
    assert response.status_code == 302, "a tampered id is a message, not an error page"
    assert not Question.objects.filter(status="published").exists()
