"""config.forms.CleanTextMixin: every form that takes text refuses NUL and other control
characters with a message, never a 500."""

import importlib
from html import unescape

import pytest
from django import forms as django_forms
from django.urls import reverse

from accounts.models import Classroom
from config.forms import CleanTextMixin
from quizzes.models import Question

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x85"])
def test_a_question_form_refuses_a_control_character_with_a_message(
    teacher_client, quiz_document, char
):
    url = reverse("teaching:question_create", args=[quiz_document.slug, "cloze"])
    data = {"language": "vi", "prompt": f"Tỉnh ____ giúp{char} Tân Cương.", "answer": "Giang Tô"}
    response = teacher_client.post(url, data, **EN)
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "control character" in page or "Null characters are not allowed." in page
    assert not Question.objects.exists()


# DocumentForm's pasted text is read by content.lang.decoding like an uploaded file, which drops
# the stray control characters a copy-paste from a word processor leaves.
DECODED = {"content.forms.DocumentForm"}


FORM_MODULES = [
    "accounts.forms",
    "content.forms",
    "flashcards.forms",
    "progress.views.account",
    "teaching.forms",
    "teaching.quiz_forms",
]


def _project_forms():
    for name in FORM_MODULES:
        importlib.import_module(name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    return {
        form
        for form in subclasses(django_forms.BaseForm)
        if form.__module__.split(".")[0] in ("accounts", "content", "quizzes", "teaching")
    }


def test_every_form_that_takes_text_refuses_control_characters():
    unguarded = sorted(
        f"{form.__module__}.{form.__name__}"
        for form in _project_forms()
        if any(
            isinstance(field, django_forms.CharField)
            and not isinstance(field.widget, django_forms.PasswordInput)
            for field in form.base_fields.values()
        )
        and not issubclass(form, CleanTextMixin)
        and f"{form.__module__}.{form.__name__}" not in DECODED
    )
    assert unguarded == []


def test_a_class_name_with_a_control_character_is_refused(teacher_client):
    response = teacher_client.post(reverse("quizzes:class_create"), {"name": "10A\x00\x01"}, **EN)
    assert response.status_code == 200
    assert not Classroom.objects.exists()
