"""Who may see or change which flashcards: the one place that says it, as accounts.access and
quizzes.access do for classes and quizzes. Every flashcards view and service gets a learner's
cards, review logs and settings through these querysets
(`access.cards_of(user).get(pk=pk)`), and a deck through decks_for.

- A learner's cards, their review history and their review settings are theirs alone: no
  teacher, no classmate sees or changes them here (a teacher sees a class's figures through
  progress, never the cards themselves). Nothing in a flashcards URL names another learner:
  a card or log id that is not theirs is 404, as if it did not exist.
- Any signed-in user may study any document's deck: a document opens by its link even when it
  is hidden or archived (content.access.documents_listed_for), so a learner's cards keep
  working; the decks page lists the documents listed for them and those they study.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet

from config.prepared import Prepared
from content.access import documents_listed_for
from content.models import Document
from flashcards.models import LearnerCard, LearnerSettings, ReviewLog


def cards_of(user) -> QuerySet[LearnerCard]:
    """The cards `user` studies (their schedule on each card): theirs to review, rate and undo."""
    if not user.is_authenticated:
        return LearnerCard.objects.none()
    return LearnerCard.objects.filter(user=user)


# cards_of(user).get(pk=pk), compiled once (the review page and each rating read one card).
_CARD = Prepared(lambda p: LearnerCard.objects.filter(user_id=p.user, pk=p.card))
_CARD_WITH_NOTE = Prepared(
    lambda p: LearnerCard.objects.filter(user_id=p.user, pk=p.card).select_related("card__note")
)


def card_of(user, pk: int, *, with_note: bool = False) -> LearnerCard:
    """`cards_of(user).get(pk=pk)`, with its card and note when `with_note`: raises
    LearnerCard.DoesNotExist when the card is not `user`'s (or no id a card can have)."""
    low, high = connection.ops.integer_field_range(LearnerCard._meta.pk.get_internal_type())
    if not user.is_authenticated or not low <= pk <= high:
        raise LearnerCard.DoesNotExist
    card = (_CARD_WITH_NOTE if with_note else _CARD).first(user=user.pk, card=pk)
    if card is None:
        raise LearnerCard.DoesNotExist
    return card


def review_logs_of(user) -> QuerySet[ReviewLog]:
    """`user`'s own review history: their ratings, the last of which they may undo."""
    if not user.is_authenticated:
        return ReviewLog.objects.none()
    return ReviewLog.objects.filter(user=user)


def settings_of(user) -> QuerySet[LearnerSettings]:
    """`user`'s saved review settings (one row at most: none until they change one; then
    LearnerSettings.for_user gives the defaults)."""
    if not user.is_authenticated:
        return LearnerSettings.objects.none()
    return LearnerSettings.objects.filter(user=user)


def decks_for(user) -> QuerySet[Document]:
    """The documents whose deck `user` may study: any, by its link (see the module docstring);
    none for a visitor."""
    if not user.is_authenticated:
        return Document.objects.none()
    return Document.objects.all()


def decks_listed_for(user) -> QuerySet[Document]:
    """The decks on `user`'s decks page: the documents listed for them
    (content.access.documents_listed_for) and those they study, even when no longer listed."""
    if not user.is_authenticated:
        return Document.objects.none()
    studied = cards_of(user).values("document")
    listed = documents_listed_for(user).values("pk")
    return Document.objects.filter(Q(pk__in=listed) | Q(pk__in=studied))
