"""Mastery and class figures read from the database, against numbers worked out by hand.

Alice's answers (questions q1a, q1b about f1; q2 about f2; q3 about f3):
  9:00  attempt 1: q1a 0, q1b 1, q2 1,   q3 0   -> 2 of 4 = 50%
  10:00 attempt 2: q1a 1, q1b –, q2 0.5, q3 –   -> 1.5 of 4 = 37.5%
Her latest answer per question: q1a 1, q1b 1, q2 0.5, q3 0, so f1 = (1 + 1) / 2 = 1.0,
f2 = 0.5, f3 = 0.0; paragraph 1 = (1.0 + 0.5) / 2 = 0.75, paragraph 2 = 0.0.
Bob: one attempt q1a 0, q1b 0, q2 1, q3 1 -> 50%; f1 = 0, f2 = 1, f3 = 1.
"""

from datetime import UTC, datetime, timedelta

import pytest

from accounts.models import Classroom
from progress import stats
from progress.views import fragments

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)


@pytest.fixture
def answers(alice, bob, record_attempt):
    record_attempt(alice, [0, 1, 1, 0], datetime(2026, 3, 10, 9, tzinfo=UTC))
    record_attempt(alice, [1, None, 0.5, None], datetime(2026, 3, 10, 10, tzinfo=UTC))
    record_attempt(bob, [0, 0, 1, 1], datetime(2026, 3, 9, 9, tzinfo=UTC))


def test_mastery_takes_the_latest_answer_to_each_question_of_a_fact(alice, studied, answers):
    f = studied["facts"]
    mastery = stats.masteries([alice.pk], NOW)[alice.pk]
    assert mastery == {f["f1"].pk: 1.0, f["f2"].pk: 0.5, f["f3"].pk: 0.0}


def test_a_learner_with_no_answers_has_no_mastery_at_all(alice, studied):
    assert stats.masteries([alice.pk], NOW) == {alice.pk: {}}


def test_paragraphs_average_the_mastery_of_their_facts(alice, studied, answers):
    mastery = stats.masteries([alice.pk], NOW)[alice.pk]
    first, second = stats.paragraphs(studied["document"], mastery)
    assert (first.percent, first.band, first.facts, first.seen) == (75, "learning", 2, 2)
    assert (second.percent, second.band, second.facts, second.seen) == (0, "weak", 1, 1)


def test_paragraphs_are_read_once_per_document_version(
    alice, studied, answers, django_assert_num_queries
):
    mastery = stats.masteries([alice.pk], NOW)[alice.pk]
    document = studied["document"]
    with django_assert_num_queries(2):  # passages, facts
        first = stats.paragraphs(document, mastery)
    with django_assert_num_queries(0):  # the same for every learner: cached
        assert stats.paragraphs(document, mastery) == first
    # A new analysis saves the document (a new version) with its new passages and facts.
    document.passages.filter(index=0).update(vi="Đoạn mới.")
    studied["facts"]["f2"].passage = document.passages.get(index=1)
    studied["facts"]["f2"].save(update_fields=["passage"])
    document.save()
    with django_assert_num_queries(2):
        fresh = stats.paragraphs(document, mastery)
    assert [(p.passage.vi, p.facts) for p in fresh] == [("Đoạn mới.", 1), ("Đoạn hai.", 2)]


def test_an_inactive_fact_is_neither_counted_nor_listed(alice, studied, answers):
    studied["facts"]["f3"].is_active = False
    studied["facts"]["f3"].save(update_fields=["is_active"])
    progress = stats.learner_progress(alice, NOW)
    assert [w.fact.key for w in progress.weakest] == ["f2"]
    assert stats.paragraphs(studied["document"], progress.mastery)[1].percent is None


def test_the_learner_sees_their_weakest_facts_and_quiz_history_newest_first(
    alice, answers, django_assert_num_queries
):
    progress = stats.learner_progress(alice, NOW)
    with django_assert_num_queries(0):  # what the dashboard shows of an attempt is read
        shown = [
            (a.finished_at, a.passed, a.quiz.title, a.quiz.document_id) for a in progress.attempts
        ]
    assert shown[0][1:] == (False, "Ôn tập", progress.last_document_id)
    assert [(w.fact.key, w.percent) for w in progress.weakest] == [("f3", 0), ("f2", 50)]
    assert [a.percent for a in progress.attempts] == [38, 50]  # 37.5% rounds to 38
    assert progress.last_document_id == progress.attempts[0].quiz.document_id


def test_one_learners_evidence_read_by_the_compiled_queries_is_the_class_queries(
    alice, bob, studied, answers, make_card
):
    """The dashboard reads one learner with queries compiled once (config.prepared); a class
    reads many with plain querysets: the same rows."""
    make_card(alice, NOW, fact="f3", stability=5.0, last_review=NOW - timedelta(days=5))
    make_card(bob, NOW, fact="f1", stability=2.0, last_review=NOW - timedelta(days=1))
    both_quiz, both_cards = (
        stats.quiz_evidence([alice.pk, bob.pk]),
        stats.card_evidence([alice.pk, bob.pk], NOW),
    )
    for user in (alice, bob):
        assert stats.quiz_evidence([user.pk]) == {user.pk: both_quiz[user.pk]}
        assert stats.card_evidence([user.pk], NOW) == {user.pk: both_cards[user.pk]}


def test_weak_facts_are_read_whatever_their_number(studied, django_assert_num_queries):
    f = studied["facts"]
    mastery = {f["f1"].pk: 0.4, f["f2"].pk: 0.1, f["f3"].pk: 0.9}  # f3 is known: not weak
    with django_assert_num_queries(1):
        weak = stats.weak_facts(mastery, 5)
        html = fragments.weak_facts_html(weak)  # what the dashboard shows of them: read
    assert "Sự kiện hai" in html and "/documents/tien-do/" in html
    assert [(w.fact.key, w.percent) for w in weak] == [("f2", 10), ("f1", 40)]
    assert weak[0].fact.document == studied["document"]
    assert str(weak[0].fact.document) == "Tiến độ"
    assert weak[0].fact.document.get_absolute_url() == studied["document"].get_absolute_url()
    assert (weak[1].fact.vi, weak[1].fact.zh) == ("Sự kiện một", "事件一")
    assert [w.fact.key for w in stats.weak_facts(mastery, 1)] == ["f2"]
    assert stats.weak_facts({}, 5) == []


def test_the_class_view_adds_up_each_students_scores_and_mastery(alice, bob, teacher, answers):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice, bob)
    progress = stats.class_progress(classroom, NOW)
    a, b = progress.students
    assert a.student == alice and b.student == bob
    # Alice: (50 + 37.5) / 2 = 43.75 -> 44; best 50; mastery (1 + 0.5 + 0) / 3 = 50%.
    assert (a.attempts, a.mean_score, a.mastery, a.facts_seen, a.facts_known) == (2, 44, 50, 3, 1)
    assert a.last_active == datetime(2026, 3, 10, 10, tzinfo=UTC)
    # Bob: 50%; mastery (0 + 1 + 1) / 3 = 66.7 -> 67%; f2 and f3 known.
    assert (b.attempts, b.mean_score, b.mastery, b.facts_seen, b.facts_known) == (1, 50, 67, 3, 2)
    quiz_id = progress.quizzes[0][0]
    assert (a.best[quiz_id], b.best[quiz_id]) == (50, 50)


def test_the_facts_the_class_knows_least_average_over_the_students_who_studied_them(
    alice, bob, teacher, studied, answers
):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice, bob)
    weakest = stats.class_progress(classroom, NOW).weakest
    # f1 (1 + 0) / 2 = 50%, f3 (0 + 1) / 2 = 50% (tie: f1 was created first), f2 75%.
    assert [(w.fact.key, w.percent, w.learners) for w in weakest] == [
        ("f1", 50, 2),
        ("f3", 50, 2),
        ("f2", 75, 2),
    ]


def test_a_student_outside_the_class_does_not_count(alice, bob, teacher, answers):
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher)
    classroom.students.add(alice)
    progress = stats.class_progress(classroom, NOW)
    assert [row.student for row in progress.students] == [alice]
    assert [(w.fact.key, w.percent, w.learners) for w in progress.weakest] == [
        ("f3", 0, 1),
        ("f2", 50, 1),
    ]


def test_the_csv_rows_escape_cells_a_spreadsheet_would_run(teacher, db):
    from accounts.models import User

    student = User.objects.create_user("=cmd", first_name="+1")
    classroom = Classroom.objects.create(name="Lớp", teacher=teacher)
    classroom.students.add(student)
    rows = stats.class_csv_rows(stats.class_progress(classroom, NOW))
    assert rows[1][:2] == ["'=cmd", "'+1"]
