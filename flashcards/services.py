"""A learner's flashcards in the database: studying a document, the queue, rating, undo, and
bringing missed facts forward. No HTTP here; the views call these functions.

The queue, in Anki's default order: cards in (re)learning that are due now, then due reviews
(the most overdue first, within the day's review limit, with brought-forward cards), then new
cards (within the day's new-card limit), then, with nothing else left, a learning card due within
LEARN_AHEAD. Burying as Anki buries siblings (other cards of one note), only by a card actually
shown: a new card waits for another day once a sibling was rated today; a due review waits only
when a sibling rated today was not new then (reviews come before new cards, and a new card never
buries a review); a card in learning is never buried. "Today" is the learner's study day
(`study_days`).

The next card is one query: the queue's three parts in one ORDER BY (`queue`). Buried
siblings are left out by each card's `shown_*` (the study day of its last rating, and how that
day's ratings found it), which each rating keeps: a sibling shown today is found through the
index learner_card_user_shown (`_buried_today`), not a subquery on the log. The queue and the
counts are compiled once for each shape (a deck or all, limits reached or not) and run again
with the learner's values (`_prepared`).

Ratings are applied with a conditional UPDATE on the card's `version`: a rating posted for a
version that is no longer current (the same card rated in another tab, a double submit) changes
nothing and writes no log row, so every rating is recorded exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
    Window,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.utils import timezone

from accounts.models import User
from config.prepared import Prepared, PreparedInsert, PreparedUpdate
from content.models import Document, Fact
from flashcards import access, scheduling
from flashcards.models import (
    Card,
    LearnerCard,
    LearnerSettings,
    Note,
    Rating,
    ReviewLog,
    State,
)
from flashcards.notes import sync_document
from flashcards.scheduling import Memory

LEARNING_STATES = (State.LEARNING, State.RELEARNING)


def fuzz_enabled() -> bool:
    """FLASHCARDS_FUZZ (default on): off in tests, so intervals are exactly fsrs's own."""
    return getattr(settings, "FLASHCARDS_FUZZ", True)


def scheduler_for(learner: LearnerSettings):
    return scheduling.make_scheduler(learner.desired_retention, fuzz=fuzz_enabled())


def study_days(learner: LearnerSettings) -> scheduling.StudyDays:
    """The learner's study days: they start at the hour of their settings, in the current time
    zone (Django's TIME_ZONE, or the one activated for the request)."""
    return scheduling.StudyDays(timezone.get_current_timezone(), time(learner.day_starts_at))


def today(now: datetime, days: scheduling.StudyDays | None = None):
    """The study day of `now` (by default one starting at 04:00, Anki's default)."""
    return (days or scheduling.StudyDays(timezone.get_current_timezone())).day(now)


def fuzz_seed(card: LearnerCard) -> str:
    """One seed per card and review, as Anki seeds fuzz with the card id and its reps: the
    interval a button shows is the one its rating applies."""
    return f"{card.pk}:{card.reps}"


def intervals(card: LearnerCard, learner: LearnerSettings, now: datetime) -> dict[int, timedelta]:
    """What each rating would give `card` now: written on the buttons, applied by `rate`."""
    return scheduling.preview(
        memory_of(card),
        now,
        scheduler_for(learner),
        days=study_days(learner),
        seed=fuzz_seed(card),
    )


def memory_of(card: LearnerCard) -> Memory:
    return Memory(
        state=card.state,
        due=card.due,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        last_review=card.last_review,
    )


# --- studying a document -----------------------------------------------------------------------


def ensure_notes(document_ids) -> int:
    """Build the notes of documents stored before flashcards existed (later loads keep them);
    returns how many documents got theirs. One query, which reads no row when every document
    has its notes (the usual case)."""
    has_notes = Exists(Note.objects.filter(document=OuterRef("pk")))
    built = 0
    for document in Document.objects.filter(pk__in=document_ids).exclude(has_notes):
        sync_document(document)
        built += 1
    return built


def add_cards(user, cards: QuerySet[Card], now: datetime) -> int:
    """Give the learner their own schedule on `cards` they do not have yet, as new cards."""
    missing = (
        cards.filter(is_active=True)
        .exclude(Exists(LearnerCard.objects.filter(user=user, card=OuterRef("pk"))))
        .select_related("note")
        .order_by("note__document", "note__position", "ordinal")
    )
    # Equal due times: the queue then follows the ids, which follow the document's order.
    created = LearnerCard.objects.bulk_create(
        (
            LearnerCard(
                user=user, card=card, note=card.note, document_id=card.note.document_id, due=now
            )
            for card in missing
        ),
        ignore_conflicts=True,  # a second tab starting the same document at the same moment
    )
    return len(created)


@transaction.atomic
def start_studying(user, document: Document, *, now: datetime | None = None) -> int:
    """The learner studies `document`: each of its cards becomes theirs, new. Returns how many
    were added (0 when they already study all of them)."""
    ensure_notes([document.pk])
    return add_cards(user, Card.objects.filter(note__document=document), now or timezone.now())


def extend_studies(document: Document, *, now: datetime | None = None) -> int:
    """After the document changed: every learner who studies it gets its new cards (a reworded
    sentence makes a new cloze note), as new cards. Returns how many were added in all."""
    now = now or timezone.now()
    learners = (
        LearnerCard.objects.filter(document=document).values_list("user", flat=True).distinct()
    )
    cards = Card.objects.filter(note__document=document)
    return sum(
        add_cards(user, cards, now) for user in User.objects.filter(pk__in=learners).order_by("pk")
    )


# --- the queue ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """How many cards are left today, in the three colours Anki shows."""

    new: int
    learning: int
    review: int

    @property
    def due(self) -> int:
        """Cards due today: learning and review, not new (see `due_today`)."""
        return self.learning + self.review


@dataclass(frozen=True)
class DayLimits:
    new_left: int
    reviews_left: int
    # The study day they count, from `starts` to `ends`. `read`: these were read from the cards
    # shown that day (`day_limits`), whose `shown_*` also bury their siblings that day
    # (`_buried_today`), so that the queue and its counts need no subquery on the review log.
    day: date | None = None
    starts: datetime | None = None
    ends: datetime | None = None
    read: bool = False
    # The id of the last of that day's ratings (the newest, as `last_rating` orders them), the
    # one the learner may undo today, with no query of its own; None when there is none today.
    # `undo` checks it is still the last.
    last_today: int | None = None

    def cover(self, now: datetime) -> bool:
        """Whether these are the limits of `now`'s study day, with its ratings."""
        return self.read and self.starts is not None and self.starts <= now < self.ends


# Today's limits in one row: how many of today's ratings found their card new, and in review,
# summed over the cards shown today (LearnerCard.shown_*: each rating keeps its card's, so a
# learner who rates hundreds of times a day sums a row per card, not per rating, from the index
# learner_card_user_shown alone, in the database); and the id of today's last rating (the
# newest, through the index review_log_user_time; `since`, a day before the day starts, bounds
# that read whatever day start the ratings were made with). No row when no card was shown.
_SHOWN = Prepared(
    lambda p: (
        LearnerCard.objects.filter(user_id=p.user, shown_day=p.day)
        .values("user_id")
        .annotate(
            new=Sum("shown_new"),
            reviews=Sum("shown_reviews"),
            last=Subquery(
                ReviewLog.objects.filter(user_id=p.user, reviewed_at__gte=p.since, review_day=p.day)
                .order_by("-reviewed_at", "-pk")
                .values("pk")[:1]
            ),
        )
        .order_by()
        .values_list("new", "reviews", "last")
    ),
    dates=("day",),
    datetimes=("since",),
)


def day_limits(user, learner: LearnerSettings, now: datetime) -> DayLimits:
    days = study_days(learner)
    day = days.day(now)
    starts = days.start(day)
    row = _SHOWN.first(user=user.pk, day=day, since=starts - timedelta(days=1))
    new, reviews, last = row or (0, 0, None)
    return DayLimits(
        max(0, learner.new_per_day - new),
        max(0, learner.reviews_per_day - reviews),
        day,
        starts,
        days.start(day + timedelta(days=1)),
        True,
        last,
    )


def _buried_today(user, day) -> Exists:
    """The module's burying rule, by the cards' `shown_*`: a new card waits when a sibling (a
    card of its note) was shown on `day`; a due review only when a sibling shown was not new
    then (`shown_seen`). Exclude it: one NOT EXISTS, which PostgreSQL answers with an anti-join
    on the day's shown cards, read once through the index learner_card_user_shown, and SQLite
    with one lookup in that index per card. `user` and `day` may be placeholders of a compiled
    query (config.prepared)."""
    return Exists(
        LearnerCard.objects.filter(user_id=user, shown_day=day, note_id=OuterRef("note_id"))
        .exclude(pk=OuterRef("pk"))
        .filter(
            Q(Exact(OuterRef("state"), State.NEW))
            | Q(Exact(OuterRef("state"), State.REVIEW), shown_seen__gt=0)
        )
    )


def _candidates(
    user, now: datetime, document: Document | None, day, limits: DayLimits | None = None
) -> QuerySet[LearnerCard]:
    """The learner's active cards less the buried ones (see the module's docstring)."""
    cards = LearnerCard.objects.filter(user=user, card__is_active=True)
    if document is not None:
        cards = cards.filter(document=document)
    if limits is not None and limits.read and limits.day == day:
        return cards.exclude(_buried_today(user.pk, day))
    shown_today = ReviewLog.objects.filter(
        user=user, review_day=day, learner_card__note=OuterRef("note")
    ).exclude(learner_card=OuterRef("pk"))
    buried = Q(state=State.NEW, sibling_shown=True) | Q(
        state=State.REVIEW, sibling_shown_not_new=True
    )
    return cards.alias(
        sibling_shown=Exists(shown_today),
        sibling_shown_not_new=Exists(shown_today.exclude(state_before=State.NEW)),
    ).exclude(buried)


_NOTHING = Q(pk__in=[])


def _tomorrow(now: datetime, days: scheduling.StudyDays | None) -> datetime:
    """When the study day after `now`'s begins: a review due before it is due today."""
    days = days or scheduling.StudyDays(timezone.get_current_timezone())
    return days.start(days.day(now) + timedelta(days=1))


def _in_order(
    cards: QuerySet[LearnerCard], now: datetime, limits: DayLimits, days
) -> QuerySet[LearnerCard]:
    """`cards` that may come up now, in the queue's order, its three parts in one query:
    learning cards due now; reviews due today (their due study day is today or earlier, the most
    overdue first) within the review limit and brought-forward cards, then new cards within the
    new-card limit (in the document's order); learning cards due within LEARN_AHEAD."""
    tomorrow = _tomorrow(now, days) if limits.reviews_left else None
    ahead = now + scheduling.LEARN_AHEAD
    return _ordered(cards, now, ahead, tomorrow, bool(limits.new_left))


def _ordered(
    cards: QuerySet[LearnerCard],
    now: datetime,
    ahead: datetime,
    tomorrow: datetime | None,
    new_left: bool,
) -> QuerySet[LearnerCard]:
    """`_in_order` with its times given: learning cards due by `ahead`, reviews due before
    `tomorrow` (None: the review limit is reached), new cards when `new_left`."""
    may, order = _queue_parts(now, ahead, tomorrow, new_left)
    return cards.filter(may).order_by(*order)


def _queue_parts(now: datetime, ahead: datetime, tomorrow: datetime | None, new_left: bool):
    """(the cards that may come up now, the queue's order) of `_ordered`."""
    learning = Q(state__in=LEARNING_STATES)
    reviews = Q(state=State.REVIEW, due__lt=tomorrow) if tomorrow is not None else _NOTHING
    new = Q(state=State.NEW, due__lte=now) if new_left else _NOTHING
    part = Case(When(learning & Q(due__lte=now), then=0), When(learning, then=2), default=1)
    new_last = Case(When(state=State.NEW, forwarded=False, then=1), default=0)
    may = (learning & Q(due__lte=ahead)) | (
        ~learning & (reviews | new | Q(forwarded=True, due__lte=now))
    )
    return may, [part, new_last, "due", "pk"]


def queue(
    user,
    now: datetime,
    limits: DayLimits,
    document: Document | None = None,
    days: scheduling.StudyDays | None = None,
) -> QuerySet[LearnerCard]:
    """The learner's queue now, in order (`_in_order`), buried siblings left out, with each
    card's card and note."""
    cards = _candidates(user, now, document, today(now, days), limits)
    return _in_order(cards.select_related("card__note"), now, limits, days)


# The queue's first card and the counts, compiled once per shape and run again with the
# learner's values: building and compiling them with the ORM took several times what the
# database takes to answer.
_COUNTS = ("new", "new_forwarded", "learning", "review", "review_forwarded")
_prepared_queries: dict[tuple, Prepared] = {}


def _learner_cards(p, document: bool) -> QuerySet[LearnerCard]:
    """`_candidates` with placeholders."""
    cards = LearnerCard.objects.filter(user_id=p.user, card__is_active=True)
    if document:
        cards = cards.filter(document_id=p.document)
    return cards.exclude(_buried_today(p.user, p.day))


# The note's fields of the card shown (all its face needs of the note), as a subquery rather
# than a join: finding the first card sorts every candidate, and a join carried each note's
# fields (about 2 KB of JSON) through that sort. The subquery runs for the row returned only:
# on SQLite, and on PostgreSQL, which evaluates a costly output column after the sort and limit.
_NOTE_FIELDS = Subquery(
    Note.objects.filter(pk=OuterRef("card__note_id")).order_by().values("fields")
)


def _with_note(first: LearnerCard | None) -> LearnerCard | None:
    """The first card of a queue's query with its note, as select_related("card__note") gives
    it, but with only the note's fields loaded (the rest deferred: read if ever used)."""
    if first is not None:
        fields = first.__dict__.pop("note_fields")
        first.card.note = Note.from_db(
            first._state.db, ["id", "fields"], [first.card.note_id, fields]
        )
    return first


def _first_in_queue(document: bool, reviews_left: bool, new_left: bool, p):
    cards = _learner_cards(p, document).select_related("card").annotate(note_fields=_NOTE_FIELDS)
    tomorrow = p.tomorrow if reviews_left else None
    return _ordered(cards, p.now, p.ahead, tomorrow, new_left)[:1]


def _first_with_counts(document: bool, reviews_left: bool, new_left: bool, p):
    """`_first_in_queue` and `_left_today` in one query: every candidate card, the counts over
    all of them (window aggregates, left_*), those that may come up now first (queued=0), in the
    queue's order."""
    may, order = _queue_parts(p.now, p.ahead, p.tomorrow if reviews_left else None, new_left)
    fields = _count_fields(p.now, p.ahead, p.tomorrow)
    windows = {f"left_{name}": Window(fields[name]) for name in _COUNTS}
    return (
        _learner_cards(p, document)
        .select_related("card")
        .annotate(**windows, queued=Case(When(may, then=0), default=1), note_fields=_NOTE_FIELDS)
        .order_by("queued", *order)[:1]
    )


def _left_today(document: bool, p):
    return (
        _learner_cards(p, document)
        .values("user_id")
        .annotate(**_count_fields(p.now, p.ahead, p.tomorrow))
        .order_by()
        .values_list(*_COUNTS)
    )


def _prepared(kind: str, user, now: datetime, tomorrow: datetime, limits: DayLimits, document):
    """The compiled query of `kind` ("queue": the first card; "counts"; "both") for this shape,
    and the values to run it with."""
    if kind in ("queue", "both"):
        key = (kind, document is not None, bool(limits.reviews_left), bool(limits.new_left))
        build = partial(_first_in_queue if kind == "queue" else _first_with_counts, *key[1:])
    else:
        key = (kind, document is not None)
        build = partial(_left_today, *key[1:])
    prepared = _prepared_queries.get(key)
    if prepared is None:
        prepared = Prepared(build, datetimes=("now", "ahead", "tomorrow"), dates=("day",))
        prepared = _prepared_queries.setdefault(key, prepared)
    values = {
        "user": user.pk,
        "document": document.pk if document is not None else None,
        "now": now,
        "ahead": now + scheduling.LEARN_AHEAD,
        "tomorrow": tomorrow,
        "day": limits.day,
    }
    return prepared, values


def next_card(
    user,
    *,
    now: datetime | None = None,
    document: Document | None = None,
    limits: DayLimits | None = None,
    learner: LearnerSettings | None = None,
) -> LearnerCard | None:
    """The card to show now, with its card and note loaded; None when done for now. Given
    today's `limits` (day_limits), one query."""
    now = now or timezone.now()
    if limits is None or not limits.cover(now):
        learner = learner or LearnerSettings.for_user(user)
        limits = day_limits(user, learner, now) if limits is None else limits
    if limits.cover(now):
        query, values = _prepared("queue", user, now, limits.ends, limits, document)
        return _with_note(query.first(**values))
    days = study_days(learner or LearnerSettings.for_user(user))
    return queue(user, now, limits, document, days).first()


def next_card_and_counts(
    user,
    limits: DayLimits,
    *,
    now: datetime,
    document: Document | None = None,
    days: scheduling.StudyDays | None = None,
    learner: LearnerSettings | None = None,
) -> tuple[LearnerCard | None, Counts]:
    """`next_card` and `counts`, in one query when `limits` are those of now's study day."""
    day, tomorrow = today(now, days), _tomorrow(now, days)
    if limits.cover(now) and limits.day == day and limits.ends == tomorrow:
        query, values = _prepared("both", user, now, tomorrow, limits, document)
        first = _with_note(query.first(**values))
        if first is None:
            return None, _counts(dict.fromkeys(_COUNTS, 0), limits)
        # The counts and the rank leave the card: it is the learner's card as next_card's.
        left = {name: first.__dict__.pop(f"left_{name}") for name in _COUNTS}
        queued = first.__dict__.pop("queued")
        return (None if queued else first), _counts(left, limits)
    card = next_card(user, now=now, document=document, limits=limits, learner=learner)
    return card, counts(user, limits, now=now, document=document, days=days)


def _count_fields(now: datetime, ahead: datetime, tomorrow: datetime) -> dict:
    """The aggregates `counts` turns into Counts (one definition for one deck and for all);
    `ahead`: now + LEARN_AHEAD."""
    new = Q(state=State.NEW, due__lte=now)
    review = Q(state=State.REVIEW, due__lt=tomorrow)
    return {
        "new": Count("pk", filter=new & Q(forwarded=False)),
        "new_forwarded": Count("pk", filter=new & Q(forwarded=True)),
        # As Anki counts them: due within the learn-ahead limit (the queue's last part).
        "learning": Count("pk", filter=Q(state__in=LEARNING_STATES, due__lte=ahead)),
        "review": Count("pk", filter=review & Q(forwarded=False)),
        "review_forwarded": Count("pk", filter=review & Q(forwarded=True)),
    }


def _counts(row: dict, limits: DayLimits) -> Counts:
    """Brought-forward cards come up whatever the limits (see `bring_forward`)."""
    return Counts(
        min(row["new"], limits.new_left) + row["new_forwarded"],
        row["learning"],
        min(row["review"], limits.reviews_left) + row["review_forwarded"],
    )


def counts(
    user,
    limits: DayLimits,
    *,
    now: datetime | None = None,
    document: Document | None = None,
    days: scheduling.StudyDays | None = None,
) -> Counts:
    """What is left today, as the queue shows it: new cards within the new-card limit, learning
    cards due now (within LEARN_AHEAD, as Anki counts them), reviews due today (by study day)
    within the review limit; buried siblings are not counted. `Counts.due` is Dongxi's one
    "due today" (see `due_today`)."""
    now = now or timezone.now()
    day, tomorrow = today(now, days), _tomorrow(now, days)
    ahead = now + scheduling.LEARN_AHEAD
    if limits.read and limits.day == day:  # as _candidates buries by today's shown cards
        query, values = _prepared("counts", user, now, tomorrow, limits, document)
        row = query.first(**values) or (0,) * len(_COUNTS)
        return _counts(dict(zip(_COUNTS, row, strict=True)), limits)
    due = _candidates(user, now, document, day, limits)
    return _counts(due.aggregate(**_count_fields(now, ahead, tomorrow)), limits)


def counts_by_document(
    user, limits: DayLimits, *, now: datetime | None = None, days=None
) -> dict[int, Counts]:
    """`counts` of every document the learner studies, in one query (the decks page)."""
    now = now or timezone.now()
    rows = (
        _candidates(user, now, None, today(now, days), limits)
        .values("document")
        .annotate(**_count_fields(now, now + scheduling.LEARN_AHEAD, _tomorrow(now, days)))
        .order_by()
    )
    return {row["document"]: _counts(row, limits) for row in rows}


def due_today(
    user,
    *,
    now: datetime | None = None,
    learner: LearnerSettings | None = None,
    document: Document | None = None,
) -> int:
    """Dongxi's one definition of "cards due today", Anki's: reviews whose due study day is
    today or earlier (within the day's review limit) plus cards in learning due now (or within
    the learn-ahead limit, as Anki shows them: the review page shows them now); siblings
    buried today are not counted, nor new cards. The home page, the progress page, the decks
    page and the review page's counters all show this number."""
    now = now or timezone.now()
    learner = learner or LearnerSettings.for_user(user)
    limits = day_limits(user, learner, now)
    return counts(user, limits, now=now, document=document, days=study_days(learner)).due


@dataclass(frozen=True)
class Outlook:
    """The "done for today" screen: what comes back later today, and tomorrow's count."""

    later_today: int
    tomorrow: int
    studying: bool  # whether the learner has any card at all (in this deck)


def outlook(
    user, learner: LearnerSettings, *, now: datetime | None = None, document=None
) -> Outlook:
    now = now or timezone.now()
    days = study_days(learner)
    day = days.day(now)
    tomorrow_starts = days.start(day + timedelta(days=1))
    tomorrow_ends = days.start(day + timedelta(days=2))
    cards = LearnerCard.objects.filter(user=user, card__is_active=True)
    if document is not None:
        cards = cards.filter(document=document)
    c = cards.aggregate(
        any=Count("pk"),
        later=Count(
            "pk",
            filter=Q(state__in=LEARNING_STATES, due__gt=now, due__lt=tomorrow_starts),
        ),
        learning=Count("pk", filter=Q(state__in=LEARNING_STATES, due__lt=tomorrow_ends)),
        review=Count("pk", filter=Q(state=State.REVIEW, due__lt=tomorrow_ends)),
        new=Count("pk", filter=Q(state=State.NEW)),
    )
    tomorrow = (
        max(0, c["learning"] - c["later"])
        + min(c["review"], learner.reviews_per_day)
        + min(c["new"], learner.new_per_day)
    )
    return Outlook(c["later"], tomorrow, bool(c["any"]))


# --- rating and undo ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rated:
    applied: bool  # False: the card had already changed (another tab); nothing was written
    log: ReviewLog | None = None


# rate's UPDATE of the card, compiled once (the card's new state, if it is still at `version`).
_RATED = PreparedUpdate(
    lambda p: (
        LearnerCard.objects.filter(pk=p.card, version=p.version),
        {
            "state": p.state,
            "step": p.step,
            "stability": p.stability,
            "difficulty": p.difficulty,
            "due": p.due,
            "last_review": p.last_review,
            "interval": p.interval,
            "shown_day": p.shown_day,
            "shown_new": p.shown_new,
            "shown_reviews": p.shown_reviews,
            "shown_seen": p.shown_seen,
            "reps": F("reps") + 1,
            "lapses": F("lapses") + p.lapse,
            "forwarded": False,
            "version": p.next_version,
        },
    ),
    datetimes=("due", "last_review"),
    dates=("shown_day",),
)


# rate's INSERT of the log row, compiled once (nothing listens for a ReviewLog's save).
_LOGGED = PreparedInsert(ReviewLog)


def rate(
    user,
    card_id: int,
    version: int,
    rating: int,
    *,
    now: datetime | None = None,
    duration_ms: int | None = None,
    learner: LearnerSettings | None = None,
) -> Rated:
    """Rate the learner's card `card_id`, as it was at `version`. Raises LearnerCard.DoesNotExist
    when the card is not theirs, ValueError for a rating outside 1–4. `learner`: the learner's
    settings when the caller read them already (LearnerSettings.for_user).

    The card is read and its next state worked out before the transaction, which holds only
    the two writes: on SQLite the transaction holds the database's one write lock, which every
    other learner's rating and answer waits for. That read stays the card's state at the write:
    every change to a learner card raises its version, and the UPDATE applies only at the
    version read."""
    if rating not in Rating.values:
        raise ValueError(f"not a rating: {rating!r}")
    now = now or timezone.now()
    card = access.card_of(user, card_id)
    if card.version != version:
        return Rated(False)
    learner = learner or LearnerSettings.for_user(user)
    days = study_days(learner)
    outcome = scheduling.answer(
        memory_of(card), rating, now, scheduler_for(learner), days=days, seed=fuzz_seed(card)
    )
    after = outcome.memory
    lapse = card.state == State.REVIEW and rating == Rating.AGAIN
    day = days.day(now)
    log = ReviewLog(
        user=user,
        learner_card=card,
        rating=rating,
        reviewed_at=now,
        review_day=day,
        first_of_day=card.last_review is None or days.day(card.last_review) != day,
        duration_ms=duration_ms,
        elapsed_days=days.elapsed(card.last_review, now) if card.last_review else None,
        scheduled_days=outcome.days or 0,
        state=after.state,
        step=after.step,
        stability=after.stability,
        difficulty=after.difficulty,
        due=after.due,
        version=version + 1,
        state_before=card.state,
        step_before=card.step,
        stability_before=card.stability,
        difficulty_before=card.difficulty,
        due_before=card.due,
        last_review_before=card.last_review,
        forwarded_before=card.forwarded,
        last_interval=card.interval,
    )
    # How today's ratings found the card, this one counted (the card read is the card at the
    # version the UPDATE applies to, so its counts are the day's so far).
    same_day = card.shown_day == day
    with transaction.atomic():
        updated = _RATED.run(
            card=card.pk,
            version=version,
            state=after.state,
            step=after.step,
            stability=after.stability,
            difficulty=after.difficulty,
            due=after.due,
            last_review=after.last_review,
            interval=outcome.days or 0,
            shown_day=day,
            shown_new=(card.shown_new if same_day else 0) + (card.state == State.NEW),
            shown_reviews=(card.shown_reviews if same_day else 0) + (card.state == State.REVIEW),
            shown_seen=(card.shown_seen if same_day else 0) + (card.state != State.NEW),
            lapse=int(lapse),
            next_version=version + 1,
        )
        if not updated:
            return Rated(False)
        _LOGGED.insert(log)
    return Rated(True, log)


_LAST = Prepared(
    lambda p: ReviewLog.objects.filter(user_id=p.user).order_by("-reviewed_at", "-pk")[:1]
)


def last_rating(user) -> ReviewLog | None:
    """The learner's last rating (access.review_logs_of), the one they may undo."""
    return _LAST.first(user=user.pk) if user.is_authenticated else None


def undo(user, log_id: int) -> LearnerCard | None:
    """Take back the learner's last rating, if `log_id` is still it: the card gets its state
    from before the rating and the log row is deleted. None when there is nothing to undo (the
    rating was already undone, or another one came after it)."""
    with transaction.atomic():
        log = last_rating(user)
        if log is None or log.pk != log_id:
            return None
        lapse = log.state_before == State.REVIEW and log.rating == Rating.AGAIN
        # The card's shown_* as its other ratings give them: the day of the last of them, and
        # how that day's ratings found it (what the rating had left before it, whichever day).
        others = ReviewLog.objects.filter(learner_card_id=log.learner_card_id).exclude(pk=log.pk)
        last_day = Subquery(others.order_by("-review_day").values("review_day")[:1])

        def count(condition: Q):
            on_day = others.filter(condition, review_day=last_day)
            counted = on_day.values("learner_card").annotate(n=Count("pk")).values("n")
            return Coalesce(Subquery(counted), 0)

        updated = LearnerCard.objects.filter(pk=log.learner_card_id, version=log.version).update(
            state=log.state_before,
            step=log.step_before,
            stability=log.stability_before,
            difficulty=log.difficulty_before,
            due=log.due_before,
            last_review=log.last_review_before,
            forwarded=log.forwarded_before,
            interval=log.last_interval,
            shown_day=last_day,
            shown_new=count(Q(state_before=State.NEW)),
            shown_reviews=count(Q(state_before=State.REVIEW)),
            shown_seen=count(~Q(state_before=State.NEW)),
            reps=F("reps") - 1,
            lapses=F("lapses") - int(lapse),
            version=F("version") + 1,
        )
        if not updated:
            return None
        log.delete()
    return LearnerCard.objects.select_related("card__note").get(pk=log.learner_card_id)


# --- missed facts ------------------------------------------------------------------------------


# A fact's active cards (its cloze cards and its terms' cards), each with whether the learner
# has it, and the learner's earliest due time (the front of their queue, the same on every
# row); in the order new cards follow (see add_cards; a fact's notes are all of its document).
# Its notes are the union of two index lookups (its cloze notes, its terms' notes), and its
# cards are found by note: an OR across the two joins read every card of every document.
_FACT_CARDS = Prepared(
    lambda p: (
        Card.objects.filter(
            is_active=True,
            note__is_active=True,
            note__in=Note.facts.through.objects.filter(fact_id=p.fact)
            .values("note_id")
            .union(
                Note.objects.filter(
                    term__in=Fact.terms.through.objects.filter(fact_id=p.fact).values("term_id")
                ).values("pk")
            ),
        )
        .annotate(
            has=Exists(LearnerCard.objects.filter(user_id=p.user, card=OuterRef("pk"))),
            earliest=Subquery(
                LearnerCard.objects.filter(user_id=p.user).order_by("due").values("due")[:1]
            ),
        )
        .order_by("note__document_id", "note__position", "ordinal", "pk")
        .values_list(
            "pk", "note_id", "note__document_id", "has", "note__position", "ordinal", "earliest"
        )
    )
)


def bring_forward(user, fact_ids, *, now: datetime | None = None) -> int:
    """Put the cards of these facts (their cloze cards and their terms' cards) at the front of the
    learner's queue, creating them when the learner did not have them. Returns how many cards
    were moved. They come up even when today's limits are reached. Only the user's pk is read.

    A wrong answer runs this for its one fact, after the response: the fact's cards with the
    learner's earliest due time, then one UPDATE (and an INSERT when cards are missing), each
    but the INSERT compiled once (config.prepared); for a fact with no card, whether its
    document's notes were ever built instead of the UPDATE. Only the writes are in a
    transaction, and only when there are two (on SQLite it holds the database's one write lock,
    which every other learner's writes wait for): a card another tab added meanwhile is skipped
    by the INSERT, and the UPDATE moves every card read."""
    now = now or timezone.now()
    fact_ids = list(dict.fromkeys(fact_ids))
    if not fact_ids:
        return 0
    rows, bare = _cards_of_facts(user.pk, fact_ids)
    # Facts with no card: their documents' notes may never have been built (if they were, such
    # a fact has no card to bring forward, and nothing is read again).
    unbuilt = _UNBUILT.all(facts=bare) if bare else []
    if unbuilt and ensure_notes(unbuilt):
        rows, _bare = _cards_of_facts(user.pk, fact_ids)
    if not rows:
        return 0
    missing = [
        LearnerCard(user_id=user.pk, card_id=card, note_id=note, document_id=doc, due=now)
        for card, note, doc, has, *_order in rows
        if not has
    ]
    # The cards just added are due now: the front is before them too.
    earliest = next((row[6] for row in rows if row[6] is not None), now)
    front = min(now, earliest) - timedelta(seconds=1)
    cards = [row[0] for row in rows]
    if not missing:
        # One statement, atomic by itself: no BEGIN and COMMIT around it (two more round trips
        # on PostgreSQL, on every wrong answer).
        return _FORWARD.run(user=user.pk, front=front, cards=cards)
    with transaction.atomic():
        # Equal due times: the queue then follows the ids, which follow the document's order.
        LearnerCard.objects.bulk_create(missing, ignore_conflicts=True)  # another tab's
        return _FORWARD.run(user=user.pk, front=front, cards=cards)


# The documents of these facts whose notes were never built (none, as a rule), compiled once:
# a fact with no card is common (a sentence without a term or a blank), and building this query
# with the ORM on every such wrong answer cost more than the rest of its work.
_UNBUILT = Prepared(
    lambda p: (
        Fact.objects.filter(pk__any_of=p.facts)
        .exclude(Exists(Note.objects.filter(document=OuterRef("document"))))
        .order_by()
        .values_list("document_id", flat=True)
        .distinct()
    ),
    lists=("facts",),
)


# bring_forward's UPDATE, compiled once: the fact's cards are one parameter.
_FORWARD = PreparedUpdate(
    lambda p: (
        LearnerCard.objects.filter(user_id=p.user, card_id__any_of=p.cards),
        {"due": p.front, "forwarded": True, "version": F("version") + 1},
    ),
    datetimes=("front",),
    lists=("cards",),
)


def _cards_of_facts(user_id: int, fact_ids: list[int]) -> tuple[list[tuple], list[int]]:
    """The facts' active cards (no card twice), and the facts that have none."""
    rows: dict[int, tuple] = {}
    bare = []
    for fact in fact_ids:
        found = _FACT_CARDS.all(fact=fact, user=user_id)
        if not found:
            bare.append(fact)
        for row in found:
            rows.setdefault(row[0], row)
    return sorted(rows.values(), key=lambda row: (row[2], row[4], row[5], row[0])), bare
