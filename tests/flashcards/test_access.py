"""flashcards.access: a learner's cards, review logs and settings are theirs alone; any signed-in
user may study any document's deck, and their decks page lists what is listed for them and what
they study. (Through the views: test_views_review.py's
test_another_learners_cards_and_ratings_are_out_of_reach, and test_permission_matrix.py.)"""

import pytest
from django.contrib.auth.models import AnonymousUser

from content.models import Document
from flashcards import access, services
from flashcards.models import LearnerCard, LearnerSettings
from tests.support.flashcards import T0

GOOD = 3


def test_a_learner_sees_only_their_own_cards(alice, bob, document):
    services.start_studying(alice, document, now=T0)
    services.start_studying(bob, document, now=T0)
    assert access.cards_of(alice).exists()
    assert set(access.cards_of(alice).values_list("user", flat=True)) == {alice.pk}
    bobs = services.next_card(bob, now=T0)
    assert not access.cards_of(alice).filter(pk=bobs.pk).exists()


def test_a_learner_sees_only_their_own_review_logs(alice, bob, document):
    for user in (alice, bob):
        services.start_studying(user, document, now=T0)
        card = services.next_card(user, now=T0)
        services.rate(user, card.pk, card.version, GOOD, now=T0)
    assert [log.user_id for log in access.review_logs_of(alice)] == [alice.pk]
    assert [log.user_id for log in access.review_logs_of(bob)] == [bob.pk]


def test_a_learner_sees_only_their_own_settings(alice, bob, db):
    LearnerSettings.objects.create(user=bob, new_per_day=5)
    assert not access.settings_of(alice).exists()
    assert list(access.settings_of(bob).values_list("new_per_day", flat=True)) == [5]


def test_another_learners_card_cannot_be_rated_nor_their_rating_undone(alice, bob, document):
    services.start_studying(bob, document, now=T0)
    bobs = services.next_card(bob, now=T0)
    with pytest.raises(LearnerCard.DoesNotExist):
        services.rate(alice, bobs.pk, bobs.version, GOOD, now=T0)
    log = services.rate(bob, bobs.pk, bobs.version, GOOD, now=T0).log
    assert services.undo(alice, log.pk) is None
    assert access.review_logs_of(bob).filter(pk=log.pk).exists()


def test_a_visitor_has_nothing(document):
    visitor = AnonymousUser()
    assert not access.cards_of(visitor).exists()
    assert not access.review_logs_of(visitor).exists()
    assert not access.settings_of(visitor).exists()
    assert not access.decks_for(visitor).exists()
    assert not access.decks_listed_for(visitor).exists()


def test_any_document_may_be_studied_by_its_link_even_hidden(alice, bob, document):
    Document.objects.filter(pk=document.pk).update(created_by=bob, hidden=True)
    assert access.decks_for(alice).filter(pk=document.pk).exists()


def test_the_decks_page_lists_listed_documents_and_those_studied(alice, bob, documents):
    first, second = documents[0], documents[1]
    Document.objects.filter(pk__in=[first.pk, second.pk]).update(created_by=bob, hidden=True)
    assert not access.decks_listed_for(alice).filter(pk__in=[first.pk, second.pk]).exists()
    services.start_studying(alice, first, now=T0)
    listed = access.decks_listed_for(alice)
    assert listed.filter(pk=first.pk).exists() and not listed.filter(pk=second.pk).exists()
    assert set(access.decks_listed_for(bob).values_list("pk", flat=True)) >= {first.pk, second.pk}


def test_one_card_is_read_only_by_its_learner(alice, bob, document):
    services.start_studying(alice, document, now=T0)
    card = services.next_card(alice, now=T0)
    assert access.card_of(alice, card.pk) == card
    with_note = access.card_of(alice, card.pk, with_note=True)
    assert with_note.card.note == card.card.note and with_note.version == card.version
    for user, pk in ((bob, card.pk), (AnonymousUser(), card.pk), (alice, 2**63), (alice, -1)):
        with pytest.raises(LearnerCard.DoesNotExist):
            access.card_of(user, pk)
