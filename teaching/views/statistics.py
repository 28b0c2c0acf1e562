"""A quiz's statistics for its owner: test-level figures, a row per question (facility, SD,
discrimination index and efficiency, flags), the responses learners gave, and CSV downloads.
Computed by teaching.report (Moodle's quiz statistics, first attempts by default)."""

import io

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from accounts.access import teacher_required
from config.htmx import HtmxHttpRequest, render_page
from quizzes import statistics
from teaching import access, report


def _mode(request: HtmxHttpRequest) -> str:
    return report.ALL if request.GET.get("attempts") == report.ALL else report.FIRST


@teacher_required
@require_GET
def quiz_statistics(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The quiz's owner: its statistics over each learner's first finished attempt, or every
    one (?attempts=all). Template: teaching/quiz_statistics.html; an htmx request (the switch)
    gets #statistics. Context: quiz, report (teaching.report.QuizReport), legend (the flags
    explained), all (the mode)."""
    quiz = get_object_or_404(access.quizzes_built_by(request.user), pk=pk)
    context = {
        "quiz": quiz,
        "report": report.quiz_report(quiz, _mode(request)),
        "legend": report.legend(),
        "all": _mode(request) == report.ALL,
    }
    return render_page(request, "teaching/quiz_statistics.html", context, partial="statistics")


def _csv(text: str, filename: str) -> HttpResponse:
    # A byte order mark, so spreadsheet programs read the Chinese and Vietnamese right.
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@teacher_required
@require_GET
def quiz_statistics_csv(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The quiz's owner: one CSV row per question, headers in the teacher's language."""
    quiz = get_object_or_404(access.quizzes_built_by(request.user), pk=pk)
    result = report.quiz_report(quiz, _mode(request))
    out = io.StringIO()
    statistics.write_questions_csv(
        report.analysis(result),
        out,
        names=report.names(result),
        headers=report.question_headers(),
        flag_labels=report.flag_labels(),
    )
    return _csv(out.getvalue(), f"quiz-{quiz.pk}-statistics.csv")


@teacher_required
@require_GET
def quiz_responses_csv(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The quiz's owner: one CSV row per question and distinct response."""
    quiz = get_object_or_404(access.quizzes_built_by(request.user), pk=pk)
    result = report.quiz_report(quiz, _mode(request))
    out = io.StringIO()
    statistics.write_responses_csv(
        report.analysis(result), out, names=report.names(result), headers=report.response_headers()
    )
    return _csv(out.getvalue(), f"quiz-{quiz.pk}-responses.csv")
