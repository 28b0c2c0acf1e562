"""Users, their role, and the classes that join a teacher to students."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O or 1/I/L: a join code is read aloud in class and typed on a phone.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class User(AbstractUser):
    """A learner; a teacher when staff grant the role (admin or `manage.py createteacher`) or
    they accept a teacher's invitation (TeacherInvite)."""

    is_teacher = models.BooleanField(
        _("teacher"),
        default=False,
        help_text=_("Teachers author questions, build quizzes and run classes."),
    )
    # The language a learner last chose for practice quizzes (a quizzes.models.Quiz.Language
    # value; blank: the quiz's own). A teacher's quiz always keeps the teacher's setting.
    practice_language = models.CharField(_("practice language"), max_length=10, blank=True)
    # The interface language they last chose (a settings.LANGUAGES code; blank: never chose),
    # so it follows them to a new device (accounts.middleware.ProfileLanguageMiddleware).
    interface_language = models.CharField(_("interface language"), max_length=10, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    @property
    def role_label(self) -> str:
        return str(_("Teacher") if self.is_teacher else _("Student"))


class Classroom(models.Model):
    name = models.CharField(_("name"), max_length=120)
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="taught_classes",
        verbose_name=_("teacher"),
        limit_choices_to={"is_teacher": True},
    )
    students = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="classes",
        blank=True,
        verbose_name=_("students"),
    )
    join_code = models.CharField(
        _("join code"), max_length=JOIN_CODE_LENGTH, unique=True, default=new_join_code
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("quizzes:class_detail", args=[self.pk])

    def new_join_code(self) -> None:
        """A fresh code: the old one (and its link) stops working, members stay."""
        code = new_join_code()
        while Classroom.objects.filter(join_code=code).exists():
            code = new_join_code()
        self.join_code = code
        self.save(update_fields=["join_code"])

    def join(self, user) -> bool:
        """Add `user` as a student; False when they already are one (nothing changes)."""
        if self.students.filter(pk=user.pk).exists():
            return False
        self.students.add(user)
        return True

    def leave(self, user) -> None:
        self.students.remove(user)


def normalise_join_code(text: str) -> str:
    """A code as typed: any case, with spaces or dashes, is the same code."""
    return "".join(c for c in text.upper() if c.isalnum())


INVITE_DAYS = 14


def new_invite_token() -> str:
    return secrets.token_urlsafe(24)


class TeacherInvite(models.Model):
    """A link a teacher gives a colleague: whoever opens it signed in (logging in or signing up
    on the way) and accepts becomes a teacher. One use, valid INVITE_DAYS days."""

    token = models.CharField(max_length=64, unique=True, default=new_invite_token)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="teacher_invites"
    )
    created_at = models.DateTimeField(default=timezone.now)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("teacher invitation")
        verbose_name_plural = _("teacher invitations")

    def __str__(self) -> str:
        return f"{self.created_by} · {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("accounts:teacher_invite", args=[self.token])

    @property
    def expires_at(self):
        return self.created_at + timedelta(days=INVITE_DAYS)

    def is_usable(self, now=None) -> bool:
        return self.used_at is None and (now or timezone.now()) < self.expires_at

    def accept(self, user) -> bool:
        """Make `user` a teacher and spend the invitation; False (nothing changes) when it is
        used or expired. Locks the row, so two people opening one link make one teacher."""
        with transaction.atomic():
            invite = TeacherInvite.objects.select_for_update().get(pk=self.pk)
            if not invite.is_usable():
                return False
            if not user.is_teacher:
                user.is_teacher = True
                user.save(update_fields=["is_teacher"])
            invite.used_by, invite.used_at = user, timezone.now()
            invite.save(update_fields=["used_by", "used_at"])
            self.used_by, self.used_at = invite.used_by, invite.used_at
            return True
