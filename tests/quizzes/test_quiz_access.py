"""quizzes.access: which quiz, attempt and export each user gets (the matrix,
tests/test_permission_matrix.py, checks the views that go through them)."""

from quizzes import access
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
