"""The review queue: siblings on different days, the daily limits, learning cards first, learning
ahead when nothing else is due, one deck or all, and the "done for today" outlook."""

from collections import defaultdict
from datetime import timedelta

from quizzes.flashcards import services
from quizzes.flashcards.models import LearnerCard, LearnerSettings, ReviewLog, State
from tests.flashcards.conftest import T0

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


def review_day(user, now, ratings=(GOOD,), document=None, limit=500) -> list[LearnerCard]:
    """Review until the queue is empty, minute by minute, rating each card in turn."""
    shown = []
    for i in range(limit):
        card = services.next_card(user, now=now, document=document)
        if card is None:
            return shown
        shown.append(card)
        services.rate(user, card.pk, card.version, ratings[i % len(ratings)], now=now)
        now += timedelta(minutes=1)
    raise AssertionError("the queue never ran out")


def test_siblings_of_one_note_are_never_shown_on_the_same_day(alice, documents):
    LearnerSettings.objects.create(user=alice, new_per_day=1000)
    for document in documents:
        services.start_studying(alice, document, now=T0)
    for day in range(10):  # more days than any note has cards
        now = T0 + timedelta(days=day)
        shown = review_day(alice, now, ratings=(GOOD, AGAIN, EASY, HARD))
        cards_per_note = defaultdict(set)
        for card in shown:
            cards_per_note[card.note_id].add(card.pk)
        assert shown and all(len(cards) == 1 for cards in cards_per_note.values())
    notes_with_siblings = {
        c.note_id for c in LearnerCard.objects.filter(user=alice) if c.note.cards.count() > 1
    }
    # …and the siblings do come up on a later day, once their note's reviews (shown first, as
    # in Anki) no longer bury them every day.
    for day in range(10, 60):
        review_day(alice, T0 + timedelta(days=day), ratings=(EASY,))
    for note_id in notes_with_siblings:
        assert (
            ReviewLog.objects.filter(learner_card__note_id=note_id)
            .values("learner_card")
            .distinct()
            .count()
            == LearnerCard.objects.filter(note_id=note_id).count()
        )


def test_no_more_new_cards_than_the_daily_limit(alice, documents):
    LearnerSettings.objects.create(user=alice, new_per_day=5)
    for document in documents:
        services.start_studying(alice, document, now=T0)
    for day in range(3):
        review_day(alice, T0 + timedelta(days=day), ratings=(EASY,))
        new_today = ReviewLog.objects.filter(user=alice, state_before=State.NEW)
        assert new_today.count() == 5 * (day + 1)


def test_no_more_reviews_than_the_daily_limit(alice, document):
    LearnerSettings.objects.create(user=alice, new_per_day=1000, reviews_per_day=3)
    services.start_studying(alice, document, now=T0)
    review_day(alice, T0, ratings=(EASY,))
    later = T0 + timedelta(days=60)  # every card is due again, as a review
    due = LearnerCard.objects.filter(user=alice, state=State.REVIEW, due__lte=later).count()
    assert due > 3
    # No new cards that day: a new card shown first would bury its reviewed sibling.
    LearnerSettings.objects.filter(user=alice).update(new_per_day=0)
    review_day(alice, later, ratings=(GOOD,))
    reviewed = ReviewLog.objects.filter(user=alice, reviewed_at__gte=later)
    assert reviewed.filter(state_before=State.REVIEW).count() == 3


def test_limits_count_the_study_day_not_the_calendar_day(alice, document):
    LearnerSettings.objects.create(user=alice, new_per_day=2)
    services.start_studying(alice, document, now=T0)
    evening = T0.replace(hour=20)  # 03:00 in Hanoi: still the study day of 2 March
    review_day(alice, T0, ratings=(EASY,))
    assert services.next_card(alice, now=evening) is None
    assert services.next_card(alice, now=evening + timedelta(hours=1)) is not None  # 04:00


def test_learning_cards_come_before_new_ones_once_due(alice, document):
    services.start_studying(alice, document, now=T0)
    first = services.next_card(alice, now=T0)
    services.rate(alice, first.pk, first.version, AGAIN, now=T0)
    assert services.next_card(alice, now=T0 + timedelta(seconds=30)).pk != first.pk
    assert services.next_card(alice, now=T0 + timedelta(minutes=1)).pk == first.pk


def test_with_nothing_else_due_a_learning_card_comes_up_early(alice, document):
    LearnerSettings.objects.create(user=alice, new_per_day=1)
    services.start_studying(alice, document, now=T0)
    card = services.next_card(alice, now=T0)
    services.rate(alice, card.pk, card.version, GOOD, now=T0)  # due in 10 minutes
    assert services.next_card(alice, now=T0).pk == card.pk
    card.refresh_from_db()
    services.rate(alice, card.pk, card.version, GOOD, now=T0)  # graduates: due tomorrow
    assert services.next_card(alice, now=T0) is None


def test_one_deck_shows_only_its_own_cards(alice, documents):
    first, second = documents
    for document in documents:
        services.start_studying(alice, document, now=T0)
    shown = review_day(alice, T0, ratings=(EASY,), document=second)
    assert shown and {card.document_id for card in shown} == {second.pk}
    assert services.next_card(alice, now=T0, document=first).document_id == first.pk


def test_a_learner_never_gets_another_learners_cards(alice, bob, document):
    services.start_studying(bob, document, now=T0)
    assert services.next_card(alice, now=T0) is None
    services.start_studying(alice, document, now=T0)
    assert services.next_card(alice, now=T0).user_id == alice.pk


def test_studying_again_adds_no_duplicates(alice, document):
    added = services.start_studying(alice, document, now=T0)
    assert added == LearnerCard.objects.filter(user=alice).count() > 0
    assert services.start_studying(alice, document, now=T0) == 0
    assert LearnerCard.objects.filter(user=alice).count() == added


def test_counts_and_tomorrow_follow_the_limits(alice, document):
    learner = LearnerSettings.objects.create(user=alice, new_per_day=4, reviews_per_day=100)
    total = services.start_studying(alice, document, now=T0)
    limits = services.day_limits(alice, learner, T0)
    counts = services.counts(alice, limits, now=T0)
    assert (counts.new, counts.learning, counts.review) == (4, 0, 0)
    review_day(alice, T0, ratings=(EASY,))
    outlook = services.outlook(alice, learner, now=T0 + timedelta(hours=1))
    assert outlook.studying and outlook.later_today == 0
    # Tomorrow: four more new cards, plus the Easy cards that fall due by then.
    due_tomorrow = LearnerCard.objects.filter(
        user=alice, state=State.REVIEW, due__lt=T0 + timedelta(days=2)
    ).count()
    assert outlook.tomorrow == 4 + due_tomorrow
    assert total > 8


def test_a_learning_card_due_later_today_is_announced(alice, document):
    learner = LearnerSettings.objects.create(user=alice, new_per_day=1)
    services.start_studying(alice, document, now=T0)
    card = services.next_card(alice, now=T0)
    services.rate(alice, card.pk, card.version, GOOD, now=T0)
    outlook = services.outlook(alice, learner, now=T0 - timedelta(minutes=30))
    assert outlook.later_today == 1
