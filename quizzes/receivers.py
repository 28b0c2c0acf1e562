"""Regenerate a document's questions whenever content stores a new version of it, and keep the
report of what generation made of it (quizzes.teaching.document_report) for the teacher."""

from django.db import transaction
from django.dispatch import receiver

from content.signals import document_analysed
from quizzes.bank import sync_generated_questions
from quizzes.generation import generate_report
from quizzes.teaching.document_report import remember


@receiver(document_analysed)
def regenerate_questions(sender, document, analysis, **kwargs) -> None:
    report = generate_report(analysis)
    sync_generated_questions(document, analysis, report.questions)
    transaction.on_commit(lambda: remember(document, analysis, report))
