"""A quiz's Anki deck: its published choice questions and the facts and terms they ask about,
checked by importing into real Anki; downloaded from the quiz page or with `export_anki --quiz`."""

import io
import zipfile

import pytest
from anki.collection import Collection
from django.core.management import CommandError, call_command
from django.urls import reverse

from quizzes.access import OPERATOR
from quizzes.anki.quizzes import export_quiz
from quizzes.models import Question, Quiz
from tests.quizzes.anki.test_documents import assert_every_card_renders
from tests.support.anki import import_apkg

CHOICES = ["single_choice", "multiple_choice", "true_false", "matching", "ordering"]


@pytest.fixture
def quiz(make_quiz):
    return make_quiz([(t, "vi") for t in [*CHOICES, "cloze"]])


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def test_a_quiz_deck_holds_its_choice_questions_facts_and_terms(quiz, make_question, col, tmp_path):
    make_question("single_choice", "zh")  # published, but not in the quiz
    path = tmp_path / "quiz.apkg"
    written = export_quiz(quiz, path, for_user=OPERATOR)
    import_apkg(col, path)
    # 5 choice questions (the cloze question is typed: its fact's sentence is the cloze note),
    # 1 cloze from the fact's sentence, 2 bilingual notes for the terms the fact names.
    assert col.note_count() == written.notes == 8
    assert len(col.find_notes(f"tag:quiz-{quiz.pk}")) == 8
    assert len(col.find_notes('"deck:Dongxi::Kiểm tra::Câu hỏi · 问题"')) == 5
    assert_every_card_renders(col)


def test_reimporting_an_edited_quiz_deck_updates_notes_in_place(quiz, col, tmp_path):
    first, second = tmp_path / "1.apkg", tmp_path / "2.apkg"
    export_quiz(quiz, first, for_user=OPERATOR)
    import_apkg(col, first)
    question = Question.objects.get(type="single_choice")
    question.prompt = "Tỉnh nào nhận nhiệm vụ năm 2010? ____"
    question.save(update_fields=["prompt"])
    export_quiz(quiz, second, for_user=OPERATOR)
    import_apkg(col, second)
    assert col.note_count() == 8
    assert col.find_notes('"Tỉnh nào nhận nhiệm vụ năm 2010*"')


def test_a_learner_downloads_the_deck_from_the_quiz_page(quiz, alice_client):
    page = alice_client.get(reverse("quizzes:quiz", args=[quiz.pk])).content.decode()
    url = reverse("quizzes:quiz_deck", args=[quiz.pk])
    assert url in page
    response = alice_client.get(url)
    assert response["Content-Disposition"].startswith("attachment")
    assert f"quiz-{quiz.pk}.apkg" in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert "collection.anki2" in zipfile.ZipFile(io.BytesIO(content)).namelist()


def test_a_draft_quizs_deck_is_only_for_its_owner(make_quiz, alice_client, teacher, client):
    draft = make_quiz(status=Quiz.Status.DRAFT, owner=teacher)
    assert alice_client.get(reverse("quizzes:quiz_deck", args=[draft.pk])).status_code == 404
    assert (
        alice_client.post(reverse("quizzes:start_quiz_export", args=[draft.pk])).status_code == 404
    )
    client.force_login(teacher)
    assert client.get(reverse("quizzes:quiz_deck", args=[draft.pk])).status_code == 200


def test_the_quiz_deck_refuses_anonymous_visitors_and_the_wrong_method(quiz, client, alice):
    assert client.get(reverse("quizzes:quiz_deck", args=[quiz.pk])).status_code == 302
    client.force_login(alice)
    assert client.post(reverse("quizzes:quiz_deck", args=[quiz.pk])).status_code == 405
    assert client.get(reverse("quizzes:start_quiz_export", args=[quiz.pk])).status_code == 405


def test_a_large_quiz_deck_is_offered_for_building_in_the_background(quiz, alice_client, settings):
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 2
    html = alice_client.get(reverse("quizzes:quiz_deck", args=[quiz.pk])).content.decode()
    assert reverse("quizzes:start_quiz_export", args=[quiz.pk]) in html


def test_the_command_exports_a_quiz(quiz, tmp_path, capsys):
    path = tmp_path / "q.apkg"
    call_command("export_anki", "--quiz", str(quiz.pk), "--output", str(path))
    assert "8 notes" in capsys.readouterr().out and path.is_file()
    with pytest.raises(CommandError, match="No quiz"):
        call_command("export_anki", "--quiz", "999", "--output", str(path))
