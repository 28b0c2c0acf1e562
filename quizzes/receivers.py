"""Regenerate a document's questions whenever content stores a new version of it."""

from django.dispatch import receiver

from content.signals import document_analysed
from quizzes.bank import sync_generated_questions


@receiver(document_analysed)
def regenerate_questions(sender, document, analysis, **kwargs) -> None:
    sync_generated_questions(document, analysis)
