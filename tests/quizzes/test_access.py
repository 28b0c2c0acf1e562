"""quizzes.access: which quiz, attempt and export each user gets (the matrix,
tests/test_permission_matrix.py, checks the views that go through them), and answer keys that
leave only with the learner's right to see them: the document, quiz and class decks, and the
cards a missed question brings forward. Each key test is the attack it stops: Tess's exam is an
authored question in a quiz assigned to her class, opening later."""

import inspect
import sqlite3
import zipfile
from datetime import timedelta

import pytest
from django.http import Http404
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from accounts.models import Classroom
from flashcards.models import LearnerCard
from quizzes import access, taking
from quizzes.access import OPERATOR, questions_with_visible_keys
from quizzes.anki.classes import class_decks, export_class
from quizzes.anki.documents import document_decks, export_document
from quizzes.anki.quizzes import export_quiz, quiz_decks
from quizzes.models import Assignment, Question, Quiz, QuizQuestion
from tests.support.anki import finished_attempt
from tests.support.world import build_world


def test_each_user_gets_what_the_rules_give(make_quiz):
    world = build_world(make_quiz)
    users = world.users
    second = world.finished_attempt.quiz
    assert set(access.quizzes_for(users["student"])) == {world.quiz, second}
    assert set(access.quizzes_for(users["owner"])) == {world.quiz, second}
    assert not access.quizzes_for(users["other_student"]).exists()
    assert not access.quizzes_for(users["other_teacher"]).exists()
    assert set(access.quizzes_owned_by(users["owner"])) == {world.quiz, second}
    assert not access.quizzes_owned_by(users["student"]).exists()
    assert set(access.attempts_of(users["student"])) == {world.attempt, world.finished_attempt}
    assert not access.attempts_of(users["owner"]).exists()
    assert list(access.export_jobs_of(users["student"])) == [world.job]
    assert not access.export_jobs_of(users["other_student"]).exists()


SECRET = "Câu hỏi thi bí mật: tỉnh nào?"


def texts(decks) -> str:
    return "\n".join(field for deck in decks for note in deck.notes for field in note.fields)


@pytest.fixture
def exam_question(quiz_document, teacher) -> Question:
    return Question.objects.create(
        document=quiz_document,
        type="single_choice",
        language="vi",
        prompt=SECRET,
        answer="Giang Tô",
        choices=["Giang Tô", "Sơn Đông", "Ninh Hạ"],
        status=Question.Status.PUBLISHED,
        origin=Question.Origin.AUTHORED,
        author=teacher,
    )


@pytest.fixture
def exam(make_quiz, exam_question, teacher) -> Quiz:
    """Tess's published exam of one authored question, assigned to her class of Bob, opening in
    three days."""
    quiz = make_quiz([exam_question], owner=teacher, title="Thi giữa kỳ")
    classroom = Classroom.objects.create(name="10B", teacher=teacher)
    Assignment.objects.create(
        classroom=classroom, quiz=quiz, opens_at=timezone.now() + timedelta(days=3)
    )
    return quiz


@pytest.fixture
def open_exam(make_quiz, exam_question, teacher, alice) -> Quiz:
    """The same question in an exam assigned to Alice's class and open now."""
    quiz = make_quiz([exam_question], owner=teacher, title="Kiểm tra")
    classroom = Classroom.objects.create(name="10A", teacher=teacher)
    classroom.students.add(alice)
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    return quiz


@pytest.fixture
def practice(make_quiz, make_question) -> Quiz:
    return make_quiz([make_question("single_choice", "vi")], title="Luyện tập")


def test_get_quiz_for_user_finds_only_the_quizzes_quizzes_for_lists(
    exam, open_exam, practice, teacher, alice, bob
):
    """The compiled query (config.prepared) against the plain queryset it stands for: a
    practice quiz for everyone, an exam for its owner and, once open, the students of its
    class; a draft for its owner only."""
    draft = Quiz.objects.create(title="Nháp", document=practice.document, owner=teacher)
    Assignment.objects.filter(quiz=exam).update(opens_at=timezone.now() - timedelta(hours=1))
    exam.assignments.get().classroom.students.add(bob)
    for user in (alice, bob, teacher):
        listed = set(access.quizzes_for(user).values_list("pk", flat=True))
        for quiz in (exam, open_exam, practice, draft):
            if quiz.pk in listed:
                found = access.get_quiz_for_user(user, quiz.pk)
                assert found == quiz and found.document == quiz.document
            else:
                with pytest.raises(Http404):
                    access.get_quiz_for_user(user, quiz.pk)
    assert access.get_quiz_for_user(bob, exam.pk) == exam  # open now, his class's
    with pytest.raises(Http404):
        access.get_quiz_for_user(alice, exam.pk)  # not her class's
    with pytest.raises(Http404):
        access.get_quiz_for_user(alice, draft.pk)
    with pytest.raises(Http404):
        access.get_quiz_for_user(alice, 2**70)  # typed into a URL


def test_a_student_cannot_read_another_classs_exam_key_in_the_document_deck(
    exam, practice, quiz_document, alice
):
    decks = texts(document_decks(quiz_document, for_user=alice))
    assert SECRET not in decks
    assert practice.questions.get().prompt in decks, "practice questions stay in the deck"


def downloaded_fields(response, tmp_path) -> str:
    """Every note field of a downloaded .apkg (a zip holding an SQLite collection)."""
    path = tmp_path / "deck.apkg"
    path.write_bytes(b"".join(response.streaming_content))
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        return "\n".join(row[0] for row in db.execute("select flds from notes"))


def test_the_document_deck_download_carries_no_exam_key(
    exam, practice, quiz_document, alice_client, settings, tmp_path
):
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 10_000
    response = alice_client.get(reverse("quizzes:document_deck", args=[quiz_document.slug]))
    fields = downloaded_fields(response, tmp_path)
    assert practice.questions.get().prompt in fields
    assert SECRET not in fields


def test_the_quiz_deck_download_carries_no_key_while_the_attempt_is_open(
    open_exam, alice, alice_client, settings, tmp_path
):
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 10_000
    alice_client.post(reverse("quizzes:quiz_start", args=[open_exam.pk]))
    assert open_exam.attempts.filter(user=alice, finished_at__isnull=True).exists()
    response = alice_client.get(reverse("quizzes:quiz_deck", args=[open_exam.pk]))
    assert SECRET not in downloaded_fields(response, tmp_path)


def test_another_teacher_cannot_read_my_authored_exam_key_in_a_deck(
    exam, quiz_document, other_teacher
):
    assert SECRET not in texts(document_decks(quiz_document, for_user=other_teacher))


def test_the_quiz_deck_gives_no_key_while_the_attempt_is_open(open_exam, alice):
    taking.start_attempt(open_exam, alice)
    assert SECRET not in texts(quiz_decks(open_exam, for_user=alice))


def test_the_quiz_deck_gives_the_keys_once_the_attempt_is_finished(open_exam, alice):
    finished_attempt(open_exam, alice)
    assert SECRET in texts(quiz_decks(open_exam, for_user=alice))


def test_the_class_deck_gives_a_student_no_key_of_an_exam_they_have_not_finished(
    open_exam, alice, teacher
):
    classroom = open_exam.assignments.get().classroom
    assert SECRET not in texts(class_decks(classroom, for_user=alice))
    assert SECRET in texts(class_decks(classroom, for_user=teacher)), "the owner has them"


def test_the_owner_and_the_operators_command_get_every_key(exam, quiz_document, teacher):
    assert SECRET in texts(document_decks(quiz_document, for_user=teacher))
    assert SECRET in texts(document_decks(quiz_document, for_user=OPERATOR))


def test_a_draft_practice_quiz_gives_no_keys(make_quiz, make_question, quiz_document, alice):
    question = make_question("single_choice", "vi")
    make_quiz([question], status=Quiz.Status.DRAFT)
    assert not questions_with_visible_keys(alice).filter(pk=question.pk).exists()


# --- cards brought forward ---------------------------------------------------------------------


def wrong_answer(quiz, user):
    """Answer the first question wrongly, running what the answer leaves for after its commit
    (the missed facts' cards are brought forward then)."""
    attempt = taking.start_attempt(quiz, user)
    item = attempt.items.select_related("attempt__quiz", "question").order_by("position")[0]
    wrong = next(c for c in item.choices if c != item.question.answer)
    with TestCase.captureOnCommitCallbacks(execute=True):
        recorded = taking.record_answer(item, wrong)
    return attempt, recorded


@pytest.fixture
def end_feedback(make_quiz, make_question, teacher, alice) -> Quiz:
    """An exam of two questions on one fact, with feedback at the end, open to Alice."""
    quiz = make_quiz(
        [("single_choice", "vi"), ("true_false", "vi")],
        owner=teacher,
        feedback=Quiz.Feedback.END,
        order=Quiz.Order.FIXED,
    )
    classroom = Classroom.objects.create(name="10C", teacher=teacher)
    classroom.students.add(alice)
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    return quiz


def test_a_wrong_answer_in_an_end_feedback_quiz_brings_no_card_forward_mid_attempt(
    end_feedback, alice
):
    attempt, recorded = wrong_answer(end_feedback, alice)
    assert not recorded.item.correct and not attempt.is_finished
    assert not LearnerCard.objects.filter(user=alice).exists()


def test_the_missed_facts_come_forward_once_the_end_feedback_attempt_is_finished(
    end_feedback, alice
):
    attempt, _ = wrong_answer(end_feedback, alice)
    taking.finish_attempt(attempt)
    assert taking.practise_missed(attempt) > 0
    assert LearnerCard.objects.filter(user=alice, forwarded=True).exists()


def test_with_feedback_after_each_answer_a_miss_still_brings_its_cards_forward(end_feedback, alice):
    Quiz.objects.filter(pk=end_feedback.pk).update(feedback=Quiz.Feedback.IMMEDIATE)
    end_feedback.refresh_from_db()
    wrong_answer(end_feedback, alice)
    assert LearnerCard.objects.filter(user=alice, forwarded=True).exists()


def test_practice_quizzes_are_open_to_every_learner(practice, alice, bob):
    question = QuizQuestion.objects.get(quiz=practice).question
    for user in (alice, bob):
        assert questions_with_visible_keys(user).filter(pk=question.pk).exists()


@pytest.mark.parametrize(
    "builder",
    [document_decks, quiz_decks, class_decks, export_document, export_quiz, export_class],
)
def test_no_deck_with_questions_can_be_built_without_naming_its_downloader(builder):
    parameter = inspect.signature(builder).parameters["for_user"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default is inspect.Parameter.empty
