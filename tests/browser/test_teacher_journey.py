"""A teacher reviews generated drafts in the bank in place (filter, publish, bulk retire, edit in
the row), authors a question watching its live preview, runs a class that a student joins
through its link, and goes from authoring to statistics: author → publish → build a quiz →
publish → assign → a student takes it → the teacher reads its statistics. The interface is in
English so the test reads the same in every catalog."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import Classroom, User
from quizzes.models import Assignment, Attempt, Question, Quiz
from tests.support.browser import check_a11y, in_menu
from tests.support.users import PASSWORD

SHIPPED = Path(__file__).resolve().parents[2] / "content" / "documents" / "000_09eee8d4159d2fdc.txt"


@pytest.fixture
def english(page, live_server):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return page


def _log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(username)


def test_a_teacher_reviews_and_authors_questions_in_the_bank(english, transactional_db):
    page = english
    call_command("load_document", str(SHIPPED))
    User.objects.create_user("tess", password=PASSWORD, is_teacher=True)
    _log_in(page, "tess")

    in_menu(page, "Question bank").click()
    # Filtering swaps the results in place (htmx) and keeps the address shareable.
    filters = page.locator(".bank-filters")
    filters.get_by_label("Type").select_option("true_false")
    filters.get_by_label("Language").select_option("vi")
    expect(page).to_have_url(
        re.compile(r"type=true_false.*language=vi|language=vi.*type=true_false")
    )
    rows = page.locator(".question-row")
    expect(rows.first).to_contain_text("True or false")
    expected = Question.objects.filter(type="true_false", language="vi").count()
    expect(rows).to_have_count(min(expected, 25))
    check_a11y(page, "the question bank")

    first = rows.first
    first.get_by_role("button", name="Publish").click()
    expect(page.locator(".question-row").first.locator(".badge").first).to_have_text("Published")

    # Bulk: retire the second and third rows.
    for row in (rows.nth(1), rows.nth(2)):
        row.get_by_role("checkbox").check()
    page.get_by_label("With the selected questions").select_option("retired")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("status")).to_contain_text("2 questions changed.")
    expect(rows.nth(1).locator(".badge").first).to_have_text("Retired")
    assert Question.objects.filter(status="retired").count() == 2

    # Edit in place: the form opens inside the row and the saved row replaces it.
    row = page.locator(".question-row").nth(3)
    row.get_by_role("link", name="Edit").click()
    prompt = row.get_by_label("Question", exact=True)
    expect(prompt).to_be_visible()
    # htmx binds the form's triggers when the swap settles (about 20 ms after the form shows):
    # typing before that would fire an input event nothing listens to yet.
    expect(page.locator(".htmx-added, .htmx-settling")).to_have_count(0)
    prompt.fill("Đúng hay sai: Sơn Đông hỗ trợ Trùng Khánh.")
    expect(row.locator(".preview")).to_contain_text("Sơn Đông hỗ trợ Trùng Khánh")
    check_a11y(page, "a question edited in place")
    row.get_by_role("button", name="Save").click()
    expect(page.locator(".question-row").nth(3)).to_contain_text(
        "Đúng hay sai: Sơn Đông hỗ trợ Trùng Khánh."
    )
    expect(page.locator(".question-row").nth(3)).to_contain_text("Authored")

    # Author a new single-choice question, watching the live preview.
    page.get_by_role("link", name="New question").click()
    page.get_by_label("Type").select_option("single_choice")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Vietnamese").check()
    page.get_by_label("Question", exact=True).fill("Tỉnh nào ____ hỗ trợ Trùng Khánh?")
    page.get_by_label("Right answer").fill("Sơn Đông")
    page.get_by_label("Wrong answers").fill("Phúc Kiến\nNinh Hạ")
    preview = page.locator(".preview")
    expect(preview.get_by_text("Phúc Kiến")).to_be_visible()
    expect(preview.get_by_role("radio")).to_have_count(3)
    check_a11y(page, "the new question form")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The question was saved as a draft.")
    expect(preview.get_by_text("Sơn Đông")).to_be_visible()
    authored = Question.objects.get(prompt="Tỉnh nào ____ hỗ trợ Trùng Khánh?")
    assert authored.origin == "authored" and authored.author.username == "tess"


def test_a_teacher_runs_a_class_that_a_student_joins_by_link(english, transactional_db):
    page = english
    User.objects.create_user("tess", password=PASSWORD, is_teacher=True)
    User.objects.create_user("lan", password=PASSWORD)
    _log_in(page, "tess")
    in_menu(page, "Classes").click()
    page.get_by_label("Name").fill("Lớp 10A")
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lớp 10A")
    check_a11y(page, "the new class")
    link = page.get_by_label("Join link").input_value()
    class_page = page.url
    in_menu(page, re.compile("Log out"), "button").click()

    page.goto(link)
    expect(page).to_have_url(re.compile("/accounts/login/"))
    page.get_by_label("Username").fill("lan")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Lớp 10A")).to_be_visible()
    check_a11y(page, "the invitation")
    page.get_by_role("button", name="Join this class").click()
    expect(page.get_by_role("status")).to_contain_text("You joined Lớp 10A.")
    in_menu(page, re.compile("Log out"), "button").click()

    _log_in(page, "tess")
    page.goto(class_page)
    roster = page.locator("#roster")
    expect(roster).to_contain_text("lan")
    check_a11y(page, "the class with a student")
    page.goto(class_page.replace("/classes/", "/progress/classes/"))
    expect(page.locator(".table-scroll").first).to_contain_text("lan")
    check_a11y(page, "the class's progress")
    page.goto(class_page)
    page.once("dialog", lambda dialog: dialog.accept())
    roster.get_by_role("button", name="Remove").click()
    expect(page.locator("#roster")).to_contain_text("No student has joined yet.")


def _log_out(page):
    in_menu(page, re.compile("Log out"), "button").click()


def test_a_teacher_goes_from_authoring_to_the_statistics_of_a_students_attempt(
    english, transactional_db, quiz_document
):
    page = english
    tess = User.objects.create_user("tess", password=PASSWORD, is_teacher=True)
    lan = User.objects.create_user("lan", password=PASSWORD)
    Classroom.objects.create(name="Lớp 10A", teacher=tess).students.add(lan)
    _log_in(page, "tess")

    # Author a question and publish it from the bank.
    in_menu(page, "Question bank").click()
    page.get_by_role("link", name="New question").click()
    page.get_by_label("Type").select_option("single_choice")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Vietnamese").check()
    page.get_by_label("Question", exact=True).fill("Tỉnh nào ____ hỗ trợ Tân Cương?")
    page.get_by_label("Right answer").fill("Giang Tô")
    page.get_by_label("Wrong answers").fill("Phúc Kiến\nNinh Hạ")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The question was saved as a draft.")
    page.get_by_role("link", name="Back to the question bank").click()
    row = page.locator(".question-row", has_text="Tỉnh nào ____ hỗ trợ Tân Cương?")
    row.get_by_role("button", name="Publish").click()
    expect(page.locator(".question-row").first.locator(".badge").first).to_have_text("Published")

    # Build a quiz: pick the question from the bank in place, then publish it.
    in_menu(page, "My quizzes").click()
    page.get_by_role("link", name="New quiz").click()
    page.get_by_label("Title").fill("Kiểm tra 15 phút")
    page.get_by_label("Vietnamese", exact=True).check()
    page.get_by_role("button", name="Create the quiz").click()
    expect(page.get_by_role("status")).to_contain_text("The quiz was created as a draft.")
    picker = page.locator("#picker")
    picker.get_by_role("button", name=re.compile("Add question")).click()
    expect(page.locator("#entries")).to_contain_text("Tỉnh nào ____ hỗ trợ Tân Cương?")
    expect(picker.get_by_text("In the quiz")).to_be_visible()  # the picker refreshed itself
    check_a11y(page, "the quiz builder")
    page.get_by_role("button", name="Publish the quiz").click()
    expect(page.get_by_role("status")).to_contain_text("The quiz is published")

    # Assign it to the class, open from now on.
    page.get_by_label("Class").select_option(label="Lớp 10A")
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_role("status")).to_contain_text("Kiểm tra 15 phút is assigned to Lớp 10A.")
    quiz = Quiz.objects.get(title="Kiểm tra 15 phút")
    assert quiz.is_published and Assignment.objects.filter(quiz=quiz).exists()
    _log_out(page)

    # The student finds it first on their home page and takes it (and gets it wrong).
    _log_in(page, "lan")
    assignments = page.locator(".assignment-cards")
    expect(assignments).to_contain_text("Not started")
    assignments.get_by_role("link", name="Kiểm tra 15 phút").click()
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_label("Phúc Kiến").check()
    page.get_by_role("button", name="Check").click()
    expect(page.locator(".feedback")).to_contain_text("Not quite.")
    check_a11y(page, "the feedback")
    page.get_by_role("link", name="See your results").click()
    assert Attempt.objects.get(user=lan, quiz=quiz).is_finished
    page.goto("/")
    expect(page.locator(".assignment-cards")).to_contain_text("Best score: 0%")
    check_a11y(page, "the student's home")
    _log_out(page)

    # The teacher reads the statistics: the wrong answer the student chose, the flag.
    _log_in(page, "tess")
    in_menu(page, "My quizzes").click()
    page.get_by_role("link", name="Statistics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistics of Kiểm tra 15 phút")
    responses = page.locator("#responses-q1")
    expect(responses).to_contain_text("Phúc Kiến")
    expect(page.locator("#stats-q1")).to_contain_text("Too hard")
    check_a11y(page, "the quiz's statistics")
    page.get_by_role("link", name="All attempts").click()
    expect(page).to_have_url(re.compile("attempts=all"))
    expect(page.locator("#responses-q1")).to_contain_text("Phúc Kiến")
