"""The learner chooses the language of a practice quiz (issue 16, item 1): Chinese, Vietnamese,
mixed (really about half each) or bilingual both ways, remembered for them; a teacher's quiz
keeps the teacher's setting."""

import random
from collections import Counter

import pytest
from django.urls import reverse

from quizzes import taking
from quizzes.models import Attempt
from tests.support.quiz_fixtures import TYPES

BOTH = [(t, lang) for t in TYPES for lang in ("vi", "zh")]


@pytest.fixture
def practice(make_quiz):
    # As quizzes.seeding builds them: no owner, random order, a draw, "mixed".
    return make_quiz(BOTH, owner=None, order="random", draw=5, language="mixed")


def _plans(quiz, language, n=100):
    rng = random.Random(16)
    return [taking.plan_items(quiz, rng, language=language) for _ in range(n)]


def test_mixed_asks_about_half_in_each_language_over_100_draws(practice):
    counts = Counter(item["question"].language for plan in _plans(practice, "") for item in plan)
    total = sum(counts.values())
    assert total == 500
    assert 0.4 < counts["zh"] / total < 0.6, counts


@pytest.mark.parametrize("language", ["zh", "vi"])
def test_a_chosen_language_is_the_only_one_asked(practice, language):
    for plan in _plans(practice, language, 20):
        assert {item["question"].language for item in plan} == {language}


def test_bilingual_runs_both_ways(practice):
    directions = Counter()
    for plan in _plans(practice, "bilingual"):
        for item in plan:
            asked, prompt = item["question"], item["prompt_question"]
            if asked.type != "translation":
                assert asked.language != prompt.language
                directions[prompt.language] += 1
    assert 0.4 < directions["zh"] / sum(directions.values()) < 0.6, directions


def test_a_teachers_quiz_keeps_the_teachers_setting(make_quiz, teacher):
    quiz = make_quiz(BOTH, owner=teacher, language="vi", order="random", draw=5)
    for plan in _plans(quiz, "zh", 10):
        assert {item["question"].language for item in plan} == {"vi"}


def test_a_teachers_mixed_quiz_asks_what_the_teacher_put_in(make_quiz, teacher):
    quiz = make_quiz([(t, "vi") for t in TYPES], owner=teacher, language="mixed")
    plan = taking.plan_items(quiz, random.Random(1))
    assert {item["question"].language for item in plan} == {"vi"}


def test_the_choice_is_remembered_per_learner(alice_client, alice, practice):
    page = alice_client.get(practice.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert "Ask me the questions in" in html
    assert 'value="mixed" id="language-mixed" checked' in html
    alice_client.post(reverse("quizzes:quiz_start", args=[practice.pk]), {"language": "zh"})
    alice.refresh_from_db()
    assert alice.practice_language == "zh"
    attempt = Attempt.objects.get(user=alice)
    assert set(attempt.items.values_list("question__language", flat=True)) == {"zh"}
    taking.finish_attempt(attempt)
    html = alice_client.get(practice.get_absolute_url()).content.decode()
    assert 'value="zh" id="language-zh" checked' in html


def test_a_teachers_quiz_offers_no_choice_and_ignores_one_posted(client, alice, make_quiz, teacher):
    quiz = make_quiz(BOTH[:2], owner=teacher, language="vi")
    quiz.assignments.create(classroom=_class_with(teacher, alice))
    client.force_login(alice)
    assert "practice-language" not in client.get(quiz.get_absolute_url()).content.decode()
    client.post(reverse("quizzes:quiz_start", args=[quiz.pk]), {"language": "zh"})
    alice.refresh_from_db()
    assert alice.practice_language == ""
    attempt = Attempt.objects.get(user=alice)
    assert set(attempt.items.values_list("question__language", flat=True)) == {"vi"}


def test_a_language_that_is_not_one_is_ignored(alice_client, alice, practice):
    alice_client.post(reverse("quizzes:quiz_start", args=[practice.pk]), {"language": "fr"})
    alice.refresh_from_db()
    assert alice.practice_language == "" and Attempt.objects.filter(user=alice).exists()


def _class_with(teacher, student):
    from accounts.models import Classroom

    classroom = Classroom.objects.create(name="A1", teacher=teacher)
    classroom.students.add(student)
    return classroom
