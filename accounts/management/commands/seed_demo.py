"""Demo accounts for `make run`: a teacher `teacher`, a student `student`, a class joining them.

Only with DEBUG on. Passwords come from DEMO_PASSWORD or are generated and printed; a second run
keeps existing passwords unless DEMO_PASSWORD is set, so it changes nothing.
"""

import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import Classroom, User

DEMO_CLASS = "Demo class"


class Command(BaseCommand):
    help = "Create the demo teacher, student and class (DEBUG only)."

    @transaction.atomic
    def handle(self, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are only created with DEBUG on.")
        password = settings.DEMO_PASSWORD
        teacher, teacher_pw = self._ensure("teacher", password, is_teacher=True)
        student, student_pw = self._ensure("student", password, is_teacher=False)
        classroom, _ = Classroom.objects.get_or_create(name=DEMO_CLASS, teacher=teacher)
        classroom.students.add(student)
        for name, pw in (("teacher", teacher_pw), ("student", student_pw)):
            if pw:
                self.stdout.write(f"Demo account {name!r}, password: {pw}")
            else:
                self.stdout.write(
                    f"Demo account {name!r} exists "
                    "(password unchanged; set DEMO_PASSWORD to reset)."
                )
        self.stdout.write(f"Class {classroom.name!r}, join code {classroom.join_code}.")

    def _ensure(self, username: str, password: str | None, *, is_teacher: bool):
        """Return the user and the password to print (None when it is unchanged)."""
        user = User.objects.filter(username=username).first()
        if user is None:
            password = password or secrets.token_urlsafe(9)
            user = User.objects.create_user(username, password=password, is_teacher=is_teacher)
            return user, password
        if password and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
            return user, password
        return user, None
