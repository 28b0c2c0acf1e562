"""`manage.py create_practice_quizzes`: a published practice quiz for every document without a
quiz (run by `make run`; a second run changes nothing)."""

from django.core.management.base import BaseCommand

from content.models import Document
from quizzes.seeding import ensure_practice_quiz


class Command(BaseCommand):
    help = "Publish a practice quiz for each document that has no quiz yet."

    def handle(self, **options):
        for document in Document.objects.all():
            quiz = ensure_practice_quiz(document)
            if quiz is None:
                self.stdout.write(f"{document.slug}: has a quiz already (or no questions)")
            else:
                count = quiz.entries.count()
                self.stdout.write(f"{document.slug}: practice quiz {quiz.pk} ({count} questions)")
