"""Flashcard test helpers: a fixed clock, and cards put in a chosen state."""

from datetime import UTC, datetime, timedelta

from flashcards.models import LearnerCard, State

# 16:00 in Hanoi: well inside the study day of 2 March 2026.
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def one_card_per_note(user, n: int) -> list[LearnerCard]:
    """`n` of the learner's cards, each of another note (so none buries another)."""
    cards, notes = [], set()
    for card in LearnerCard.objects.filter(user=user).order_by("pk"):
        if card.note_id not in notes:
            notes.add(card.note_id)
            cards.append(card)
    assert len(cards) >= n
    return cards[:n]


def make(card: LearnerCard, state: int, due, **memory) -> LearnerCard:
    fields = {"stability": 5.0, "difficulty": 5.0, "last_review": due - timedelta(days=5)}
    fields.update(memory)
    if state == State.NEW:
        fields = {"stability": None, "difficulty": None, "last_review": None}
    LearnerCard.objects.filter(pk=card.pk).update(state=state, due=due, **fields)
    card.refresh_from_db()
    return card
