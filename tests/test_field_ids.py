"""Every form field's aria-describedby names ids the page holds, and no id is used twice
(issue 16, items 11 and 12), over the teacher's forms that share templates/includes/field.html."""

import re
from collections import Counter

import pytest
from django.urls import reverse

from content.models import Document


def _check(html: str) -> None:
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == []
    for names in re.findall(r'aria-describedby="([^"]+)"', html):
        for name in names.split():
            assert ids[name] == 1, name


@pytest.fixture
def own_document(teacher, quiz_document):
    Document.objects.filter(pk=quiz_document.pk).update(created_by=teacher)
    return quiz_document


def test_teacher_forms_describe_fields_with_ids_that_exist(teacher_client, own_document):
    slug = own_document.slug
    pages = [
        reverse("teach:question_new"),
        reverse("teach:question_import"),
        reverse("teach:question_create", args=[slug, "cloze"]),
        reverse("teach:document_manage", args=[slug]),
        reverse("content:add"),
    ]
    for url in pages:
        _check(teacher_client.get(url).content.decode())
    # With errors shown too.
    response = teacher_client.post(
        reverse("teach:document_manage", args=[slug]), {"title_vi": "", "title_zh": ""}
    )
    _check(response.content.decode())
    response = teacher_client.post(reverse("teach:question_create", args=[slug, "cloze"]), {})
    _check(response.content.decode())
