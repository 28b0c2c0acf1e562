"""Every question is bounded — items, options, prompt and answer lengths — whether a teacher
writes it or imports it, so that no question costs minutes to preview, save or grade."""

import time
from html import unescape

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import Question
from quizzes.validation import MAX_CHOICES, MAX_ITEMS, MAX_PROMPT, MAX_TEXT, problems


def _codes(*args) -> list[str]:
    return [p.code for p in problems(*args)]


def _post(client, document, qtype, data):
    url = reverse("teaching:question_create", args=[document.slug, qtype])
    response = client.post(url, {"language": "vi", **data}, HTTP_ACCEPT_LANGUAGE="en")
    return response, unescape(response.content.decode())


def test_the_limits():
    assert (MAX_PROMPT, MAX_TEXT, MAX_CHOICES, MAX_ITEMS) == (2000, 1000, 20, 20)


def test_a_matching_question_of_3000_pairs_is_refused_at_once_and_saves_nothing(
    teacher_client, document
):
    pairs = "\n".join(f"mục {i} -> đáp án {i}" for i in range(3000))
    start = time.perf_counter()
    response, html = _post(teacher_client, document, "matching", {"prompt": "?", "pairs": pairs})
    assert time.perf_counter() - start < 5
    assert response.status_code == 200
    assert "Too many items: 3000, and a matching or ordering question may have at most 20." in html
    assert not Question.objects.exists()


def test_the_preview_of_a_3000_pair_question_shows_nothing(teacher_client, document):
    pairs = "\n".join(f"mục {i} -> đáp án {i}" for i in range(3000))
    url = reverse("teaching:question_preview", args=[document.slug, "matching"])
    response = teacher_client.post(url, {"language": "vi", "prompt": "?", "pairs": pairs})
    assert response.status_code == 200 and response.context["preview"] is None


def test_an_ordering_question_of_21_items_is_refused(teacher_client, document):
    items = "\n".join(f"bước {i}" for i in range(21))
    _, html = _post(teacher_client, document, "ordering", {"prompt": "?", "items": items})
    assert "Too many items: 21" in html
    assert not Question.objects.exists()


def test_twenty_pairs_and_twenty_items_are_still_accepted():
    pairs = [[f"a{i}", f"b{i}"] for i in range(20)]
    assert _codes("matching", "?", pairs, [r for _, r in pairs]) == []
    items = [f"x{i}" for i in range(20)]
    assert _codes("ordering", "?", items, items[::-1]) == []


def test_a_choice_question_of_twenty_one_options_is_refused(teacher_client, document):
    wrong = "\n".join(f"sai {i}" for i in range(20))
    _, html = _post(
        teacher_client, document, "single_choice", {"prompt": "?", "answer": "đúng", "wrong": wrong}
    )
    assert "Too many options: 21, and a question may have at most 20." in html
    _, html = _post(
        teacher_client,
        document,
        "multiple_choice",
        {"prompt": "?", "right": "đúng", "wrong": wrong},
    )
    assert "Too many options: 21" in html
    assert not Question.objects.exists()


def test_a_typed_answer_with_twenty_one_accepted_forms_is_refused():
    forms = [f"form {i}" for i in range(21)]
    assert _codes("translation", "?", forms, []) == ["too_many_answers"]


def test_a_prompt_of_2001_characters_is_refused(teacher_client, document):
    _, html = _post(teacher_client, document, "translation", {"prompt": "a" * 2001, "answer": "b"})
    assert "Ensure this value has at most 2000 characters (it has 2001)." in html
    assert _codes("translation", "a" * 2001, "b", []) == ["prompt_too_long"]
    assert not Question.objects.exists()


def test_an_option_of_1001_characters_is_refused(teacher_client, document):
    long = "dài " * 250 + "x"
    _, html = _post(teacher_client, document, "ordering", {"prompt": "?", "items": f"ngắn\n{long}"})
    assert "is too long: an answer, option or item may have at most 1000 characters." in html
    assert not Question.objects.exists()


def test_a_gift_import_holding_an_oversized_question_names_its_line(teacher_client, document):
    wrong = " ".join(f"~sai{i}" for i in range(21))
    text = f"::ok::Thủ đô là {{=Hà Nội}}.\n\n::big::Chọn một: {{=đúng {wrong}}}\n"
    upload = SimpleUploadedFile("bank.gift", text.encode(), content_type="text/plain")
    response = teacher_client.post(
        reverse("teaching:question_import"),
        {"document": document.slug, "file": upload},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = unescape(response.content.decode())
    assert "Line 3" in html and "Too many options: 22, and a question may have at most 20." in html
    assert not Question.objects.exists()


def test_a_gift_file_of_501_questions_is_refused_whole(teacher_client, document):
    text = "\n\n".join(f"::q{i}::Câu {i} là {{=đúng}}." for i in range(501))
    upload = SimpleUploadedFile("bank.gift", text.encode(), content_type="text/plain")
    response = teacher_client.post(
        reverse("teaching:question_import"),
        {"document": document.slug, "file": upload, "import_valid": "on"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = unescape(response.content.decode())
    assert "The file holds 501 questions; import at most 500 at a time." in html
    assert not Question.objects.exists()
