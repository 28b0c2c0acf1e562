"""Missed facts bring their cards forward: a quiz calls `bring_forward`, the learner's cards of
those facts (created if needed) go to the front of the queue, past today's limits."""

from datetime import timedelta

from content.models import Fact
from flashcards import services
from flashcards.models import LearnerCard, LearnerSettings, Note
from tests.flashcards.conftest import T0

EASY = 4


def missed_fact(document) -> Fact:
    """A fact with a cloze note and at least one term with cards: the richest case."""
    return (
        Fact.objects.filter(document=document, flashcard_notes__isnull=False)
        .filter(terms__flashcard_notes__isnull=False)
        .order_by("-pk")
        .first()
    )


def related_notes(fact: Fact) -> set[int]:
    cloze = set(fact.flashcard_notes.values_list("pk", flat=True))
    terms = set(Note.objects.filter(term__facts=fact).values_list("pk", flat=True))
    return cloze | terms


def test_it_puts_the_missed_facts_cards_at_the_front(alice, document):
    services.start_studying(alice, document, now=T0)
    fact = missed_fact(document)
    services.bring_forward(alice, [fact.pk])
    card = services.next_card(alice)
    assert card.note_id in related_notes(fact)
    assert card.forwarded


def test_bring_forward_returns_how_many_cards_moved_and_creates_missing_ones(alice, document):
    fact = missed_fact(document)
    moved = services.bring_forward(alice, [fact.pk], now=T0)
    cards = LearnerCard.objects.filter(user=alice)
    assert moved == cards.count() > 1
    assert {c.note_id for c in cards} == related_notes(fact)
    assert all(c.forwarded and c.due < T0 for c in cards)


def test_forwarded_cards_come_up_even_past_todays_limits(alice, document):
    LearnerSettings.objects.create(user=alice, new_per_day=0, reviews_per_day=0)
    services.start_studying(alice, document, now=T0)
    assert services.next_card(alice, now=T0) is None
    fact = missed_fact(document)
    services.bring_forward(alice, [fact.pk], now=T0)
    card = services.next_card(alice, now=T0)
    assert card is not None and card.note_id in related_notes(fact)


def test_a_forwarded_review_jumps_ahead_of_overdue_reviews(alice, document):
    LearnerSettings.objects.create(user=alice, new_per_day=1000)
    services.start_studying(alice, document, now=T0)
    while card := services.next_card(alice, now=T0):
        services.rate(alice, card.pk, card.version, EASY, now=T0)
    later = T0 + timedelta(days=90)  # everything overdue
    fact = missed_fact(document)
    services.bring_forward(alice, [fact.pk], now=later)
    assert services.next_card(alice, now=later).note_id in related_notes(fact)


def test_rating_a_forwarded_card_clears_the_flag_and_undo_restores_it(alice, document):
    fact = missed_fact(document)
    services.bring_forward(alice, [fact.pk], now=T0)
    card = services.next_card(alice, now=T0)
    log = services.rate(alice, card.pk, card.version, EASY, now=T0).log
    card.refresh_from_db()
    assert not card.forwarded
    services.undo(alice, log.pk)
    card.refresh_from_db()
    assert card.forwarded


def test_a_card_shown_before_it_was_forwarded_is_stale(alice, document):
    services.start_studying(alice, document, now=T0)
    fact = missed_fact(document)
    shown = LearnerCard.objects.filter(user=alice, note__in=related_notes(fact)).first()
    services.bring_forward(alice, [fact.pk], now=T0)
    assert not services.rate(alice, shown.pk, shown.version, EASY, now=T0).applied


def test_other_learners_are_not_touched(alice, bob, document):
    services.start_studying(bob, document, now=T0)
    before = list(LearnerCard.objects.filter(user=bob).values_list("due", "version"))
    services.bring_forward(alice, [missed_fact(document).pk])
    assert list(LearnerCard.objects.filter(user=bob).values_list("due", "version")) == before


def test_unknown_facts_move_nothing(alice, db):
    assert services.bring_forward(alice, [987654], now=T0) == 0
