"""Grant the teacher role: `python manage.py createteacher USERNAME`.

An existing user becomes a teacher; a new username creates the account, with the password from
--password or a generated one printed once.
"""

import secrets

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User


class Command(BaseCommand):
    help = "Make USERNAME a teacher, creating the account if it does not exist."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="for a new account; generated when omitted")

    @transaction.atomic
    def handle(self, username: str, email: str, password: str | None, **options):
        username = username.strip()
        if not username:
            raise CommandError("USERNAME must not be empty.")
        user = User.objects.filter(username=username).first()
        if user is None:
            generated = password is None
            password = password or secrets.token_urlsafe(12)
            user = User.objects.create_user(username, email=email, password=password)
            user.is_teacher = True
            user.save(update_fields=["is_teacher"])
            self.stdout.write(f"Created teacher {username}.")
            if generated:
                self.stdout.write(f"Password: {password}")
            return
        if user.is_teacher:
            self.stdout.write(f"{username} is already a teacher.")
            return
        user.is_teacher = True
        user.save(update_fields=["is_teacher"])
        self.stdout.write(f"{username} is now a teacher.")
