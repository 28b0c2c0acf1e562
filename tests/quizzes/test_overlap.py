"""One fact, one question per attempt (issue 16, item 2): quizzes.overlap, the attempt's draw,
the rule builder, and every shipped practice quiz."""

import random
from pathlib import Path

import pytest
from django.core.management import call_command

from quizzes import overlap, taking
from quizzes.models import Quiz
from quizzes.overlap import Asked
from teaching.building import Candidate, Rule, pick

DOCUMENTS = Path(__file__).resolve().parents[2] / "content" / "documents"


def _asked(fact, prompt, *answers):
    return Asked(fact, (prompt,), frozenset(a.casefold() for a in answers))


def test_questions_on_one_fact_overlap_in_any_type_or_language():
    assert overlap.overlap(_asked(1, "____承担了任务。", "江苏省"), _asked(1, "Đúng hay sai: …"))


def test_a_prompt_that_shows_another_answer_overlaps():
    cloze = _asked(1, "Năm 2010, tỉnh ____ hỗ trợ Tân Cương.", "Giang Tô")
    statement = _asked(2, "Đúng hay sai: năm 2010 Giang Tô hỗ trợ Tân Cương.")
    assert overlap.overlap(cloze, statement) and overlap.overlap(statement, cloze)


def test_a_shared_answer_overlaps_and_unrelated_questions_do_not():
    cloze = _asked(1, "Tỉnh ____ hỗ trợ Tân Cương.", "Giang Tô")
    translation = _asked(None, "“江苏”用越南语怎么说？", "Giang Tô")
    other = _asked(3, "Thủ đô của Việt Nam là ____.", "Hà Nội")
    assert overlap.overlap(cloze, translation)
    assert not overlap.overlap(cloze, other)


def test_answer_texts_read_every_shape():
    assert overlap.answer_texts([["江苏", "新疆"], ["上海", "x"]]) == {"江苏", "新疆", "上海"}
    assert overlap.answer_texts(True) == frozenset()


def test_the_draw_takes_one_question_per_fact_while_it_can():
    items = [_asked(i // 3, f"p{i}", f"answer {i}") for i in range(12)]  # 4 facts, 3 each
    for seed in range(50):
        drawn = overlap.draw(items, 4, random.Random(seed))
        assert len({items[i].fact for i in drawn}) == 4
        # Fewer facts than questions asked: the rest is filled.
        assert len(overlap.draw(items, 6, random.Random(seed))) == 6


def test_an_attempt_asks_each_fact_once(make_quiz, make_question, quiz_document):
    fact = quiz_document.facts.get()
    second = fact.__class__.objects.create(document=quiz_document, key="f2", kind="event")
    quiz = make_quiz([(t, "vi") for t in ("cloze", "single_choice", "true_false")], draw=2)
    other = make_question(
        "translation", "zh", fact=second, prompt="“宁夏”用越南语怎么说？", answer="Ninh Hạ"
    )
    quiz.entries.create(question=other, position=4)
    for seed in range(30):
        plan = taking.plan_items(quiz, random.Random(seed))
        assert {item["question"].fact_id for item in plan} == {fact.pk, second.pk}


def test_the_rule_builder_draws_one_question_per_fact():
    candidates = [
        Candidate(i, "cloze", "vi", 1, f"v{i}", _asked(i // 2, f"p{i}", f"a{i}")) for i in range(10)
    ]  # five facts, two questions each
    for seed in range(30):
        picked = pick(candidates, Rule(count=5), random.Random(seed))
        assert len({i // 2 for i in picked}) == 5
    taken = [_asked(0, "p0", "a0")]
    picked = pick(candidates, Rule(count=4), random.Random(1), taken={0}, taken_asked=taken)
    assert 1 not in picked and len({i // 2 for i in picked}) == 4


@pytest.fixture
def shipped_quizzes(db):
    call_command("load_document", str(DOCUMENTS))
    call_command("create_practice_quizzes")
    return list(Quiz.objects.filter(owner__isnull=True))


@pytest.mark.parametrize("language", ["", "zh", "vi", "bilingual"])
def test_every_shipped_practice_quiz_asks_each_fact_once(shipped_quizzes, language):
    assert shipped_quizzes
    for quiz in shipped_quizzes:
        facts = {q.fact_id for q in quiz.questions.all() if q.fact_id}
        rng = random.Random(2)
        for _ in range(30):
            plan = taking.plan_items(quiz, rng, language=language)
            views = [
                overlap.asked(*dict.fromkeys((i["question"], i["prompt_question"]))) for i in plan
            ]
            # Every fact the quiz holds is asked before any is asked twice; a fact comes back
            # only when the quiz holds fewer facts than the questions drawn.
            asked_facts = [v.fact for v in views if v.fact is not None]
            assert len(set(asked_facts)) == min(len(facts), len(asked_facts)), quiz
            if len(facts) >= len(plan):
                for a in range(len(views)):
                    for b in range(a + 1, len(views)):
                        assert not overlap.overlap(views[a], views[b]), quiz
