"""Classes: a teacher creates and runs theirs (name, roster, join code and link); a student
joins with a code or the link, and may leave. The class page lists the quizzes assigned to the
class (quizzes.assignments; assigning is done by teaching.views.assignments), which is why
these pages are the quizzes app's while the classes themselves (accounts.models.Classroom, who
may see which: accounts.access) are accounts'."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import access, security
from accounts.access import teacher_required
from accounts.forms import ClassroomForm, JoinForm
from accounts.models import Classroom, normalise_join_code
from config.htmx import HtmxHttpRequest, render_page
from quizzes import assignments
from teaching.quiz_forms import AssignmentForm


def _get_class_for_teacher(request: HtmxHttpRequest, pk: int) -> Classroom:
    """A class of the signed-in teacher, or 404."""
    return get_object_or_404(access.classes_taught_by(request.user), pk=pk)


def _list_context(request: HtmxHttpRequest, **forms) -> dict:
    user = request.user
    if user.is_teacher:
        classes = access.classes_taught_by(user).annotate(size=Count("students"))
    else:
        classes = access.classes_studied_by(user).select_related("teacher")
    return {
        "classes": classes,
        "create_form": forms.get("create_form") or (ClassroomForm() if user.is_teacher else None),
        "join_form": forms.get("join_form") or JoinForm(),
    }


@login_required
@require_GET
def class_list(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user: a teacher's classes with a form to create one; a learner's classes
    with a form to join one by its code. Template: quizzes/classes/class_list.html."""
    return render(request, "quizzes/classes/class_list.html", _list_context(request))


@teacher_required
@require_POST
def class_create(request: HtmxHttpRequest) -> HttpResponse:
    """Teachers: create a class and go to it (its join code is ready to share)."""
    form = ClassroomForm(request.POST)
    if not form.is_valid():
        return render(
            request, "quizzes/classes/class_list.html", _list_context(request, create_form=form)
        )
    classroom = form.save(commit=False)
    classroom.teacher = request.user
    classroom.save()
    messages.success(
        request, _("The class was created. Share its code or link with your students.")
    )
    return redirect(classroom)


@login_required
@require_GET
def class_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The class's teacher: rename, share the code and link, see and manage the roster, assign
    quizzes and see how many students finished each. Template: quizzes/classes/class_detail.html.
    Context: classroom, students, form, join_url, assignments (each with `completed`),
    assign_form, can_assign.
    A student of the class: its teacher and its assignments, open and to come (with their best
    score). Template: quizzes/classes/class_student.html. Context: classroom, open, upcoming.
    Anyone else: 404."""
    if request.user.is_teacher:
        classroom = _get_class_for_teacher(request, pk)
        return render(
            request, "quizzes/classes/class_detail.html", _detail_context(request, classroom)
        )
    classroom = get_object_or_404(
        access.classes_studied_by(request.user).select_related("teacher"), pk=pk
    )
    mine = assignments.for_learner(request.user)
    context = {
        "classroom": classroom,
        "open": [a for a in mine.open if a.classroom_id == classroom.pk],
        "upcoming": [a for a in mine.upcoming if a.classroom_id == classroom.pk],
    }
    return render(request, "quizzes/classes/class_student.html", context)


def _detail_context(request: HtmxHttpRequest, classroom: Classroom, form=None) -> dict:
    link = reverse("quizzes:class_join_link", args=[classroom.join_code])
    students = list(classroom.students.order_by("username"))
    assign_form = AssignmentForm(teacher=request.user, initial={"classroom": classroom.pk})
    return {
        "classroom": classroom,
        "students": students,
        "form": form or ClassroomForm(instance=classroom),
        "join_url": request.build_absolute_uri(link),
        "assignments": assignments.for_class(classroom),
        "assign_form": assign_form,
        "can_assign": assign_form.fields["quiz"].queryset.exists(),
        "resettable": set(security.resettable_students(classroom).values_list("pk", flat=True)),
    }


@teacher_required
@require_POST
def class_rename(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The class's teacher: a new name."""
    classroom = _get_class_for_teacher(request, pk)
    form = ClassroomForm(request.POST, instance=classroom)
    if not form.is_valid():
        context = _detail_context(request, classroom, form)
        return render(request, "quizzes/classes/class_detail.html", context)
    form.save()
    messages.success(request, _("The class was renamed."))
    return redirect(classroom)


@teacher_required
@require_POST
def class_new_code(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The class's teacher: replace the join code (the old code and link stop working)."""
    classroom = _get_class_for_teacher(request, pk)
    classroom.new_join_code()
    messages.success(request, _("The class has a new code; the old one no longer works."))
    return redirect(classroom)


@teacher_required
@require_POST
def class_remove_student(request: HtmxHttpRequest, pk: int, user_pk: int) -> HttpResponse:
    """The class's teacher: take a student off the roster. htmx gets the fresh roster
    (quizzes/classes/class_detail.html#roster); a plain form goes back to the class."""
    classroom = _get_class_for_teacher(request, pk)
    student = get_object_or_404(classroom.students, pk=user_pk)
    classroom.leave(student)
    if request.htmx:
        context = _detail_context(request, classroom)
        return render_page(request, "quizzes/classes/class_detail.html", context, partial="roster")
    messages.success(request, _("%(name)s left the class.") % {"name": student.get_username()})
    return redirect(classroom)


@teacher_required
@require_http_methods(["GET", "POST"])
def class_student_password(request: HtmxHttpRequest, pk: int, user_pk: int) -> HttpResponse:
    """The class's teacher: set a new password for a student of the class who lost theirs
    (404 for anyone else, and for a teacher's or staff account in the roster). The student's
    failed logins are forgotten and their other sessions end. Template:
    quizzes/classes/student_password.html. Context: classroom, student, form."""
    classroom = _get_class_for_teacher(request, pk)
    student = get_object_or_404(security.resettable_students(classroom), pk=user_pk)
    form = SetPasswordForm(student, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        security.clear_lockouts(student)
        messages.success(
            request,
            _(
                "%(name)s has a new password. Tell it to them in person; they can change it "
                "after logging in."
            )
            % {"name": student.get_username()},
        )
        return redirect(classroom)
    context = {"classroom": classroom, "student": student, "form": form}
    return render(request, "quizzes/classes/student_password.html", context)


def _join(request: HtmxHttpRequest, classroom: Classroom) -> HttpResponse:
    if classroom.teacher_id == request.user.pk:
        messages.error(request, _("This is your own class."))
        return redirect("quizzes:class_list")
    if classroom.join(request.user):
        messages.success(request, _("You joined %(name)s.") % {"name": classroom.name})
    else:
        messages.info(request, _("You are already in %(name)s.") % {"name": classroom.name})
    # A teacher may be a student of a colleague's class, but has no student's class page.
    return redirect("quizzes:class_list" if request.user.is_teacher else classroom)


@login_required
@require_POST
def class_join(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user: join the class whose code they typed. An unknown code is explained
    on the list page (quizzes/classes/class_list.html)."""
    form = JoinForm(request.POST)
    if not form.is_valid():
        return render(
            request, "quizzes/classes/class_list.html", _list_context(request, join_form=form)
        )
    return _join(request, form.cleaned_data["code"])


@login_required
@require_http_methods(["GET", "POST"])
def class_join_link(request: HtmxHttpRequest, code: str) -> HttpResponse:
    """Any signed-in user (a visitor logs in first and comes back): GET asks to confirm, POST
    joins. Template: quizzes/classes/join.html. Context: classroom."""
    classroom = get_object_or_404(
        Classroom.objects.select_related("teacher"), join_code=normalise_join_code(code)
    )
    if request.method == "POST":
        return _join(request, classroom)
    member = classroom.students.filter(pk=request.user.pk).exists()
    return render(request, "quizzes/classes/join.html", {"classroom": classroom, "member": member})


@login_required
@require_POST
def class_leave(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A student of the class: leave it."""
    classroom = get_object_or_404(access.classes_studied_by(request.user), pk=pk)
    classroom.leave(request.user)
    messages.success(request, _("You left %(name)s.") % {"name": classroom.name})
    return redirect("quizzes:class_list")
