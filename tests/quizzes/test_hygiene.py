"""Input hygiene, each test the attack it stops: option indexes outside 0 ≤ i < n, NUL and other
control characters in typed answers, forms, imports and exports (content.lang.hygiene), and
signed-in pages or downloads kept by a cache (config.middleware)."""

import importlib
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from django import forms as django_forms
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.urls import reverse

from accounts.models import Classroom
from config.forms import CleanTextMixin
from config.middleware import NoStoreForSignedInMiddleware
from content.lang.decoding import decode
from content.lang.hygiene import first_control, strip_controls
from quizzes.interchange import gift, moodle_xml
from quizzes.interchange.model import Item
from quizzes.models import Attempt, AttemptItem, Question

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def start(client, quiz) -> AttemptItem:
    client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    return attempt.items.select_related("question").get(position=1)


def answer(client, item, data):
    url = reverse("quizzes:attempt_answer", args=[item.attempt_id, item.position])
    return client.post(url, data, follow=True, **EN)


# --- option indexes ---------------------------------------------------------------------------


def test_response_minus_one_is_refused(alice_client, make_quiz):
    item = start(alice_client, make_quiz([("single_choice", "vi")]))
    response = answer(alice_client, item, {"response": "-1"})
    assert "That answer could not be read." in response.content.decode()
    item.refresh_from_db()
    assert not item.is_answered and item.response is None


@pytest.mark.parametrize("raw", ["-1", "n", "99", "1e3", " "])
def test_a_multiple_choice_index_outside_the_options_is_refused(alice_client, make_quiz, raw):
    item = start(alice_client, make_quiz([("multiple_choice", "vi")]))
    raw = str(len(item.choices)) if raw == "n" else raw
    answer(alice_client, item, {"response": ["0", raw]})
    item.refresh_from_db()
    assert not item.is_answered


@pytest.mark.parametrize("raw", ["-1", "-2", "42"])
def test_a_matching_index_outside_the_options_is_refused(alice_client, make_quiz, raw):
    item = start(alice_client, make_quiz([("matching", "vi")]))
    data = {f"match-{i}": "0" for i in range(len(item.question.answer))} | {"match-0": raw}
    answer(alice_client, item, data)
    item.refresh_from_db()
    assert not item.is_answered


def test_one_option_sent_twice_under_two_spellings_counts_once(alice_client, make_quiz):
    item = start(alice_client, make_quiz([("multiple_choice", "vi")]))
    answer(alice_client, item, {"response": ["0", "00", "+0"]})
    item.refresh_from_db()
    assert item.response == [item.choices[0]]


# --- control characters -----------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Giang\x00Tô", "Giang\x1bTô", "\x07Giang Tô"])
def test_a_nul_in_a_typed_answer_is_a_clear_message_not_a_500(alice_client, make_quiz, typed):
    item = start(alice_client, make_quiz([("cloze", "vi")]))
    response = answer(alice_client, item, {"response": typed})
    assert response.status_code == 200
    assert "invisible control character" in response.content.decode()
    item.refresh_from_db()
    assert not item.is_answered


def test_a_typed_answer_may_hold_tabs_and_new_lines(alice_client, make_quiz):
    item = start(alice_client, make_quiz([("cloze", "vi")]))
    answer(alice_client, item, {"response": "Giang\tTô\r\n"})
    item.refresh_from_db()
    assert item.is_answered


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


def test_a_nul_in_a_gift_import_is_dropped_not_a_500(teacher_client, teacher, quiz_document):
    text = "::q1::Thủ đô\x00 của Việt\x07 Nam là gì? {=Hà Nội ~Huế}\n"
    upload = SimpleUploadedFile("bank.gift", text.encode("utf-8"), content_type="text/plain")
    data = {"document": quiz_document.slug, "file": upload}
    response = teacher_client.post(reverse("teaching:question_import"), data, **EN)
    assert response.status_code in (200, 302)
    question = Question.objects.get(author=teacher)
    assert question.prompt == "Thủ đô của Việt Nam là gì?"


def test_a_control_character_in_a_prompt_never_breaks_the_moodle_xml_export():
    items = [
        Item("single_choice", "vi", "Tỉnh\x0b nào\x00?", "Giang\x1fTô", ["Giang\x1fTô", "Huế"]),
        Item("matching", "vi", "Nối\x01", [["a\x02", "b\x03"]], ["b\x03"]),
    ]
    text, _ = moodle_xml.dumps(items)
    root = ET.fromstring(text.split("\n", 1)[1])  # well-formed
    written = "".join(root.itertext())
    assert first_control(written) is None
    assert "Tỉnh\n nào?" in written and "GiangTô" in written


def test_gift_never_writes_a_control_character():
    text, _ = gift.dumps([Item("cloze", "vi", "Thủ\x00 đô là ____.", "Hà\x1bNội")])
    assert first_control(text) is None
    assert "HàNội" in text


def test_a_stray_control_character_in_an_uploaded_document_is_dropped():
    assert decode("Hà Nội\x07 là thủ đô.\n河内\x1b是首都。".encode()) == (
        "Hà Nội là thủ đô.\n河内是首都。"
    )


def test_strip_controls_keeps_text_tabs_and_new_lines():
    assert strip_controls("a\tb\nc\r\nd\x00e\x0cf") == "a\tb\nc\r\nde\nf"


# --- caches -----------------------------------------------------------------------------------


def test_a_signed_in_page_is_not_kept_by_a_cache(alice_client):
    response = alice_client.get(reverse("quizzes:home"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_personal_data_download_is_not_kept_by_a_cache(alice_client):
    response = alice_client.get(reverse("progress:my_data"))
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]


def test_a_class_csv_is_not_kept_by_a_cache(teacher_client, teacher):
    classroom = Classroom.objects.create(name="10A", teacher=teacher)
    response = teacher_client.get(reverse("progress:class_progress_csv", args=[classroom.pk]))
    assert "no-store" in response["Cache-Control"]


def test_a_visitors_response_is_left_alone(rf):
    request = rf.get("/")
    request.user = AnonymousUser()
    response = NoStoreForSignedInMiddleware(lambda request: HttpResponse("ok"))(request)
    assert not response.has_header("Cache-Control")
