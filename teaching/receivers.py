"""Keep the teacher's report on a document (teaching.document_report) fresh: when the quizzes
app has generated a document's questions, cache what generation made of it, so the report page
a teacher is sent to after adding the document needs no second analysis."""

from django.db import transaction
from django.dispatch import receiver

from quizzes.signals import questions_generated
from teaching.document_report import remember


@receiver(questions_generated)
def remember_document_report(sender, document, analysis, report, **kwargs) -> None:
    transaction.on_commit(lambda: remember(document, analysis, report))
