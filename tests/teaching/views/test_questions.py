"""Authoring: pick a document and a type, write the question with validation, see it as the
learner will (live preview), edit in place in the bank."""

from html import unescape

import pytest
from django.urls import reverse

from quizzes.models import Question

# type -> (form data, the stored answer, the stored choices as a set or None)
VALID = {
    "cloze": (
        {
            "language": "vi",
            "prompt": "Thủ đô là ____.",
            "answer": "Hà Nội",
            "alternatives": "Ha Noi",
        },
        ["Hà Nội", "Ha Noi"],
        None,
    ),
    "single_choice": (
        {
            "language": "zh",
            "prompt": "____承担了任务。",
            "answer": "江苏省",
            "wrong": "广东省\n山东省",
        },
        "江苏省",
        {"江苏省", "广东省", "山东省"},
    ),
    "multiple_choice": (
        {
            "language": "vi",
            "prompt": "Chọn địa danh:",
            "right": "Giang Tô\nTân Cương",
            "wrong": "kinh tế",
        },
        ["Giang Tô", "Tân Cương"],
        {"Giang Tô", "Tân Cương", "kinh tế"},
    ),
    "true_false": (
        {"language": "vi", "prompt": "Hà Nội ở miền Nam.", "answer": "false"},
        False,
        None,
    ),
    "matching": (
        {
            "language": "vi",
            "prompt": "Ghép đôi:",
            "pairs": "Giang Tô -> Tân Cương\nThượng Hải → Tây Tạng",
            "extra": "Tứ Xuyên",
        },
        [["Giang Tô", "Tân Cương"], ["Thượng Hải", "Tây Tạng"]],
        {"Tân Cương", "Tây Tạng", "Tứ Xuyên"},
    ),
    "ordering": (
        {"language": "zh", "prompt": "排列：", "items": "经济\n教育\n医疗"},
        ["经济", "教育", "医疗"],
        {"经济", "教育", "医疗"},
    ),
    "translation": (
        {"language": "zh", "prompt": "“江苏”用越南语怎么说？", "answer": "Giang Tô"},
        "Giang Tô",
        None,
    ),
}


def test_the_picker_leads_to_the_form_of_the_chosen_type(teacher_client, document):
    response = teacher_client.get(
        reverse("teaching:question_new"), {"document": document.slug, "type": "matching"}
    )
    assert response["Location"] == reverse(
        "teaching:question_create", args=[document.slug, "matching"]
    )
    page = teacher_client.get(reverse("teaching:question_new"), {"document": document.slug})
    assert page.status_code == 200 and page.context["form"].initial["document"] == document.slug


@pytest.mark.parametrize("qtype", list(VALID))
def test_a_question_of_every_type_is_saved_as_the_teachers_draft(
    teacher_client, teacher, document, qtype
):
    data, answer, choices = VALID[qtype]
    url = reverse("teaching:question_create", args=[document.slug, qtype])
    response = teacher_client.post(url, {**data, "sentence": "0"})
    question = Question.objects.get()
    assert response["Location"] == reverse("teaching:question_edit", args=[question.pk])
    assert (question.type, question.status, question.origin, question.author) == (
        qtype, "draft", "authored", teacher,
    )  # fmt: skip
    assert question.answer == answer
    if choices is None:
        assert question.choices == []
    else:
        assert set(question.choices) == choices
    if qtype == "ordering":
        assert question.choices != question.answer, "never shown in the right order"
    sentence = document.sentences.get()
    other = "vi" if data["language"] == "zh" else "zh"
    source, translation = getattr(sentence, data["language"]), getattr(sentence, other)
    assert (question.source, question.source_translation) == (source, translation)


@pytest.mark.parametrize(
    ("qtype", "data", "message"),
    [
        (
            "cloze",
            {"language": "vi", "prompt": "Thủ đô là Hà Nội.", "answer": "Hà Nội"},
            "Mark the blank in the question with ____.",
        ),
        (
            "single_choice",
            {"language": "vi", "prompt": "?", "answer": "a", "wrong": "a"},
            "The option “a” is given twice.",
        ),
        (
            "multiple_choice",
            {"language": "vi", "prompt": "?", "right": "a\nb", "wrong": "a\nb"},
            "The option “a” is given twice.",
        ),
        (
            "matching",
            {"language": "vi", "prompt": "?", "pairs": "a -> 1\nb 2"},
            "Line 2 has no “->” between the item and its match.",
        ),
        (
            "matching",
            {"language": "vi", "prompt": "?", "pairs": "a -> 1"},
            "Give at least two pairs.",
        ),
        (
            "ordering",
            {"language": "vi", "prompt": "?", "items": "a\na"},
            "The item “a” is given twice.",
        ),
        (
            "translation",
            {"language": "vi", "prompt": "", "answer": "江苏"},
            "This field is required.",
        ),
    ],
)
def test_a_bad_question_is_explained_and_nothing_is_saved(
    teacher_client, document, qtype, data, message
):
    url = reverse("teaching:question_create", args=[document.slug, qtype])
    response = teacher_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert message in unescape(response.content.decode())
    assert not Question.objects.exists()


def test_messages_speak_the_teachers_language(teacher_client, document):
    url = reverse("teaching:question_create", args=[document.slug, "cloze"])
    response = teacher_client.post(url, {"language": "vi", "prompt": "x", "answer": ""})
    assert response.status_code == 200
    assert "This field is required." not in response.content.decode(), "Vietnamese by default"


def test_an_unknown_type_is_not_found(teacher_client, document):
    assert (
        teacher_client.get(
            reverse("teaching:question_create", args=[document.slug, "essay"])
        ).status_code
        == 404
    )


def test_a_sentence_without_text_in_the_questions_language_is_refused(teacher_client, document):
    from content.models import Sentence

    Sentence.objects.filter(index=0).update(vi="")
    url = reverse("teaching:question_create", args=[document.slug, "true_false"])
    response = teacher_client.post(
        url,
        {"language": "vi", "prompt": "Đúng?", "answer": "true", "sentence": "0"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "This sentence has no text in the question's language." in unescape(
        response.content.decode()
    )


def test_the_edit_form_starts_from_the_question_and_its_sentence(teacher_client, bank):
    matching = next(q for q in bank if q.type == "matching" and q.language == "vi")
    form = teacher_client.get(reverse("teaching:question_edit", args=[matching.pk])).context["form"]
    assert form.initial["pairs"].splitlines()[0] == "Giang Tô -> Tân Cương"
    assert form.initial["sentence"] == 0


def test_editing_keeps_the_order_options_are_shown_in(teacher_client, bank):
    single = next(q for q in bank if q.type == "single_choice" and q.language == "vi")
    url = reverse("teaching:question_edit", args=[single.pk])
    form = teacher_client.get(url).context["form"]
    data = {**form.initial, "prompt": "Tỉnh nào ____ hỗ trợ Tân Cương?", "sentence": "0"}
    response = teacher_client.post(url, data)
    assert response.status_code == 302
    single.refresh_from_db()
    assert single.prompt == "Tỉnh nào ____ hỗ trợ Tân Cương?"
    assert single.choices == ["Giang Tô", "Quảng Đông", "Sơn Đông", "Chiết Giang"]
    assert single.origin == "authored", "an edited generated question becomes the teacher's"


def test_editing_in_place_returns_the_form_then_the_fresh_row(teacher_client, bank):
    question = next(q for q in bank if q.type == "true_false" and q.language == "vi")
    url = reverse("teaching:question_edit", args=[question.pk])
    editor = teacher_client.get(url, HTTP_HX_REQUEST="true")
    html = editor.content.decode()
    assert html.lstrip().startswith(f'<div class="editor" id="editor-{question.pk}">')
    assert 'hx-target="closest .question-row"' in html
    assert editor["Vary"] == "HX-Request, Cookie" or "HX-Request" in editor["Vary"]

    bad = teacher_client.post(url, {"language": "vi", "prompt": ""}, HTTP_HX_REQUEST="true")
    assert bad.content.decode().lstrip().startswith('<div class="editor"')
    assert "errorlist" in bad.content.decode()

    data = {"language": "vi", "prompt": "Sai: Giang Tô ở Tây Tạng.", "answer": "false"}
    good = teacher_client.post(url, {**data, "sentence": "0"}, HTTP_HX_REQUEST="true")
    assert (
        good.content.decode()
        .lstrip()
        .startswith(f'<li class="question-row status-draft" id="question-{question.pk}"')
    )
    assert "Sai: Giang Tô ở Tây Tạng." in good.content.decode()


def test_the_preview_shows_the_question_as_the_learner_will_see_it(teacher_client, document):
    url = reverse("teaching:question_preview", args=[document.slug, "single_choice"])
    data = VALID["single_choice"][0]
    response = teacher_client.post(url, data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "____承担了任务。" in html
    for option in ("江苏省", "广东省", "山东省"):
        assert option in html
    assert 'type="radio" name="response"' in html and "disabled" in html
    assert "江苏省" not in html.split("value=")[0], "nothing says which option is right"
    assert not Question.objects.exists(), "a preview saves nothing"


def test_the_preview_of_an_incomplete_question_lists_what_is_missing(teacher_client, document):
    url = reverse("teaching:question_preview", args=[document.slug, "matching"])
    response = teacher_client.post(
        url, {"language": "vi", "prompt": "Ghép", "pairs": "a -> 1"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Give at least two pairs." in response.content.decode()


def test_the_preview_of_an_edit_uses_the_shown_order(teacher_client, bank):
    ordering = next(q for q in bank if q.type == "ordering" and q.language == "vi")
    url = reverse("teaching:question_preview", args=[ordering.document.slug, "ordering"])
    data = {"language": "vi", "prompt": ordering.prompt, "items": "\n".join(ordering.answer)}
    response = teacher_client.post(f"{url}?question={ordering.pk}", data)
    assert response.context["preview"].choices == ordering.choices
