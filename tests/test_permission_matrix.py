"""Who may use every URL of the project, built from the URL resolver (issue 15, item 1).

Every named pattern of the project's own URL modules (not the admin) has
a row: what each role gets from a GET and, where the view accepts POST, from a POST with no
data. The roles are those of tests/support/world.py: a visitor, student A (in teacher A's class,
with an attempt and an export of their own), student B (in no class), teacher A (who added the
document, owns the quizzes and the class) and teacher B. Outcomes: a status code, or LOGIN for a
redirect to the login page. A POST with no data proves who gets past the access check, not what
a valid form does (each view's own tests do that): 200/302/400/422 there mean "let in".

A new URL pattern without a row fails test_every_route_has_a_row: add its row here, thinking of
who may use it; a row whose pattern is gone fails too.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import timezone

from quizzes.models import Assignment, Quiz
from tests.support.urls import own_routes, url_for
from tests.support.world import ROLES, World, build_world

LOGIN = "login"
ANY = (LOGIN, 200, 200, 200, 200)  # any signed-in user
NO_GET = (LOGIN, 405, 405, 405, 405)  # POST-only views
NO_POST = (LOGIN, 405, 405, 405, 405)  # GET-only views
TEACHERS = (LOGIN, 403, 403, 200, 200)  # any teacher
OWNER = (LOGIN, 403, 403, 200, 404)  # teacher A only; teacher B is told it does not exist
TEACHER_NO_GET = (LOGIN, 403, 403, 405, 405)
TEACHER_NO_POST = (LOGIN, 403, 403, 405, 405)
MEMBERS = (LOGIN, 200, 404, 200, 404)  # teacher A and student A (the class, the quiz)
LEARNER = (LOGIN, 200, 404, 404, 404)  # student A only: their attempt, their export

#        roles: (visitor, student A, student B, teacher A, teacher B)
# name: (GET, POST)
ROWS: dict[str, tuple[tuple, tuple]] = {
    # accounts: signing in and out, passwords (Django's views, the project's limits)
    "accounts:signup": ((200, 302, 302, 302, 302), (200, 302, 302, 302, 302)),
    "accounts:login": ((200, 302, 302, 302, 302), (200, 302, 302, 302, 302)),
    "accounts:logout": ((405,) * 5, (LOGIN,) * 5),
    "accounts:password_change": (ANY, ANY),
    "accounts:password_change_done": (ANY, NO_POST),
    "accounts:password_reset": ((200,) * 5, (200,) * 5),
    "accounts:password_reset_done": ((200,) * 5, (405,) * 5),
    "accounts:password_reset_confirm": ((200,) * 5, (200,) * 5),  # an invalid link says so
    "accounts:password_reset_complete": ((200,) * 5, (405,) * 5),
    # a teacher invites a colleague with a link; whoever signs in with it may accept it
    "accounts:teacher_invites": (TEACHERS, (LOGIN, 403, 403, 302, 302)),
    "accounts:teacher_invite": (
        ANY,
        (LOGIN, 302, 302, 200, 200),
    ),  # a teacher has nothing to accept
    # the language switcher: anyone, POST only; it goes back to `next` (or home)
    "accounts:set_language": ((405,) * 5, (302,) * 5),
    # content: documents are shared; only teachers add them
    "content:list": (ANY, NO_POST),
    "content:add": (TEACHERS, TEACHERS),
    "content:document": (ANY, NO_POST),
    # teaching: the bank is shared between teachers; quizzes, classes, reports are their owner's
    "teaching:questions": (TEACHERS, TEACHER_NO_POST),
    "teaching:question_bulk": (TEACHER_NO_GET, (LOGIN, 403, 403, 302, 302)),
    "teaching:question_new": (TEACHERS, TEACHER_NO_POST),
    "teaching:question_create": (TEACHERS, TEACHERS),
    "teaching:question_preview": (TEACHER_NO_GET, TEACHERS),
    "teaching:question_edit": (OWNER, OWNER),
    "teaching:question_status": (TEACHER_NO_GET, (LOGIN, 403, 403, 400, 404)),
    "teaching:question_import": (TEACHERS, TEACHERS),
    "teaching:question_export_gift": (TEACHERS, TEACHER_NO_POST),
    "teaching:question_export_xml": (TEACHERS, TEACHER_NO_POST),
    "teaching:quizzes": (TEACHERS, TEACHER_NO_POST),
    "teaching:quiz_create": (TEACHERS, TEACHERS),
    "teaching:quiz": (OWNER, TEACHER_NO_POST),
    "teaching:quiz_settings": (OWNER, OWNER),
    "teaching:quiz_status": (TEACHER_NO_GET, (LOGIN, 403, 403, 400, 404)),
    "teaching:quiz_add": (TEACHER_NO_GET, (LOGIN, 403, 403, 302, 404)),
    "teaching:quiz_rule": (TEACHER_NO_GET, (LOGIN, 403, 403, 422, 404)),
    "teaching:quiz_remove": (TEACHER_NO_GET, (LOGIN, 403, 403, 302, 404)),
    "teaching:quiz_move": (TEACHER_NO_GET, (LOGIN, 403, 403, 400, 404)),
    "teaching:quiz_statistics": (OWNER, TEACHER_NO_POST),
    "teaching:quiz_statistics_csv": (OWNER, TEACHER_NO_POST),
    "teaching:quiz_responses_csv": (OWNER, TEACHER_NO_POST),
    "teaching:document_report": (OWNER, TEACHER_NO_POST),
    "teaching:document_manage": (OWNER, OWNER),
    "teaching:document_delete": (TEACHER_NO_GET, (LOGIN, 403, 403, 302, 404)),
    "teaching:document_restore": (TEACHER_NO_GET, (LOGIN, 403, 403, 302, 404)),
    # teacher B's POST is let in but the form offers only teacher B's own quizzes and classes
    "teaching:assignment_create": (TEACHER_NO_GET, (LOGIN, 403, 403, 302, 302)),
    "teaching:assignment_delete": (TEACHER_NO_GET, (LOGIN, 403, 403, 302, 404)),
    # quizzes: classes (a teacher's, and their students')
    "quizzes:class_list": (ANY, NO_POST),
    "quizzes:class_create": (TEACHER_NO_GET, TEACHERS),
    "quizzes:class_join": (NO_GET, ANY),
    "quizzes:class_join_link": (ANY, (LOGIN, 302, 302, 302, 302)),
    "quizzes:class_detail": (MEMBERS, NO_POST),  # its teacher, and its students
    "quizzes:class_rename": (TEACHER_NO_GET, OWNER),
    "quizzes:class_new_code": (TEACHER_NO_GET, (LOGIN, 403, 403, 302, 404)),
    "quizzes:class_remove_student": (TEACHER_NO_GET, (LOGIN, 403, 403, 302, 404)),
    "quizzes:class_student_password": (OWNER, OWNER),
    "quizzes:class_leave": (NO_GET, (LOGIN, 302, 404, 404, 404)),  # a student of the class
    # flashcards: each learner's own cards; no id in the URL names another learner's
    "flashcards:decks": (ANY, NO_POST),
    "flashcards:settings": (ANY, ANY),
    "flashcards:study": (NO_GET, (LOGIN, 302, 302, 302, 302)),
    "flashcards:review": (ANY, NO_POST),
    "flashcards:deck_review": (ANY, NO_POST),
    "flashcards:rate": (NO_GET, (LOGIN, 302, 302, 302, 302)),
    "flashcards:undo": (NO_GET, (LOGIN, 302, 302, 302, 302)),
    # progress: one's own, and a class's for its teacher
    "progress:dashboard": (ANY, NO_POST),
    "progress:practise_weakest": (NO_GET, (LOGIN, 302, 302, 302, 302)),
    "progress:class_progress": (OWNER, TEACHER_NO_POST),
    "progress:class_progress_csv": (OWNER, TEACHER_NO_POST),
    "progress:my_data": (ANY, NO_POST),
    "progress:delete_account": (ANY, ANY),
    # quizzes: taking, and Anki decks
    "quizzes:home": ((200,) * 5, (405,) * 5),  # a visitor gets the landing page
    "quizzes:document_deck": (ANY, NO_POST),  # its keys are only those the user may see
    "quizzes:start_document_export": (NO_GET, (LOGIN, 302, 302, 302, 302)),
    "quizzes:export_status": (LEARNER, NO_POST),
    "quizzes:export_download": ((LOGIN, 302, 404, 404, 404), NO_POST),  # not built: the status page
    "quizzes:quiz_list": (ANY, NO_POST),
    "quizzes:quiz": (MEMBERS, NO_POST),
    "quizzes:quiz_start": (NO_GET, (LOGIN, 302, 404, 302, 404)),
    "quizzes:quiz_deck": (MEMBERS, NO_POST),
    "quizzes:start_quiz_export": (NO_GET, (LOGIN, 302, 404, 302, 404)),
    "quizzes:class_deck": (MEMBERS, NO_POST),
    "quizzes:start_class_export": (NO_GET, (LOGIN, 302, 404, 302, 404)),
    "quizzes:my_cards_deck": ((LOGIN, 200, 302, 302, 302), NO_POST),  # no cards: the decks page
    "quizzes:start_my_cards_export": (NO_GET, (LOGIN, 302, 302, 302, 302)),
    "quizzes:attempt": ((LOGIN, 302, 404, 404, 404), NO_POST),
    "quizzes:attempt_item": (LEARNER, NO_POST),
    "quizzes:attempt_answer": (NO_GET, (LOGIN, 302, 404, 404, 404)),
    "quizzes:attempt_finish": (NO_GET, (LOGIN, 302, 404, 404, 404)),
    "quizzes:attempt_results": (LEARNER, NO_POST),  # the finished attempt
    "quizzes:attempt_practise": (NO_GET, (LOGIN, 302, 404, 404, 404)),  # the finished attempt
}

ROUTES = own_routes()


def outcome(response) -> int | str:
    login = resolve_url(settings.LOGIN_URL)
    if response.status_code == 302 and response["Location"].split("?")[0] == login:
        return LOGIN
    return response.status_code


def test_every_route_has_a_row():
    names = [route.name for route in ROUTES]
    missing = [f"add a row for {name}" for name in names if name not in ROWS]
    stale = [f"remove the row of {name}: no such URL" for name in ROWS if name not in names]
    assert not missing + stale, "\n".join(missing + stale)


def test_the_matrix_covers_the_project():
    # The walk found the project's URL modules (a broken walk would pass the test above).
    assert len(ROUTES) >= 80
    assert all(not route.name.startswith("admin:") for route in ROUTES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", [r for r in ROUTES if r.name in ROWS], ids=lambda r: r.name)
def test_who_may_use_it(route, role, make_quiz, client):
    world = build_world(make_quiz)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    url = url_for(route, world)
    column = ROLES.index(role)
    get_row, post_row = ROWS[route.name]
    got = (outcome(client.get(url)), outcome(client.post(url)))
    want = (get_row[column], post_row[column])
    assert got == want, f"{route.name} as {role}: GET, POST gave {got}, the matrix says {want}"


# A quiz its class may not see yet: its student gets what a student of another class gets (404),
# while its owner still previews it. The URLs that reach a quiz through quizzes.access.quizzes_for.
QUIZ_URLS = ("quizzes:quiz", "quizzes:quiz_start", "quizzes:quiz_deck", "quizzes:start_quiz_export")


def _back_to_draft(world: World) -> None:
    Quiz.objects.filter(pk=world.quiz.pk).update(status=Quiz.Status.DRAFT)


def _opens_next_week(world: World) -> None:
    opens = timezone.now() + timedelta(days=7)
    Assignment.objects.filter(pk=world.assignment.pk).update(opens_at=opens)


@pytest.mark.parametrize("change", [_back_to_draft, _opens_next_week], ids=["draft", "not_open"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", QUIZ_URLS)
def test_a_quiz_its_class_may_not_see_yet(name, role, change, make_quiz, client):
    world = build_world(make_quiz)
    change(world)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    route = next(route for route in ROUTES if route.name == name)
    url = url_for(route, world)
    column = ROLES.index("other_student" if role == "student" else role)
    get_row, post_row = ROWS[name]
    got = (outcome(client.get(url)), outcome(client.post(url)))
    want = (get_row[column], post_row[column])
    assert got == want, f"{name} as {role}: GET, POST gave {got}, expected {want}"
