"""The document's terms indexed once per document version (quizzes.term_index): grading and
feedback read the index, a new analysis (a new document version) gets a new one, and the index
grades exactly as the terms themselves would."""

from types import SimpleNamespace

import pytest
from django.utils import timezone

from content.models import Document, Term
from quizzes import taking, term_index


def _typed(qtype: str, answer: str, language: str = "zh"):
    question = SimpleNamespace(type=qtype, language=language, answer=answer)
    return SimpleNamespace(question=question, choices=[])


def test_the_index_is_built_once_per_document_version(quiz_document, django_assert_num_queries):
    version = quiz_document.updated_at
    with django_assert_num_queries(1):
        first = term_index.for_document(quiz_document.pk, version)
    with django_assert_num_queries(0):
        assert term_index.for_document(quiz_document.pk, version) is first
    term_index.forget()  # another process: Django's cache has it
    with django_assert_num_queries(0):
        assert term_index.for_document(quiz_document.pk, version).terms == first.terms


def test_a_new_document_version_gets_a_new_index(quiz_document):
    before = term_index.for_document(quiz_document.pk, quiz_document.updated_at)
    Term.objects.create(document=quiz_document, key="hn", kind="place", zh="河南", vi="Hà Nam")
    quiz_document.save()  # content.loading saves the document with its new terms
    quiz_document.refresh_from_db()
    after = term_index.for_document(quiz_document.pk, quiz_document.updated_at)
    assert len(after.terms) == len(before.terms) + 1


def test_without_a_version_it_is_read(quiz_document, django_assert_num_queries):
    term_index.for_document(quiz_document.pk, quiz_document.updated_at)
    with django_assert_num_queries(1):
        term_index.for_document(quiz_document.pk)


@pytest.mark.parametrize(
    ("qtype", "answer", "response"),
    [
        ("cloze", "宁夏", "宁夏"),
        ("cloze", "宁夏", "宁波"),  # another name of the document
        ("cloze", "宁夏", "ningxia"),
        ("cloze", "宁夏", "ningbo"),  # the pinyin of another name
        ("translation", "Ninh Hạ", "Ninh Ba"),
        ("translation", "Ninh Hạ", "Ninh Ha"),
        ("cloze", "Sơn Đông", "Son Dong"),
        ("cloze", "Sơn Đông", "Sơn Đôg"),
    ],
)
def test_the_index_grades_as_the_terms_do(quiz_document, qtype, answer, response):
    terms = taking.document_terms(quiz_document.pk)
    index = term_index.for_document(quiz_document.pk, quiz_document.updated_at)
    language = "vi" if qtype == "cloze" and not answer[0] >= "\u4e00" else "zh"
    item = _typed(qtype, answer, language)
    assert taking.grade_item(item, response, index) == taking.grade_item(item, response, terms)


def test_terms_are_read_active_only(quiz_document):
    Term.objects.filter(document=quiz_document, key="nb").update(is_active=False)
    Document.objects.filter(pk=quiz_document.pk).update(updated_at=timezone.now())
    version = Document.objects.get(pk=quiz_document.pk).updated_at
    index = term_index.for_document(quiz_document.pk, version)
    assert "宁波" not in index.by_name
