"""Keep flashcard notes in step with their document; bring missed facts' cards forward."""

from django.dispatch import receiver

from content.signals import document_analysed
from flashcards.notes import sync_document
from flashcards.services import bring_forward, extend_studies
from quizzes.access import facts_hidden_until_finished
from quizzes.signals import facts_missed


@receiver(document_analysed)
def sync_notes(sender, document, **kwargs) -> None:
    sync_document(document)
    extend_studies(document)


@receiver(facts_missed)
def bring_missed_facts_forward(sender, user, fact_ids, **kwargs) -> int:
    """Returns how many cards were brought forward (the sender may tell the learner). After a
    wrong answer, quizzes.taking sends the signal once the answer is committed, in its own
    transaction, and logs a failure here instead of failing the answer. A fact asked in the
    learner's open attempt at a quiz with feedback at the end is left alone: its cards show the
    answer, which that quiz keeps until the attempt is finished (the results page then offers
    to bring the missed facts forward)."""
    hidden = facts_hidden_until_finished(user, fact_ids)
    fact_ids = [pk for pk in fact_ids if pk not in hidden]
    return bring_forward(user, fact_ids) if fact_ids else 0
