"""The question bank page: filters, paging, the source sentence linked, and what a teacher may
only read shown without actions."""

from django.urls import reverse

from content.models import Document, Passage, Sentence
from quizzes.models import Question

URL = reverse("teaching:questions")


def _ids(response) -> set[int]:
    return {row.question.pk for row in response.context["rows"]}


def test_the_bank_lists_every_question_a_teacher_may_read(teacher_client, bank, authored):
    response = teacher_client.get(URL)
    assert response.status_code == 200
    assert _ids(response) == {q.pk for q in bank} | {authored.pk}
    assert response.context["page"].paginator.count == 15


def test_filters_narrow_by_type_language_status_and_origin(teacher_client, bank, authored):
    response = teacher_client.get(URL, {"type": "cloze", "language": "vi"})
    (generated,) = [q for q in bank if (q.type, q.language) == ("cloze", "vi")]
    assert _ids(response) == {generated.pk, authored.pk}  # and tess's own
    response = teacher_client.get(URL, {"type": "cloze", "language": "vi", "origin": "authored"})
    assert _ids(response) == {authored.pk}
    bank[0].status = Question.Status.PUBLISHED
    bank[0].save(update_fields=["status"])
    assert _ids(teacher_client.get(URL, {"status": "published"})) == {bank[0].pk}


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

    assert _ids(teacher_client.get(URL, {"document": "khac"})) == {elsewhere.pk}
    in_first = _ids(teacher_client.get(URL, {"document": document.slug, "paragraph": 1}))
    assert in_first == {q.pk for q in bank}, "generated questions: by their fact's paragraph"
    in_second = _ids(teacher_client.get(URL, {"document": document.slug, "paragraph": 2}))
    assert in_second == {authored.pk}, "authored questions: by their source sentence"


def test_a_paragraph_without_a_document_is_explained_and_filters_nothing(teacher_client, bank):
    response = teacher_client.get(URL, {"paragraph": 2}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Choose a document to filter by paragraph." in response.content.decode()
    assert len(_ids(response)) == len(bank)


def test_text_search_finds_words_of_the_prompt(teacher_client, bank, authored):
    assert _ids(teacher_client.get(URL, {"q": "thủ đô"})) == {authored.pk}


def test_each_row_shows_the_answer_and_links_its_source_sentence(teacher_client, bank, document):
    html = teacher_client.get(URL, {"type": "cloze", "language": "vi"}).content.decode()
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
    response = teacher_client.get(URL, {"q": "thầy Tom"})
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
    first = teacher_client.get(URL)
    assert len(first.context["rows"]) == 25
    second = teacher_client.get(URL, {"page": 2})
    assert len(second.context["rows"]) == 5
    assert "page=2" in first.content.decode()


def test_an_htmx_request_gets_only_the_results(teacher_client, bank):
    response = teacher_client.get(URL, {"type": "ordering"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert response["Vary"].count("HX-Request") == 1


def test_the_bank_page_costs_the_same_queries_whatever_its_length(
    teacher_client, bank, authored, django_assert_num_queries
):
    # session, user, count, page of questions (with documents, facts, passages, sentences),
    # source sentences, the document choices of the filter
    with django_assert_num_queries(6):
        assert teacher_client.get(URL).status_code == 200
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
        assert teacher_client.get(URL).status_code == 200


def test_posting_to_the_list_is_not_allowed(teacher_client):
    assert teacher_client.post(URL).status_code == 405


def test_text_search_ignores_accents_and_case(teacher_client, bank, authored):
    for query in ["thu do", "THỦ ĐÔ", "Thu  Đo"]:
        assert _ids(teacher_client.get(URL, {"q": query})) == {authored.pk}, query
    assert _ids(teacher_client.get(URL, {"q": "thi do"})) == set()
