"""Building a quiz (teaching.building): the rule that picks questions, and adding,
removing, moving and publishing, with positions kept 1…n."""

import random

import pytest

from quizzes.models import Question, Quiz
from teaching import building
from teaching.building import Candidate, Rule, pick

CANDIDATES = [
    Candidate(1, "cloze", "vi", 1, "a"),
    Candidate(2, "cloze", "zh", 1, "a"),
    Candidate(3, "true_false", "vi", 2, "b"),
    Candidate(4, "single_choice", "vi", 3, "c"),
    Candidate(5, "single_choice", "zh", 3, "d"),
    Candidate(6, "ordering", "vi", None, ""),
]


def test_a_rule_picks_only_what_it_admits():
    rule = Rule(count=10, paragraphs=frozenset({1, 3}), language="vi")
    assert pick(CANDIDATES, rule, random.Random(1)) == [1, 4]


def test_a_rule_picks_by_type_and_never_two_versions_of_one_question():
    picked = pick(CANDIDATES, Rule(count=10, types=frozenset({"cloze"})), random.Random(2))
    assert picked in ([1], [2])


def test_a_rule_draws_at_random_but_keeps_document_order():
    seen = set()
    for seed in range(20):
        picked = pick(CANDIDATES, Rule(count=2), random.Random(seed))
        assert len(picked) == 2 and picked == sorted(picked)
        seen.add(tuple(picked))
    assert len(seen) > 3


def test_a_rule_skips_questions_already_in_the_quiz_and_their_other_versions():
    rule = Rule(count=10)
    picked = pick(CANDIDATES, rule, random.Random(3), taken={3}, taken_variants={"a"})
    assert picked == [4, 5, 6]


def test_a_rule_asking_for_more_than_there_is_gives_what_there_is():
    rule = Rule(count=10, paragraphs=frozenset({2}))
    assert pick(CANDIDATES, rule, random.Random(4)) == [3]


@pytest.fixture
def quiz(quiz_document, teacher):
    return Quiz.objects.create(title="Bài 1", document=quiz_document, owner=teacher)


@pytest.fixture
def questions(make_question):
    return [make_question(t, "vi") for t in ("cloze", "true_false", "ordering", "matching")]


def _order(quiz):
    return list(quiz.entries.order_by("position").values_list("question_id", "position"))


def test_adding_appends_in_order_and_skips_duplicates(quiz, questions, teacher):
    a, b, c, _ = questions
    assert building.add(quiz, teacher, [b.pk, a.pk]) == 2
    assert building.add(quiz, teacher, [a.pk, c.pk]) == 1
    assert _order(quiz) == [(b.pk, 1), (a.pk, 2), (c.pk, 3)]


def test_only_questions_the_teacher_may_read_of_the_quizs_document_are_added(
    quiz, make_question, teacher, other_teacher, document
):
    theirs = Question.objects.create(
        document=document,
        type="cloze",
        language="vi",
        prompt="____ là thủ đô.",
        answer="Hà Nội",
        author=other_teacher,
    )
    retired = make_question("cloze", "zh", status=Question.Status.RETIRED)
    assert building.add(quiz, teacher, [theirs.pk, retired.pk]) == 0
    theirs.status = Question.Status.PUBLISHED
    theirs.save()
    assert building.add(quiz, teacher, [theirs.pk]) == 1


def test_removing_closes_the_gap(quiz, questions, teacher):
    building.add(quiz, teacher, [q.pk for q in questions])
    assert building.remove(quiz, questions[1].pk)
    assert [p for _, p in _order(quiz)] == [1, 2, 3]
    assert not building.remove(quiz, questions[1].pk)


def test_moving_swaps_with_the_neighbour_and_stops_at_the_ends(quiz, questions, teacher):
    a, b, c, d = questions
    building.add(quiz, teacher, [a.pk, b.pk, c.pk, d.pk])
    assert building.move(quiz, c.pk, -1)
    assert [q for q, _ in _order(quiz)] == [a.pk, c.pk, b.pk, d.pk]
    assert not building.move(quiz, a.pk, -1)
    assert not building.move(quiz, d.pk, 1)


def test_reordering_must_name_every_question_once(quiz, questions, teacher):
    a, b, c, _ = questions
    building.add(quiz, teacher, [a.pk, b.pk, c.pk])
    building.reorder(quiz, [c.pk, a.pk, b.pk])
    assert [q for q, _ in _order(quiz)] == [c.pk, a.pk, b.pk]
    with pytest.raises(building.OrderMismatch):
        building.reorder(quiz, [c.pk, a.pk])
    assert [q for q, _ in _order(quiz)] == [c.pk, a.pk, b.pk]


def test_a_rule_adds_published_questions_from_the_chosen_paragraph(quiz, bank, teacher):
    Question.objects.filter(language="vi").update(status=Question.Status.PUBLISHED)
    added = building.add_by_rule(quiz, teacher, Rule(count=3, paragraphs=frozenset({1})))
    assert added == 3
    assert set(quiz.questions.values_list("language", flat=True)) == {"vi"}


def test_publishing_is_refused_with_each_reason(quiz, make_question, teacher):
    assert [p.code for p in building.set_status(quiz, "published")] == ["no_questions"]
    draft = make_question("cloze", "vi", status=Question.Status.DRAFT)
    building.add(quiz, teacher, [draft.pk])
    quiz.draw = 3
    problems = building.set_status(quiz, "published")
    assert [(p.code, p.count) for p in problems] == [
        ("unpublished_questions", 1),
        ("draw_too_large", 1),
    ]
    quiz.refresh_from_db()
    assert quiz.status == "draft"
    Question.objects.filter(pk=draft.pk).update(status="published")
    quiz.draw = None
    assert building.set_status(quiz, "published") == []
    quiz.refresh_from_db()
    assert quiz.is_published
