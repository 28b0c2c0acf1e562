"""The question bank's "select all on this page" ticks every row, and one bulk action then
applies to them all (issue 16, item 11). English interface."""

from playwright.sync_api import expect

from quizzes.models import Question
from tests.support.browser import check_a11y
from tests.support.users import PASSWORD


def test_a_teacher_selects_all_and_retires_them(page, live_server, teacher, make_question):
    for qtype in ("cloze", "single_choice", "true_false"):
        make_question(qtype, "vi")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("tess")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/teach/questions/")
    page.get_by_label("Select all on this page").check()
    expect(page.locator("input[name=ids]:checked")).to_have_count(3)
    check_a11y(page, "every question selected")
    page.get_by_label("With the selected questions").select_option("retired")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".badge-retired")).to_have_count(3)
    check_a11y(page, "the questions retired")
    assert set(Question.objects.values_list("status", flat=True)) == {"retired"}
