"""Flashcards: notes made from a document, their cards, each learner's FSRS state and review log.

A Note and its Cards are shared content, kept in step with the document by
flashcards.notes; a LearnerCard is one learner's schedule for one card (the FSRS memory
state plus `due`); a ReviewLog row records one rating, with the card's state before and after it,
so a rating can be undone and the progress pages can compute forecasts, streaks and true
retention from the log.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from config.prepared import Prepared


class Rating(models.IntegerChoices):
    """The four answers to a card, numbered as fsrs.Rating and the keys 1–4."""

    AGAIN = 1, _("Again")
    HARD = 2, _("Hard")
    GOOD = 3, _("Good")
    EASY = 4, _("Easy")


class State(models.IntegerChoices):
    """fsrs.State, plus New for a card never rated (fsrs calls it Learning, step 0)."""

    NEW = 0, _("New")
    LEARNING = 1, _("Learning")
    REVIEW = 2, _("Review")
    RELEARNING = 3, _("Relearning")


class LearnerSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="flashcard_settings",
    )
    desired_retention = models.FloatField(
        _("desired retention"),
        default=0.9,
        validators=[MinValueValidator(0.7), MaxValueValidator(0.99)],
        help_text=_(
            "The share of cards you want to remember when they come up (0.70–0.99). "
            "Higher means more reviews."
        ),
    )
    new_per_day = models.PositiveSmallIntegerField(
        _("new cards per day"), default=20, validators=[MaxValueValidator(9999)]
    )
    reviews_per_day = models.PositiveSmallIntegerField(
        _("reviews per day"), default=200, validators=[MaxValueValidator(9999)]
    )
    day_starts_at = models.PositiveSmallIntegerField(
        _("next day starts at"),
        default=4,
        validators=[MaxValueValidator(23)],
        help_text=_(
            "The hour (0–23, your local time) at which a new study day begins, as in Anki. "
            "Reviews done before it count for the day before."
        ),
    )
    type_answers = models.BooleanField(
        _("type the answer"),
        default=False,
        help_text=_("Type the answer before it is shown; it is checked as in a quiz."),
    )

    class Meta:
        verbose_name = _("flashcard settings")
        verbose_name_plural = _("flashcard settings")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def for_user(cls, user) -> "LearnerSettings":
        """The learner's saved settings, or the defaults (unsaved) when they never changed any."""
        saved = _SETTINGS.first(user=user.pk) if user.pk is not None else None
        return saved or cls(user=user)


# LearnerSettings.for_user's query, compiled once: every review page and rating reads it.
_SETTINGS = Prepared(lambda p: LearnerSettings.objects.filter(user_id=p.user).order_by("pk")[:1])


class Note(models.Model):
    """What a document teaches on one card family: a term in both languages, or a cloze sentence.

    `fields` is the content snapshot the cards are drawn from (see flashcards.notes);
    cards of one note are siblings and never come up on the same day.
    """

    class Kind(models.TextChoices):
        TERM = "term", _("Term")
        CLOZE = "cloze", _("Cloze")

    document = models.ForeignKey(
        "content.Document", on_delete=models.CASCADE, related_name="flashcard_notes"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    key = models.CharField(max_length=220)
    position = models.PositiveIntegerField(default=0)  # order in the document: new cards follow it
    term = models.ForeignKey(
        "content.Term",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="flashcard_notes",
    )
    # The facts a cloze note stands for (two facts of one sentence may hide the same words).
    facts = models.ManyToManyField("content.Fact", blank=True, related_name="flashcard_notes")
    fields = models.JSONField(default=dict)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "key"], name="flashcard_note_unique_key")
        ]

    def __str__(self) -> str:
        return self.key


class Card(models.Model):
    class Template(models.TextChoices):
        ZH_VI = "zh_vi", _("Chinese → Vietnamese")
        VI_ZH = "vi_zh", _("Vietnamese → Chinese")
        CLOZE = "cloze", _("Cloze")

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="cards")
    template = models.CharField(max_length=10, choices=Template)
    # The card's number in its note: 1 Chinese → Vietnamese, 2 the reverse; a cloze's number.
    ordinal = models.PositiveSmallIntegerField(default=1)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["note", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["note", "ordinal"], name="flashcard_card_unique")
        ]

    def __str__(self) -> str:
        return f"{self.note.key} {self.template} {self.ordinal}"


class LearnerCard(models.Model):
    """One learner's schedule for one card. `version` grows with every change, so a rating
    posted against an older version (a second tab, a double submit) is recognised and ignored."""

    # No index of its own: learner_card_unique (user, card) and the indexes below lead with it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="flashcards",
        db_index=False,
    )
    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="learner_cards")
    # Copies of card.note and card.note.document, which never change: the queue filters on them.
    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="learner_cards")
    document = models.ForeignKey(
        "content.Document", on_delete=models.CASCADE, related_name="learner_cards"
    )
    state = models.PositiveSmallIntegerField(choices=State, default=State.NEW)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(default=0)
    lapses = models.PositiveIntegerField(default=0)
    # Whole days its last rating scheduled (that ReviewLog's scheduled_days): 0 after a
    # (re)learning step, and before its first rating. Each rating keeps it as last_interval.
    interval = models.PositiveIntegerField(default=0)
    # Brought forward after a missed quiz question: shown even past today's limits.
    forwarded = models.BooleanField(default=False)
    # The study day of its last rating, and how that day's ratings found it: how many found it
    # new, in review, and not new. What counts against the day's limits and buries its
    # siblings (services.day_limits sums a row per card shown today, not every rating of the
    # day); each rating keeps them, and undo counts them again from the day's ratings left.
    shown_day = models.DateField(null=True, blank=True)
    shown_new = models.PositiveSmallIntegerField(default=0)
    shown_reviews = models.PositiveSmallIntegerField(default=0)
    shown_seen = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "card"], name="learner_card_unique")]
        indexes = [
            models.Index(fields=["user", "due"], name="learner_card_user_due"),
            models.Index(fields=["user", "document", "due"], name="learner_card_deck_due"),
            models.Index(fields=["user", "note", "last_review"], name="learner_card_siblings"),
            # The cards shown on a study day, with all day_limits reads of them: the index
            # alone, no table row.
            models.Index(
                fields=["user", "shown_day", "note", "shown_new", "shown_reviews", "shown_seen"],
                name="learner_card_user_shown",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.card}"


class ReviewLog(models.Model):
    """One rating, recorded once. The `*_before` fields are what undo restores."""

    # No index of its own: the (user, review_day, …) and (user, reviewed_at) indexes lead with it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="flashcard_reviews",
        db_index=False,
    )
    # No index of its own: the (learner_card, reviewed_at, id) index leads with it.
    learner_card = models.ForeignKey(
        LearnerCard, on_delete=models.CASCADE, related_name="reviews", db_index=False
    )
    rating = models.PositiveSmallIntegerField(choices=Rating)
    reviewed_at = models.DateTimeField()
    # The learner's study day (a day starts at 04:00 local time, as in Anki).
    review_day = models.DateField()
    first_of_day = models.BooleanField()  # this card's first rating on review_day
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    elapsed_days = models.PositiveIntegerField(null=True, blank=True)  # since the last review
    scheduled_days = models.PositiveIntegerField(default=0)  # whole days until `due`
    # After the rating: what the card became.
    state = models.PositiveSmallIntegerField(choices=State)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField()
    difficulty = models.FloatField()
    due = models.DateTimeField()
    version = models.PositiveIntegerField()  # the LearnerCard.version this rating produced
    # Before the rating.
    state_before = models.PositiveSmallIntegerField(choices=State)
    step_before = models.PositiveSmallIntegerField(null=True, blank=True)
    stability_before = models.FloatField(null=True, blank=True)
    difficulty_before = models.FloatField(null=True, blank=True)
    due_before = models.DateTimeField()
    last_review_before = models.DateTimeField(null=True, blank=True)
    forwarded_before = models.BooleanField(default=False)
    # The card's interval before the rating (LearnerCard.interval: what its previous rating
    # scheduled, 0 for its first), as Anki's review log keeps lastIvl. Anki's true retention
    # counts a rating young or mature by it (progress.stats); undo gives it back to the card.
    last_interval = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["user", "reviewed_at"], name="review_log_user_time"),
            # Read from this index alone, no table row: every rating's day, rating and interval
            # (progress.stats: reviews per day and true retention, on the progress page); and a
            # day's ratings by card (the queue's burying when no day limits were read:
            # services._candidates; day_limits reads LearnerCard.shown_* instead).
            models.Index(
                fields=[
                    "user",
                    "review_day",
                    "learner_card",
                    "state_before",
                    "rating",
                    "last_interval",
                ],
                name="review_log_user_day_card",
            ),
            # The foreign key's index (a card's ratings, deleted with it), in time order: the
            # migration that filled last_interval found each rating's previous one along it.
            models.Index(fields=["learner_card", "reviewed_at", "id"], name="review_log_card_time"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_rating_display()} · {self.reviewed_at:%Y-%m-%d %H:%M}"
