"""The question bank's views (teaching.views.questions): the bank page (filters, paging, the
source sentence linked, what a teacher may only read shown without actions), reviewing in place
(publish, retire or return to draft, one or many), and authoring (pick a document and a type,
write the question with validation, see it as the learner will, edit in place in the bank)."""

from html import unescape

import pytest
from django.urls import reverse

from content.models import Document, Passage, Sentence
from quizzes.models import Question

LIST = reverse("teaching:questions")


# The bank page.


def _ids(response) -> set[int]:
    return {row.question.pk for row in response.context["rows"]}


def test_the_bank_lists_every_question_a_teacher_may_read(teacher_client, bank, authored):
    response = teacher_client.get(LIST)
    assert response.status_code == 200
    assert _ids(response) == {q.pk for q in bank} | {authored.pk}
    assert response.context["page"].paginator.count == 15


def test_filters_narrow_by_type_language_status_and_origin(teacher_client, bank, authored):
    response = teacher_client.get(LIST, {"type": "cloze", "language": "vi"})
    (generated,) = [q for q in bank if (q.type, q.language) == ("cloze", "vi")]
    assert _ids(response) == {generated.pk, authored.pk}  # and tess's own
    response = teacher_client.get(LIST, {"type": "cloze", "language": "vi", "origin": "authored"})
    assert _ids(response) == {authored.pk}
    bank[0].status = Question.Status.PUBLISHED
    bank[0].save(update_fields=["status"])
    assert _ids(teacher_client.get(LIST, {"status": "published"})) == {bank[0].pk}


def test_filters_narrow_by_document_and_paragraph(teacher_client, bank, authored, document):
    other = Document.objects.create(slug="khac", title_vi="Khác", languages="vi", source_text="x")
    elsewhere = Question.objects.create(
        document=other,
        type="true_false",
        language="vi",
        prompt="Đúng?",
        answer=True,
        origin=Question.Origin.GENERATED,
    )
    second = Passage.objects.create(document=document, index=1, vi="Đoạn hai.")
    Sentence.objects.create(document=document, passage=second, index=1, vi="Đoạn hai.")
    authored.source = "Đoạn hai."
    authored.save(update_fields=["source"])

    assert _ids(teacher_client.get(LIST, {"document": "khac"})) == {elsewhere.pk}
    in_first = _ids(teacher_client.get(LIST, {"document": document.slug, "paragraph": 1}))
    assert in_first == {q.pk for q in bank}, "generated questions: by their fact's paragraph"
    in_second = _ids(teacher_client.get(LIST, {"document": document.slug, "paragraph": 2}))
    assert in_second == {authored.pk}, "authored questions: by their source sentence"


def test_a_paragraph_without_a_document_is_explained_and_filters_nothing(teacher_client, bank):
    response = teacher_client.get(LIST, {"paragraph": 2}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Choose a document to filter by paragraph." in response.content.decode()
    assert len(_ids(response)) == len(bank)


def test_text_search_finds_words_of_the_prompt(teacher_client, bank, authored):
    assert _ids(teacher_client.get(LIST, {"q": "thủ đô"})) == {authored.pk}


def test_each_row_shows_the_answer_and_links_its_source_sentence(teacher_client, bank, document):
    html = teacher_client.get(LIST, {"type": "cloze", "language": "vi"}).content.decode()
    assert "Giang Tô" in html
    assert f'href="{document.get_absolute_url()}#s0-vi"' in html
    assert document.sentences.get().vi[:30] in html


def test_the_document_page_has_the_anchors_the_bank_links_to(teacher_client, document):
    html = teacher_client.get(document.get_absolute_url()).content.decode()
    assert 'id="s0-zh"' in html and 'id="s0-vi"' in html and 'id="p1"' in html


def test_questions_a_teacher_may_only_read_have_no_actions(
    teacher_client, other_teacher, document, bank
):
    theirs = Question.objects.create(
        document=document,
        type="true_false",
        language="vi",
        prompt="Câu của thầy Tom",
        answer=True,
        author=other_teacher,
        status=Question.Status.PUBLISHED,
    )
    response = teacher_client.get(LIST, {"q": "thầy Tom"})
    (row,) = response.context["rows"]
    assert row.question == theirs and row.editable is False
    html = response.content.decode()
    assert reverse("teaching:question_edit", args=[theirs.pk]) not in html
    assert f'name="ids" value="{theirs.pk}"' not in html


def test_the_list_is_paged_by_25(teacher_client, document):
    Question.objects.bulk_create(
        Question(
            document=document, type="true_false", language="vi", prompt=f"Câu {i}", answer=True
        )
        for i in range(30)
    )
    # Anyone's authored questions without an author are nobody's: made by staff in the admin,
    # they are readable once published; publish them for this test.
    Question.objects.update(status=Question.Status.PUBLISHED)
    first = teacher_client.get(LIST)
    assert len(first.context["rows"]) == 25
    second = teacher_client.get(LIST, {"page": 2})
    assert len(second.context["rows"]) == 5
    assert "page=2" in first.content.decode()


def test_an_htmx_request_gets_only_the_results(teacher_client, bank):
    response = teacher_client.get(LIST, {"type": "ordering"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert response["Vary"].count("HX-Request") == 1


def test_the_whole_page_varies_on_htmx_too_and_a_history_restore_gets_it(teacher_client, bank):
    page = teacher_client.get(LIST)
    assert "<html" in page.content.decode() and "HX-Request" in page["Vary"]
    restore = teacher_client.get(
        LIST, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in restore.content.decode()


def test_the_bank_page_costs_the_same_queries_whatever_its_length(
    teacher_client, bank, authored, django_assert_num_queries
):
    # session, user, count, page of questions (with documents, facts, passages, sentences),
    # source sentences, the document choices of the filter
    with django_assert_num_queries(6):
        assert teacher_client.get(LIST).status_code == 200
    Question.objects.bulk_create(
        Question(
            document=authored.document,
            type="cloze",
            language="vi",
            prompt=f"Câu {i} ____",
            answer="x",
            source=authored.document.sentences.get().vi,
            author=authored.author,
        )
        for i in range(10)
    )
    with django_assert_num_queries(6):
        assert teacher_client.get(LIST).status_code == 200


def test_posting_to_the_list_is_not_allowed(teacher_client):
    assert teacher_client.post(LIST).status_code == 405


def test_text_search_ignores_accents_and_case(teacher_client, bank, authored):
    for query in ["thu do", "THỦ ĐÔ", "Thu  Đo"]:
        assert _ids(teacher_client.get(LIST, {"q": query})) == {authored.pk}, query
    assert _ids(teacher_client.get(LIST, {"q": "thi do"})) == set()


# Reviewing in place.


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


# Authoring.

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
