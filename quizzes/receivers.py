"""Regenerate a document's questions whenever content stores a new version of it (and say so
with questions_generated, for the teacher's report on the document); close a teacher's quizzes
when their account is deleted."""

from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from content.signals import document_analysed
from quizzes.bank import sync_generated_questions
from quizzes.generation import generate_report
from quizzes.models import Question, Quiz
from quizzes.signals import questions_generated


@receiver(document_analysed)
def regenerate_questions(sender, document, analysis, **kwargs) -> None:
    report = generate_report(analysis)
    sync_generated_questions(document, analysis, report.questions)
    questions_generated.send(sender=Question, document=document, analysis=analysis, report=report)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def close_quizzes_of_deleted_owner(sender, instance, **kwargs) -> None:
    """A quiz whose owner goes keeps its questions and attempts (Quiz.owner is SET_NULL), but a
    quiz with no owner is a practice quiz, open to everyone once published: so the deleted
    teacher's quizzes go back to draft first, and stay closed (kept, never public). Runs for
    every way an account is deleted: the account page, the admin, a queryset."""
    Quiz.objects.filter(owner=instance).update(status=Quiz.Status.DRAFT)
