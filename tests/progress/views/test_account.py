"""A learner's own data: the JSON download and deleting the account."""

import json

import pytest
from axes.models import AccessLog
from django.urls import reverse

from accounts.models import Classroom, User
from content.models import Document
from quizzes.models import Attempt, AttemptItem, Quiz
from tests.support.users import PASSWORD

DATA = reverse("progress:my_data")
DELETE = reverse("progress:delete_account")


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in (DATA, DELETE):
        assert reverse("accounts:login") in client.get(url)["Location"]


def test_the_data_download_only_answers_get_and_deleting_get_or_post(alice_client):
    assert alice_client.post(DATA).status_code == 405
    assert alice_client.put(DELETE).status_code == 405


def test_the_download_holds_the_learners_account_classes_and_every_answer(
    alice_client, alice, bob, teacher, record_attempt
):
    Classroom.objects.create(name="Lớp 10A", teacher=teacher).students.add(alice)
    record_attempt(alice, [0, 1, 0.5, None])
    record_attempt(bob, [1, 1, 1, 1])
    AccessLog.objects.create(username="alice", ip_address="127.0.0.1", user_agent="test")
    response = alice_client.get(DATA)
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="dongxi-my-data.json"'
    data = json.loads(response.content)
    assert data["format"] == "dongxi-personal-data" and data["account"]["username"] == "alice"
    assert data["classes"]["joined"] == [{"name": "Lớp 10A", "teacher": "tess"}]
    [attempt] = data["quiz_attempts"]  # Bob's is not in it
    assert attempt["quiz"] == "Ôn tập" and attempt["score"] == 1.5
    assert [a["score"] for a in attempt["answers"]] == [0, 1, 0.5, None]
    assert attempt["answers"][0]["question"] == "Prompt q1a"
    assert "127.0.0.1" in [login["ip_address"] for login in data["logins"]]


def test_the_download_keeps_chinese_and_vietnamese_readable(alice_client, alice, teacher):
    Classroom.objects.create(name="越南语班 Lớp", teacher=teacher).students.add(alice)
    assert "越南语班 Lớp" in alice_client.get(DATA).content.decode()


def test_the_delete_page_says_what_goes(teacher_client, teacher, alice):
    Classroom.objects.create(name="Lớp 10A", teacher=teacher).students.add(alice)
    html = teacher_client.get(DELETE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "the class “Lớp 10A”, which you teach (1 student; they keep their own data)" in html
    assert 'autocomplete="current-password"' in html


def test_a_wrong_password_deletes_nothing(alice_client, alice, record_attempt):
    record_attempt(alice, [1, 1, 1, 1])
    response = alice_client.post(DELETE, {"password": "nope"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "That is not your password." in response.content.decode()
    assert User.objects.filter(pk=alice.pk).exists() and Attempt.objects.exists()


def test_deleting_a_learner_removes_their_answers_and_logs_them_out(
    alice_client, alice, bob, record_attempt
):
    record_attempt(alice, [1, 0, 1, 0])
    record_attempt(bob, [1, 1, 1, 1])
    AccessLog.objects.create(username="alice", ip_address="127.0.0.1")
    AccessLog.objects.create(username="bob", ip_address="127.0.0.1")
    response = alice_client.post(
        DELETE, {"password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("accounts:login")
    assert "Your account and your data were deleted." in response.content.decode()
    assert not User.objects.filter(username="alice").exists()
    assert list(Attempt.objects.values_list("user__username", flat=True)) == ["bob"]
    assert AttemptItem.objects.count() == 4  # Bob's only
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["bob"]
    assert reverse("accounts:login") in alice_client.get(reverse("progress:dashboard"))["Location"]


def test_deleting_a_teacher_deletes_their_classes_but_not_their_students_or_quizzes(
    teacher_client, teacher, alice, studied, record_attempt
):
    Classroom.objects.create(name="Lớp 10A", teacher=teacher).students.add(alice)
    quiz = studied["quiz"]
    quiz.owner = teacher
    quiz.save(update_fields=["owner"])
    Document.objects.filter(pk=studied["document"].pk).update(created_by=teacher)
    record_attempt(alice, [1, 1, 1, 1])
    teacher_client.post(DELETE, {"password": PASSWORD})
    assert not User.objects.filter(username="tess").exists()
    assert not Classroom.objects.exists()
    alice.refresh_from_db()
    assert alice.attempts.count() == 1
    assert Quiz.objects.get(pk=quiz.pk).owner is None
    assert Quiz.objects.get(pk=quiz.pk).status == Quiz.Status.DRAFT
    assert Document.objects.get(pk=studied["document"].pk).created_by is None


def test_a_deleted_teachers_class_quiz_does_not_become_a_public_practice_quiz(
    teacher_client, teacher, bob, studied
):
    quiz = studied["quiz"]
    Quiz.objects.filter(pk=quiz.pk).update(owner=teacher, status=Quiz.Status.PUBLISHED)
    teacher_client.post(DELETE, {"password": PASSWORD})
    assert not User.objects.filter(username="tess").exists()
    teacher_client.force_login(bob)
    assert teacher_client.get(reverse("quizzes:quiz", args=[quiz.pk])).status_code == 404
    assert teacher_client.post(reverse("quizzes:quiz_start", args=[quiz.pk])).status_code in (
        403,
        404,
    )
    assert teacher_client.get(reverse("quizzes:quiz_deck", args=[quiz.pk])).status_code == 404


def test_a_teacher_deleted_from_the_admin_leaves_their_quizzes_closed(teacher, studied):
    quiz = studied["quiz"]
    Quiz.objects.filter(pk=quiz.pk).update(owner=teacher, status=Quiz.Status.PUBLISHED)
    User.objects.filter(pk=teacher.pk).delete()
    quiz.refresh_from_db()
    assert quiz.owner is None and quiz.status == Quiz.Status.DRAFT


def test_a_failure_half_way_deletes_nothing(alice_client, alice, record_attempt, monkeypatch):
    record_attempt(alice, [1, 1, 1, 1])
    AccessLog.objects.create(username="alice", ip_address="127.0.0.1")

    def fail(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(User, "delete", fail)
    with pytest.raises(RuntimeError):
        alice_client.post(DELETE, {"password": PASSWORD})
    assert AccessLog.objects.filter(username="alice").exists()
    assert Attempt.objects.filter(user=alice).exists()


def test_the_download_holds_every_flashcard_and_review(alice_client, alice, bob, log_review):
    from datetime import date

    from flashcards.models import LearnerSettings

    LearnerSettings.objects.create(user=alice, new_per_day=7)
    log_review(alice, date(2026, 3, 9), rating=1)
    log_review(alice, date(2026, 3, 10))
    log_review(bob, date(2026, 3, 10))
    cards = json.loads(alice_client.get(DATA).content)["flashcards"]
    assert cards["settings"]["new_per_day"] == 7
    assert len(cards["cards"]) == 2 and cards["cards"][0]["document"] == "tien-do"
    assert [(r["review_day"], r["rating"]) for r in cards["reviews"]] == [
        ("2026-03-09", 1),
        ("2026-03-10", 3),
    ]
    assert {r["card"] for r in cards["reviews"]} == {c["id"] for c in cards["cards"]}


def test_the_download_holds_each_cards_interval_as_anki_keeps_it(alice_client, alice, log_review):
    """A card's interval and each rating's scheduled days and the card's interval before it
    (Anki's ivl and lastIvl): what a learner moving their schedule elsewhere needs."""
    from datetime import date

    from flashcards.models import LearnerCard, ReviewLog

    log = log_review(alice, date(2026, 3, 10), last_interval=12)
    ReviewLog.objects.filter(pk=log.pk).update(scheduled_days=30)
    LearnerCard.objects.filter(pk=log.learner_card_id).update(interval=30)
    cards = json.loads(alice_client.get(DATA).content)["flashcards"]
    assert cards["cards"][0]["interval"] == 30
    review = cards["reviews"][0]
    assert (review["scheduled_days"], review["last_interval"]) == (30, 12)


def test_deleting_a_learner_removes_their_flashcards_and_reviews(
    alice_client, alice, bob, log_review
):
    from datetime import date

    from flashcards.models import LearnerCard, ReviewLog

    log_review(alice, date(2026, 3, 10))
    log_review(bob, date(2026, 3, 10))
    html = alice_client.get(DELETE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "your 1 review" in html
    alice_client.post(DELETE, {"password": PASSWORD})
    assert list(ReviewLog.objects.values_list("user__username", flat=True)) == ["bob"]
    assert list(LearnerCard.objects.values_list("user__username", flat=True)) == ["bob"]
