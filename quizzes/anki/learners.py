"""A learner's own Anki deck, "my cards": the terms and facts behind their flashcards.

The learner's flashcards (flashcards: a LearnerCard per card they study) stand for notes
made from a document's terms and fact sentences; this deck holds those terms as bilingual notes
and those facts' sentences as clozes, whichever documents they come from. Only what still comes
up in the learner's reviews counts: their active cards of active notes, and of those notes the
terms and facts still active (what a document no longer says leaves the deck). No questions:
the deck is what the learner reviews, not what a quiz asks.

Notes keep the GUIDs they have in a document's deck (the sources give them), so importing a
document's deck and this one never duplicates a note, and re-importing either updates notes in
place. The deck's id comes from the learner's pk; its name is fixed and never translated, since
Anki matches decks by name on import and a translated name would split the deck in two.
"""

from __future__ import annotations

from django.db.models import QuerySet

from content.items import exportable_facts, exportable_terms, fact_items, term_items
from content.models import Fact, Term
from flashcards.models import Note
from quizzes.anki.deck import DeckSpec, Written, build_decks, write_package

DECK_NAME = "Dongxi::Thẻ của tôi · 我的卡片"
TAG = "my-cards"


def learner_spec(user) -> DeckSpec:
    return DeckSpec("learner", user.pk, DECK_NAME, f"Dongxi · {user.get_username()}", tags=(TAG,))


def studied_notes(user) -> QuerySet[Note]:
    """The active notes of which the learner has an active card."""
    return Note.objects.filter(
        is_active=True, learner_cards__user=user, learner_cards__card__is_active=True
    )


def _parts(user) -> tuple[QuerySet[Term], QuerySet[Fact]]:
    notes = studied_notes(user)
    # Subqueries rather than joins: no duplicates to remove, and the sources' ordering stays.
    terms = Term.objects.filter(pk__in=notes.values("term"))
    facts = Fact.objects.filter(pk__in=notes.values("facts"))
    return terms, facts


def learner_decks(user):
    """The learner's deck: one, with no sub-deck."""
    terms, facts = _parts(user)
    return build_decks(
        learner_spec(user),
        terms=term_items(terms.order_by("document_id", "key")),
        facts=fact_items(facts.order_by("document_id", "sentence__index", "key")),
    )


def note_estimate(user) -> int:
    """At most how many notes the learner's deck has (cheap counts)."""
    terms, facts = _parts(user)
    return exportable_terms(terms).count() + exportable_facts(facts).count()


def export_learner(user, file, timestamp: float | None = None) -> Written:
    """Write the learner's deck to `file` (path or binary file object)."""
    return write_package(learner_decks(user), file, timestamp)
