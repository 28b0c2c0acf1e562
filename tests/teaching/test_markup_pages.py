"""A GIFT question imported with [html] markup is shown with its sanitised markup in the bank,
on the quiz card and on the results page; its script never reaches a page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import Attempt, Question, Quiz, QuizQuestion

GIFT = (
    "$CATEGORY: x/{lang}\n\n"
    '::rich::[html]{before}<b onclick\\="steal()">{bold}</b><script>alert(1)</script>?{{\n'
    "=[html]<i>{right}</i> ~{wrong}}}\n"
)
CASES = {
    "vi": {"before": "Thủ đô là ", "bold": "Hà Nội", "right": "Hà Nội", "wrong": "Huế"},
    "zh": {"before": "首都是", "bold": "河内", "right": "河内", "wrong": "顺化"},
}


@pytest.mark.parametrize("lang", ["vi", "zh"])
def test_an_html_question_is_bold_in_the_bank_and_on_the_quiz_card(
    client, teacher, alice, document, lang
):
    words = CASES[lang]
    upload = SimpleUploadedFile("bank.gift", GIFT.format(lang=lang, **words).encode())
    client.force_login(teacher)
    client.post(
        reverse("teaching:question_import"),
        {"document": document.slug, "file": upload},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    question = Question.objects.get()
    assert question.prompt == f"{words['before']}{words['bold']}?"
    assert question.answer == words["right"], "graded on the plain text"
    bold = f"{words['before']}<b>{words['bold']}</b>?"
    assert question.html == {
        "prompt": bold,
        "texts": {words["right"]: f"<i>{words['right']}</i>"},
    }
    bank = client.get(reverse("teaching:questions"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert bold in bank and "alert(1)" not in bank and "steal()" not in bank

    question.status = Question.Status.PUBLISHED
    question.save()
    quiz = Quiz.objects.create(title="Kiểm tra", document=document, status=Quiz.Status.PUBLISHED)
    QuizQuestion.objects.create(quiz=quiz, question=question, position=1)
    client.force_login(alice)
    client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    card = client.get(
        reverse("quizzes:attempt_item", args=[attempt.pk, 1]), HTTP_ACCEPT_LANGUAGE="en"
    )
    page = card.content.decode()
    assert bold in page and f"<i>{words['right']}</i>" in page
    assert "alert(1)" not in page and "onclick" not in page

    client.post(reverse("quizzes:attempt_finish", args=[attempt.pk]))
    results = client.get(
        reverse("quizzes:attempt_results", args=[attempt.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert results.status_code == 200 and bold in results.content.decode()
