"""Answers and "finish now" racing on one attempt, for real: threads released together, each with
its own connection, on SQLite as `make run` serves it (a file, WAL, IMMEDIATE transactions) and
on PostgreSQL (row locks) when the suite runs there.

The attacks: answers posted in the same moment as "finish now" graded after the finish (a stored
score of 0.0 against items summing to 3.58); two tabs answering the last two questions at once
leaving the attempt open with every question answered.
"""

import threading
import time
from datetime import timedelta

import pytest
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from accounts.models import User
from content.models import Document, Fact, Passage, Sentence
from quizzes import taking
from quizzes.models import Attempt, AttemptItem, Question, Quiz, QuizQuestion
from tests.support.concurrency import at_once

pytestmark = pytest.mark.usefixtures("shared_database")

ZH = "2010年,江苏省承担了对口支援新疆12个县市的任务。"
VI = "Năm 2010, tỉnh Giang Tô đảm nhận nhiệm vụ hỗ trợ 12 huyện thị của Tân Cương."


def quiz_of(n: int, username: str = "racer") -> tuple[Quiz, User]:
    document = Document.objects.create(slug="race", languages="zh,vi", source_text="…")
    passage = Passage.objects.create(document=document, index=0, zh=ZH, vi=VI)
    sentence = Sentence.objects.create(document=document, passage=passage, index=0, zh=ZH, vi=VI)
    fact = Fact.objects.create(
        document=document, key="f", kind="event", passage=passage, sentence=sentence, zh=ZH, vi=VI
    )
    quiz = Quiz.objects.create(
        title="Race", document=document, status=Quiz.Status.PUBLISHED, language="vi"
    )
    for i in range(n):
        question = Question.objects.create(
            document=document,
            fact=fact,
            type="cloze",
            language="vi",
            prompt=f"Năm 2010, tỉnh ____ ({i}).",
            answer="Giang Tô",
            source=VI,
            source_translation=ZH,
            status=Question.Status.PUBLISHED,
            key=f"race-{i}",
        )
        QuizQuestion.objects.create(quiz=quiz, question=question, position=i + 1)
    return quiz, User.objects.create_user(username, password="x")


def load_item(attempt_id: int, position: int) -> AttemptItem:
    """The item as the answer view loads it, before it records anything."""
    return AttemptItem.objects.select_related(
        "attempt", "attempt__quiz", "question", "prompt_question"
    ).get(attempt_id=attempt_id, position=position)


def answer(attempt_id: int, position: int, text: str):
    return lambda: taking.record_answer(load_item(attempt_id, position), text)


def finish(attempt_id: int):
    return lambda: taking.finish_attempt(Attempt.objects.get(pk=attempt_id))


def assert_consistent(attempt: Attempt) -> None:
    """Finished with the sum of its items, and nothing answered after the finish."""
    attempt.refresh_from_db()
    assert attempt.is_finished
    total = attempt.items.aggregate(total=Sum("score"))["total"] or 0.0
    assert attempt.score == pytest.approx(total)
    assert not attempt.items.filter(answered_at__gt=attempt.finished_at).exists()


def test_twenty_answers_racing_finish_now_are_graded_before_it_or_refused():
    quiz, user = quiz_of(20)
    for _round in range(3):
        attempt = taking.start_attempt(quiz, user)
        calls = [answer(attempt.pk, p, "Giang Tô" if p % 2 else "Quảng Đông") for p in range(1, 21)]
        results = at_once(*calls, finish(attempt.pk))
        errors = [r for r in results if isinstance(r, Exception)]
        assert errors == []
        answers, finished_by_finish = results[:-1], results[-1]
        # Finished exactly once: by "finish now" or by the last answer, never both.
        assert sum(r.finished and not r.refused for r in answers) + finished_by_finish == 1
        assert_consistent(attempt)
        for position, recorded in enumerate(answers, start=1):
            item = AttemptItem.objects.get(attempt=attempt, position=position)
            # Graded answers are in the score; refused ones were never graded.
            assert item.is_answered == (not recorded.refused)
            if recorded.refused:
                assert item.score is None and item.response is None


def test_two_tabs_answering_the_last_two_questions_finish_the_attempt_once():
    quiz, user = quiz_of(3)
    for _round in range(5):
        attempt = taking.start_attempt(quiz, user)
        taking.record_answer(load_item(attempt.pk, 1), "Giang Tô")
        first, second = at_once(answer(attempt.pk, 2, "Giang Tô"), answer(attempt.pk, 3, "x"))
        assert not first.refused and not second.refused
        assert [first.finished, second.finished].count(True) == 1
        assert_consistent(attempt)
        assert not Attempt.objects.filter(user=user, finished_at__isnull=True).exists()


def test_an_answer_that_waited_for_another_tabs_lock_sees_its_answer_and_finishes():
    """The second tab's statement begins while the first holds the attempt's lock, and reads on
    once the first commits: on PostgreSQL its rows would read as they stood when it began (the
    first tab's question unanswered) unless read again under the lock; then neither finished."""
    quiz, user = quiz_of(3)
    attempt = taking.start_attempt(quiz, user)
    taking.record_answer(load_item(attempt.pk, 1), "Giang Tô")
    second, third = load_item(attempt.pk, 2), load_item(attempt.pk, 3)
    holding = threading.Event()

    def first_tab():
        with transaction.atomic():
            recorded = taking.record_answer(second, "Giang Tô")
            holding.set()
            time.sleep(0.5)  # the other tab's answer waits for the lock meanwhile
        return recorded

    def other_tab():
        holding.wait(10)
        return taking.record_answer(third, "Giang Tô")

    first, other = at_once(first_tab, other_tab)
    assert (first.finished, first.unanswered) == (False, (3,))
    assert (other.finished, other.unanswered) == (True, ())
    assert_consistent(attempt)


def test_a_reading_then_writing_transaction_waits_for_the_writer_instead_of_failing():
    """SQLite's "database is locked" under load: a transaction that read before another commit
    cannot upgrade to write. Begun IMMEDIATE (config/settings.py), it waits its turn instead."""
    quiz, user = quiz_of(1)
    started = timezone.now()

    def slow_writer():
        with transaction.atomic():
            Quiz.objects.filter(pk=quiz.pk).update(title="writer")
            time.sleep(0.5)
        return True

    def reader_then_writer():
        time.sleep(0.1)  # the writer holds the lock by now
        with transaction.atomic():
            count = Attempt.objects.filter(user=user).count()
            Quiz.objects.filter(pk=quiz.pk).update(title=f"reader {count}")
        return True

    assert at_once(slow_writer, reader_then_writer) == [True, True]
    assert Quiz.objects.get(pk=quiz.pk).title == "reader 0"
    assert timezone.now() - started < timedelta(seconds=20)
