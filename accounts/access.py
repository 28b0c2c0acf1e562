"""Who may use a view, and who may see which class: decorators that state it at the top of
every view, and the one place that says whose classes are whose (every view gets a class
through these querysets: get_object_or_404(access.classes_taught_by(user), pk=pk)).

- A class is its teacher's: only they manage it, see its roster and its progress.
- Its students see it too (its deck, its assignments) and may leave it.
- Nobody else: another teacher or a student of another class gets 404, as if it did not exist.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse

from accounts.models import Classroom


def teacher_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-in teachers only: anonymous visitors go to the login page, students get 403."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_teacher:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def classes_taught_by(user) -> QuerySet[Classroom]:
    """The classes `user` teaches (none for a visitor)."""
    if not user.is_authenticated:
        return Classroom.objects.none()
    return Classroom.objects.filter(teacher=user)


def classes_studied_by(user) -> QuerySet[Classroom]:
    """The classes `user` is a student of (none for a visitor)."""
    if not user.is_authenticated:
        return Classroom.objects.none()
    return Classroom.objects.filter(pk__in=_memberships(user))


def classes_of(user) -> QuerySet[Classroom]:
    """The classes `user` teaches or studies in (none for a visitor)."""
    if not user.is_authenticated:
        return Classroom.objects.none()
    return Classroom.objects.filter(Q(teacher=user) | Q(pk__in=_memberships(user)))


def _memberships(user) -> QuerySet:
    # A subquery, not a join: a join on students would repeat a class once per row matched.
    return Classroom.students.through.objects.filter(user=user).values("classroom")
