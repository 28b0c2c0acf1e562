"""Attempts kept on the server: drawn once, answered once, timed by the server, in the quiz's
language."""

import random
from datetime import timedelta
from unittest import mock

import pytest
from django.db.models import Q
from django.utils import timezone

from quizzes import taking
from quizzes.feedback import feedback
from quizzes.models import Attempt, AttemptItem, Question, Quiz
from tests.support.quiz_fixtures import TYPES


def _item(attempt, position=1) -> AttemptItem:
    return AttemptItem.objects.select_related("attempt__quiz", "question", "prompt_question").get(
        attempt=attempt, position=position
    )


def test_starting_twice_resumes_the_same_attempt_with_the_same_order(make_quiz, alice):
    quiz = make_quiz(order=Quiz.Order.RANDOM)
    first = taking.start_attempt(quiz, alice, rng=random.Random(1))
    again = taking.start_attempt(quiz, alice, rng=random.Random(2))
    assert again.pk == first.pk
    assert Attempt.objects.count() == 1


def test_options_are_shuffled_once_per_attempt_and_stored(make_quiz, alice):
    quiz = make_quiz([("single_choice", "vi")])
    orders = set()
    for seed in range(8):
        attempt = taking.start_attempt(quiz, alice, rng=random.Random(seed))
        orders.add(tuple(_item(attempt).choices))
        assert tuple(_item(attempt).choices) == tuple(_item(attempt).choices)
        taking.finish_attempt(attempt)
    assert len(orders) > 1
    assert all(sorted(order) == sorted(Question.objects.get().choices) for order in orders)


def test_options_keep_their_order_when_the_teacher_turns_shuffling_off(make_quiz, alice):
    quiz = make_quiz([("single_choice", "vi")], shuffle_options=False)
    attempt = taking.start_attempt(quiz, alice, rng=random.Random(3))
    assert _item(attempt).choices == Question.objects.get().choices


def test_an_ordering_question_is_never_shown_in_its_answer_order(make_quiz, alice):
    quiz = make_quiz([("ordering", "zh")], shuffle_options=False)
    for seed in range(10):
        attempt = taking.start_attempt(quiz, alice, rng=random.Random(seed))
        assert _item(attempt).choices != _item(attempt).question.answer
        taking.finish_attempt(attempt)


def test_a_fixed_quiz_asks_in_the_set_order(make_quiz, alice):
    quiz = make_quiz()
    attempt = taking.start_attempt(quiz, alice, rng=random.Random(5))
    asked = list(attempt.items.values_list("question__type", flat=True))
    assert asked == TYPES


def test_a_random_quiz_draws_the_set_number_of_questions(make_quiz, alice):
    quiz = make_quiz(order=Quiz.Order.RANDOM, draw=3)
    drawn = set()
    for seed in range(6):
        attempt = taking.start_attempt(quiz, alice, rng=random.Random(seed))
        types = list(attempt.items.values_list("question__type", flat=True))
        assert len(types) == 3 == len(set(types)) == attempt.max_score
        drawn.add(tuple(types))
        taking.finish_attempt(attempt)
    assert len(drawn) > 1


def test_draft_and_retired_questions_are_not_asked(make_quiz, alice):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi"), ("ordering", "vi")])
    Question.objects.filter(type="true_false").update(status=Question.Status.DRAFT)
    Question.objects.filter(type="ordering").update(status=Question.Status.RETIRED)
    attempt = taking.start_attempt(quiz, alice)
    assert list(attempt.items.values_list("question__type", flat=True)) == ["cloze"]


def test_a_chinese_quiz_asks_the_chinese_variant_of_a_vietnamese_question(
    make_quiz, make_question, alice
):
    make_question("cloze", "zh", status=Question.Status.DRAFT)
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")], language=Quiz.Language.ZH)
    attempt = taking.start_attempt(quiz, alice)
    asked = list(attempt.items.values_list("question__type", "question__language"))
    # The cloze has a Chinese variant; the true/false question has none and stays as it is.
    assert asked == [("cloze", "zh"), ("true_false", "vi")]


def test_a_mixed_quiz_never_asks_one_question_twice_in_two_languages(make_quiz, alice):
    quiz = make_quiz([("cloze", "vi"), ("cloze", "zh"), ("ordering", "zh")])
    attempt = taking.start_attempt(quiz, alice)
    assert list(attempt.items.values_list("question__type", flat=True)) == ["cloze", "ordering"]


def test_a_bilingual_quiz_shows_one_language_and_takes_the_answer_in_the_other(
    make_quiz, make_question, alice
):
    make_question("single_choice", "vi")
    quiz = make_quiz([("single_choice", "zh")], language=Quiz.Language.BILINGUAL)
    item = _item(taking.start_attempt(quiz, alice))
    # A practice quiz runs both ways (tests/quizzes/test_taking_language.py): either direction.
    assert {item.prompt_question.language, item.question.language} == {"zh", "vi"}
    assert sorted(item.choices) == sorted(item.question.choices)
    recorded = taking.record_answer(item, item.question.answer)
    assert recorded.item.correct


def test_a_quiz_with_no_attempts_left_refuses_a_new_one(make_quiz, alice):
    quiz = make_quiz([("cloze", "vi")], attempts_allowed=1)
    taking.finish_attempt(taking.start_attempt(quiz, alice))
    with pytest.raises(taking.QuizUnavailable) as refusal:
        taking.start_attempt(quiz, alice)
    assert refusal.value.code == "no_attempts_left"


def test_a_draft_quiz_cannot_be_started(make_quiz, alice):
    quiz = make_quiz([("cloze", "vi")], status=Quiz.Status.DRAFT)
    with pytest.raises(taking.QuizUnavailable):
        taking.start_attempt(quiz, alice)


def test_an_answer_is_recorded_once_and_a_repeat_changes_nothing(make_quiz, alice):
    quiz = make_quiz([("cloze", "vi"), ("cloze", "zh")], language=Quiz.Language.MIXED)
    attempt = taking.start_attempt(quiz, alice)
    first = taking.record_answer(_item(attempt), "Quảng Đông")
    again = taking.record_answer(_item(attempt), "Giang Tô")
    assert not first.duplicate and again.duplicate
    stored = _item(attempt)
    assert stored.response == "Quảng Đông" and not stored.correct


def test_the_last_answer_finishes_the_attempt_with_its_score(make_quiz, alice):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")])
    attempt = taking.start_attempt(quiz, alice)
    assert not taking.record_answer(_item(attempt, 1), "Giang To").finished
    recorded = taking.record_answer(_item(attempt, 2), False)
    assert recorded.finished
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 1.0 and attempt.percent == 50
    assert not attempt.passed


def test_an_answer_after_the_time_limit_is_not_counted_and_ends_the_attempt(make_quiz, alice):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")], time_limit=10)
    start = timezone.now()
    attempt = taking.start_attempt(quiz, alice, now=start)
    assert attempt.deadline == start + timedelta(minutes=10)
    late = taking.record_answer(_item(attempt), "Giang Tô", now=start + timedelta(minutes=11))
    assert late.late and late.finished
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 0
    assert not _item(attempt).is_answered


def test_an_answer_just_inside_the_limit_counts(make_quiz, alice):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")], time_limit=10)
    start = timezone.now()
    attempt = taking.start_attempt(quiz, alice, now=start)
    on_time = start + timedelta(minutes=10, seconds=2)  # in the network grace
    assert not taking.record_answer(_item(attempt), "Giang Tô", now=on_time).late


def test_an_expired_attempt_is_finished_when_the_learner_comes_back(make_quiz, alice):
    quiz = make_quiz([("cloze", "vi")], time_limit=1)
    start = timezone.now() - timedelta(minutes=5)
    old = taking.start_attempt(quiz, alice, now=start)
    new = taking.start_attempt(quiz, alice)
    old.refresh_from_db()
    assert old.is_finished and new.pk != old.pk and new.number == 2


def test_a_wrong_answer_sends_its_fact_to_the_flashcards_after_the_commit(
    make_quiz, alice, django_capture_on_commit_callbacks
):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")])
    attempt = taking.start_attempt(quiz, alice)
    sent = []
    bring_forward = taking.bring_forward

    def spy(user, fact_ids):
        sent.append((user, fact_ids))
        return bring_forward(user, fact_ids)

    with mock.patch.object(taking, "bring_forward", spy):
        with django_capture_on_commit_callbacks(execute=True):
            taking.record_answer(_item(attempt, 1), "Giang Tô")
        assert sent == []
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            taking.record_answer(_item(attempt, 2), False)
        assert sent == []  # not inside the answer's transaction: after its commit
        for callback in callbacks:
            callback()
        assert sent == [(alice, [Question.objects.get(type="true_false").fact_id])]
        sent.clear()
        # The results page's "practise what I missed" brings the fact's cloze and its terms'
        # cards forward too.
        assert taking.practise_missed(Attempt.objects.get()) >= 1
        assert sent == [(alice, [Question.objects.get(type="true_false").fact_id])]


@pytest.mark.parametrize("studying", [True, False])
def test_bringing_a_missed_fact_forward_after_a_wrong_answer_takes_three_statements(
    make_quiz, alice, django_assert_num_queries, studying
):
    """The work after a wrong answer's response (issue 18): whether an open end-feedback
    attempt hides the fact, the fact's cards with whether the learner has them and the
    learner's earliest due time, the update alone, or the insert of the cards they lacked and
    the update in a transaction (the savepoint pair in the test's transaction)."""
    from flashcards.models import LearnerCard
    from flashcards.services import ensure_notes, start_studying

    quiz = make_quiz([("true_false", "vi"), ("cloze", "vi")])
    ensure_notes([quiz.document_id])  # the document's flashcards, built when it was loaded
    if studying:
        start_studying(alice, quiz.document)
    fact_id = Question.objects.get(type="true_false").fact_id
    with django_assert_num_queries(3 if studying else 6):
        taking.forward_missed_cards(alice.pk, [fact_id])
    forwarded = LearnerCard.objects.filter(user=alice, forwarded=True)
    assert forwarded.exists()
    assert set(forwarded.values_list("due", flat=True)) == {
        LearnerCard.objects.filter(user=alice).order_by("due").values_list("due", flat=True)[0]
    }


def test_a_missed_fact_of_a_document_without_notes_builds_them_and_comes_forward(make_quiz, alice):
    """A document stored before flashcards existed has no notes: the first wrong answer on it
    builds them, and the fact's cards come to the front of the learner's queue."""
    from flashcards.models import LearnerCard, Note

    quiz = make_quiz([("true_false", "vi")])
    assert not Note.objects.filter(document=quiz.document).exists()
    fact_id = Question.objects.get().fact_id
    taking.forward_missed_cards(alice.pk, [fact_id])
    forwarded = LearnerCard.objects.filter(user=alice, forwarded=True)
    assert Note.objects.filter(document=quiz.document).exists() and forwarded.exists()
    assert {card.note_id for card in forwarded} <= set(
        Note.objects.filter(document=quiz.document).values_list("pk", flat=True)
    )


def test_a_missed_fact_without_a_card_moves_nothing_in_three_statements(
    make_quiz, alice, django_assert_num_queries
):
    """A fact no flashcard asks about (its document's notes built): whether it is hidden, its
    cards (none), whether its document's notes were ever built; nothing is written, and no
    transaction is opened (on SQLite one would take the write lock every learner waits for)."""
    from flashcards.models import LearnerCard, Note
    from flashcards.services import ensure_notes, start_studying

    quiz = make_quiz([("true_false", "vi")])
    ensure_notes([quiz.document_id])
    start_studying(alice, quiz.document)
    fact = Question.objects.get().fact
    Note.objects.filter(Q(facts=fact) | Q(term__facts=fact)).update(is_active=False)
    before = list(LearnerCard.objects.filter(user=alice).values_list("pk", "due", "version"))
    with django_assert_num_queries(3):  # no savepoint: nothing to write
        taking.forward_missed_cards(alice.pk, [fact.pk])
    after = list(LearnerCard.objects.filter(user=alice).values_list("pk", "due", "version"))
    assert after == before


@pytest.mark.parametrize(
    ("qtype", "data", "expected"),
    [
        ("single_choice", {"response": "CHOICE:Giang Tô"}, "Giang Tô"),
        ("true_false", {"response": "false"}, False),
        ("cloze", {"response": "  Giang Tô "}, "Giang Tô"),
    ],
)
def test_a_response_is_read_as_option_text_not_as_its_position(
    make_quiz, alice, rf, qtype, data, expected
):
    quiz = make_quiz([(qtype, "vi")])
    item = _item(taking.start_attempt(quiz, alice, rng=random.Random(7)))
    value = data["response"]
    if value.startswith("CHOICE:"):
        value = str(item.choices.index(value.removeprefix("CHOICE:")))
    request = rf.post("/", {"response": value})
    assert taking.read_response(item, request.POST) == expected


def test_an_ordering_response_with_a_repeated_position_is_refused(make_quiz, alice, rf):
    item = _item(taking.start_attempt(make_quiz([("ordering", "vi")]), alice))
    request = rf.post("/", {"rank-0": "1", "rank-1": "1", "rank-2": "2"})
    with pytest.raises(taking.InvalidResponse) as problem:
        taking.read_response(item, request.POST)
    assert problem.value.code == "ranks"


def test_a_matching_response_maps_every_left_item_to_the_option_text(make_quiz, alice, rf):
    item = _item(taking.start_attempt(make_quiz([("matching", "vi")]), alice))
    answer = dict(item.question.answer)
    data = {f"match-{i}": str(item.choices.index(answer[left])) for i, left in enumerate(answer)}
    response = taking.read_response(item, rf.post("/", data).POST)
    assert taking.record_answer(item, response).item.correct


def test_a_failing_flashcard_update_never_fails_or_undoes_the_answer(
    make_quiz, alice, django_capture_on_commit_callbacks
):
    quiz = make_quiz([("true_false", "vi"), ("cloze", "vi")])
    attempt = taking.start_attempt(quiz, alice)

    def broken(user, fact_ids):
        raise RuntimeError("the flashcards are down")

    broken_flashcards = mock.patch.object(taking, "bring_forward", broken)
    with broken_flashcards, django_capture_on_commit_callbacks(execute=True):
        recorded = taking.record_answer(_item(attempt, 1), False)
    assert not recorded.duplicate and not recorded.item.correct
    assert AttemptItem.objects.get(attempt=attempt, position=1).is_answered


# --- an imported question's weights, an ordering subset --------------------------------------


def test_weights_apply_only_while_they_fit_the_options():
    weights = {"a": 0.5, "b": 0.5, "c": -1.0}
    question = Question(
        type="multiple_choice", answer=["a", "b"], choices=["a", "b", "c"], weights=weights
    )
    assert taking.current_weights(question) == weights
    question.choices = ["a", "b", "d"]
    assert taking.current_weights(question) is None, "an edited option leaves the weights behind"


def test_an_ordering_subset_shows_that_many_items_and_is_graded_on_them():
    items = ["một", "hai", "ba", "bốn", "năm", "sáu"]
    question = Question(
        type="ordering", language="vi", answer=items, choices=list(reversed(items)), subset=2
    )
    shown = taking.shown_choices(question, random.Random(3), shuffle=True)
    assert len(shown) == 2 and set(shown) <= set(items)
    right = taking.shown_answer(question, shown)
    assert right == [i for i in items if i in shown] and shown != right
    item = AttemptItem(question=question, choices=shown, response=right, score=1.0, correct=True)
    assert taking.grade_item(item, right, terms=()).correct
    assert not taking.grade_item(item, list(reversed(right)), terms=()).correct
    assert feedback(item, terms=()).answer == [f"{n}. {t}" for n, t in enumerate(right, 1)]
