"""Keep flashcard notes in step with their document."""

from django.dispatch import receiver

from content.signals import document_analysed
from flashcards.notes import sync_document
from flashcards.services import extend_studies


@receiver(document_analysed)
def sync_notes(sender, document, **kwargs) -> None:
    sync_document(document)
    extend_studies(document)
