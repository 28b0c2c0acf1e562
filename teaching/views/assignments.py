"""Assigning a teacher's published quiz to one of their classes, from the class page or the
quiz page, and taking an assignment back. Teachers only, their own quizzes and classes."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import teacher_required
from config.htmx import HtmxHttpRequest
from content.templatetags.text_lang import format_langs
from teaching import access
from teaching.quiz_forms import AssignmentForm


def _next(request: HtmxHttpRequest, default: str) -> str:
    url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default


@teacher_required
@require_POST
def assignment_create(request: HtmxHttpRequest) -> HttpResponse:
    """Teachers: assign one of their published quizzes to one of their classes, open from
    `opens_at` until `closes_at`. Back to `next` (the class or the quiz page), with what was
    done or what to change."""
    form = AssignmentForm(request.POST, teacher=request.user)
    if form.is_valid():
        assignment = form.save()
        messages.success(
            request,
            format_langs(
                _("%(quiz)s is assigned to %(class)s."),
                {"quiz": assignment.quiz.title, "class": assignment.classroom.name},
            ),
        )
        default = assignment.classroom.get_absolute_url()
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        default = reverse("teaching:quizzes")
    return redirect(_next(request, default))


@teacher_required
@require_POST
def assignment_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The class's teacher: take the assignment back (attempts made are kept; an attempt in
    progress runs until its deadline). Back to `next`, else the class page."""
    assignment = get_object_or_404(access.assignments_given_by(request.user), pk=pk)
    classroom, quiz = assignment.classroom, assignment.quiz
    assignment.delete()
    messages.success(
        request,
        format_langs(
            _("%(quiz)s is no longer assigned to %(class)s."),
            {"quiz": quiz.title, "class": classroom.name},
        ),
    )
    return redirect(_next(request, classroom.get_absolute_url()))
