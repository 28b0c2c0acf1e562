"""Users, their role, and the classes that join a teacher to students."""

import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# No 0/O or 1/I/L: a join code is read aloud in class and typed on a phone.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class User(AbstractUser):
    """A learner; a teacher when staff grant the role (admin or `manage.py createteacher`)."""

    is_teacher = models.BooleanField(
        _("teacher"),
        default=False,
        help_text=_("Teachers author questions, build quizzes and run classes."),
    )

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
        return reverse("classes:detail", args=[self.pk])

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
