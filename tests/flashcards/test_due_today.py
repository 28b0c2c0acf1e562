"""One "due today" (issue 16, item 5), Anki's: reviews whose due study day is today or earlier,
plus cards in learning due now; siblings held back today are not counted, nor new cards. The
home page, the progress page, the decks page and the review page's counters show one number."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from flashcards import services
from flashcards.models import LearnerCard, LearnerSettings, State
from progress import stats
from tests.flashcards.test_services import EASY, GOOD, make, one_card_per_note

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def sibling_pair(user, exclude) -> tuple[LearnerCard, LearnerCard]:
    for card in LearnerCard.objects.filter(user=user).exclude(note__in=exclude).order_by("pk"):
        other = LearnerCard.objects.filter(note=card.note_id).exclude(pk=card.pk).first()
        if other is not None:
            return card, other
    raise AssertionError("no note with two cards")


def a_learner_with_buried_siblings_and_overdue_cards(user, document, now):
    """Two reviews overdue, one learning card due now, one later today, a new card, a review
    due tomorrow, and a due review held back because its sibling was reviewed today."""
    services.start_studying(user, document, now=now - timedelta(days=30))
    shown, held_back = sibling_pair(user, exclude=[])
    others = one_card_per_note(user, 7)
    others = [c for c in others if c.note_id != shown.note_id][:6]
    overdue, old_overdue, learning, learning_later, new, tomorrow = others
    make(overdue, State.REVIEW, now - timedelta(days=1))
    make(old_overdue, State.REVIEW, now - timedelta(days=20))
    make(learning, State.LEARNING, now - timedelta(minutes=5), step=1)
    make(learning_later, State.LEARNING, now + timedelta(hours=2), step=1)
    make(new, State.NEW, now - timedelta(days=30))
    days = services.study_days(LearnerSettings.for_user(user))
    make(tomorrow, State.REVIEW, days.start(days.day(now) + timedelta(days=1)))
    make(shown, State.REVIEW, now - timedelta(days=2))
    make(held_back, State.REVIEW, now - timedelta(days=2))
    keep = [shown, held_back, *others]
    LearnerCard.objects.filter(user=user).exclude(pk__in=[c.pk for c in keep]).delete()
    shown.refresh_from_db()
    assert services.rate(user, shown.pk, shown.version, GOOD, now=now).applied


def test_due_today_counts_reviews_due_by_study_day_and_learning_due_now(alice, document):
    now = timezone.now()
    a_learner_with_buried_siblings_and_overdue_cards(alice, document, now)
    later = now + timedelta(seconds=1)
    assert services.due_today(alice, now=later) == 3  # 2 overdue + 1 learning
    learner = LearnerSettings.for_user(alice)
    limits = services.day_limits(alice, learner, later)
    counts = services.counts(alice, limits, now=later)
    assert (counts.new, counts.learning, counts.review) == (1, 1, 2)
    assert services.counts_by_document(alice, limits, now=later) == {document.pk: counts}
    assert stats.summary(alice, later).due_today == 3
    assert stats.card_figures(alice, later).due_today == 3


def test_every_page_shows_the_same_due_today(alice_client, alice, document):
    a_learner_with_buried_siblings_and_overdue_cards(alice, document, timezone.now())
    home = alice_client.get(reverse("quizzes:home"), **EN).content.decode()
    assert "3 cards due today" in home
    progress = alice_client.get(reverse("progress:dashboard"), **EN).content.decode()
    assert re.search(r'data-figure="due-today">\s*3\s*<', progress)
    decks = alice_client.get(reverse("flashcards:decks"), **EN).content.decode()
    assert "3 due · 1 new" in decks
    review = alice_client.get(reverse("flashcards:review"), **EN).content.decode()
    assert "1 learning" in review and "2 to review" in review and "1 new" in review
    # The review page shows the held-back sibling to no one today: what it counts, it shows.
    shown = []
    for _ in range(10):
        card = services.next_card(alice)
        if card is None:
            break
        shown.append(card.state)
        services.rate(alice, card.pk, card.version, EASY)
    assert sorted(shown) == sorted([State.LEARNING, State.REVIEW, State.REVIEW, State.NEW])
