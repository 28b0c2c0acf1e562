"""A teacher invites a colleague to teach: a one-use link, valid for two weeks
(accounts.models.TeacherInvite). No admin needed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import teacher_required
from accounts.models import TeacherInvite
from config.htmx import HtmxHttpRequest


@teacher_required
@require_http_methods(["GET", "POST"])
def teacher_invites(request: HtmxHttpRequest) -> HttpResponse:
    """Teachers: their invitations still open, each with its link; POST makes a new one.
    Template: accounts/teacher_invites.html. Context: invites [(invite, absolute link)]."""
    if request.method == "POST":
        TeacherInvite.objects.create(created_by=request.user)
        messages.success(request, _("A new invitation link is ready: send it to your colleague."))
        return redirect("accounts:teacher_invites")
    now = timezone.now()
    open_invites = [
        (invite, request.build_absolute_uri(invite.get_absolute_url()))
        for invite in request.user.teacher_invites.filter(used_at__isnull=True)
        if invite.is_usable(now)
    ]
    return render(request, "accounts/teacher_invites.html", {"invites": open_invites})


@login_required
@require_http_methods(["GET", "POST"])
def teacher_invite(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """Any signed-in user (a visitor logs in or signs up first and comes back): GET asks to
    accept, POST makes them a teacher and goes to their classes. A used or expired link says
    so. Template: accounts/teacher_invite.html. Context: invite, usable."""
    invite = get_object_or_404(TeacherInvite.objects.select_related("created_by"), token=token)
    user = request.user
    if request.method == "POST" and not user.is_teacher and invite.accept(user):
        messages.success(request, _("You are now a teacher. Create your first class here."))
        return redirect("quizzes:class_list")
    usable = invite.is_usable() and not request.user.is_teacher
    return render(request, "accounts/teacher_invite.html", {"invite": invite, "usable": usable})
