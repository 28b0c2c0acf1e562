"""Invitations in the browser (issue 16, item 4): a new learner opens the class's join link,
creates an account from the log-in page and ends in the class, on its page; a learner types a
code on the home page; a colleague accepts a teacher's invitation. English interface."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Classroom, TeacherInvite, User
from tests.support.browser import check_a11y
from tests.support.users import PASSWORD


@pytest.fixture
def english(page, live_server):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return page


def _sign_up(page, username):
    page.get_by_role("link", name="Create a student account").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()


def test_a_new_learner_follows_the_join_link_through_sign_up(english, transactional_db):
    page = english
    teacher = User.objects.create_user("tess", password=PASSWORD, is_teacher=True)
    classroom = Classroom.objects.create(name="Lớp 10A", teacher=teacher, join_code="ABCD2345")
    page.goto("/classes/join/ABCD2345/")
    expect(page).to_have_url(re.compile("/accounts/login/"))
    _sign_up(page, "nina")
    expect(page.get_by_role("heading", level=1)).to_have_text("Join a class")
    check_a11y(page, "the join page")
    page.get_by_role("button", name="Join this class").click()
    expect(page).to_have_url(re.compile(classroom.get_absolute_url() + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Lớp 10A")
    expect(page.locator(".messages")).to_contain_text("You joined Lớp 10A.")
    check_a11y(page, "the class page after joining")
    assert classroom.students.filter(username="nina").exists()


def test_a_learner_joins_with_a_code_from_the_home_page(english, transactional_db):
    page = english
    teacher = User.objects.create_user("tess", password=PASSWORD, is_teacher=True)
    Classroom.objects.create(name="Lớp 11B", teacher=teacher, join_code="WXYZ6789")
    User.objects.create_user("bob", password=PASSWORD)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("bob")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.locator("#home-join-code").fill("wxyz 6789")
    page.locator("#home-join").get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lớp 11B")


def test_a_colleague_accepts_a_teachers_invitation(english, transactional_db):
    page = english
    teacher = User.objects.create_user("tess", password=PASSWORD, is_teacher=True)
    invite = TeacherInvite.objects.create(created_by=teacher)
    page.goto(invite.get_absolute_url())
    _sign_up(page, "vy")
    expect(page.get_by_role("heading", level=1)).to_have_text("Become a teacher")
    check_a11y(page, "the invitation")
    page.get_by_role("button", name="Accept and become a teacher").click()
    expect(page.get_by_role("heading", level=2, name="Create a class")).to_be_visible()
    check_a11y(page, "the classes page of a new teacher")
    assert User.objects.get(username="vy").is_teacher
