"""Questions (generated from facts or authored by teachers), quizzes built from them, the
attempts learners make at those quizzes, and Anki export jobs. Flashcards live in
flashcards."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Question(models.Model):
    class Type(models.TextChoices):
        CLOZE = "cloze", _("Fill in the blank")
        SINGLE_CHOICE = "single_choice", _("Single choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True or false")
        MATCHING = "matching", _("Matching")
        ORDERING = "ordering", _("Ordering")
        TRANSLATION = "translation", _("Translation")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    class Origin(models.TextChoices):
        GENERATED = "generated", _("Generated")
        AUTHORED = "authored", _("Authored")

    class Language(models.TextChoices):
        ZH = "zh", _("Chinese")
        VI = "vi", _("Vietnamese")

    document = models.ForeignKey(
        "content.Document", on_delete=models.CASCADE, related_name="questions"
    )
    fact = models.ForeignKey(
        "content.Fact", null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    # The generator's stable key (fact + type + language + target); blank for authored questions.
    key = models.CharField(max_length=200, blank=True)
    # The same question (fact + type + targets) in every language shares one variant: a bilingual
    # quiz asks the prompt of one and takes the answer of the other. Blank for authored questions.
    variant = models.CharField(max_length=24, blank=True, db_index=True)
    type = models.CharField(_("type"), max_length=20, choices=Type)
    language = models.CharField(_("language"), max_length=2, choices=Language)
    prompt = models.TextField(_("prompt"))
    answer = models.JSONField(_("answer"))
    choices = models.JSONField(_("choices"), default=list, blank=True)
    source = models.TextField(_("source sentence"), blank=True)
    # From an imported file (Moodle's ::title::, $CATEGORY, #feedback, ####general feedback and
    # %n% weights): the title and tags shown in the bank, the feedback shown to the learner after
    # answering ({"general": text, "answers": {option or "true"/"false": text}}) and the grade of
    # each multiple-choice option (option → fraction −1..1; empty: each right 1/k, each wrong −1/k).
    title = models.CharField(_("title"), max_length=255, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    feedback = models.JSONField(_("feedback"), default=dict, blank=True)
    weights = models.JSONField(_("answer weights"), default=dict, blank=True)
    # An ordering question that shows only this many of its items, drawn at random for each
    # attempt (Moodle's RANDOM select type, GIFT's {>2 …}); empty: every item.
    subset = models.PositiveSmallIntegerField(_("items shown"), null=True, blank=True)
    # A foreign question's texts that came with markup, as sanitised HTML (never shown unless
    # sanitised: quizzes.interchange.markup): {"prompt": html, "texts": {plain text: html}}.
    html = models.JSONField(_("formatted text"), default=dict, blank=True)
    source_translation = models.TextField(_("source sentence, other language"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin, default=Origin.AUTHORED)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["document", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "key"],
                condition=~models.Q(key=""),
                name="question_unique_generated_key",
            )
        ]
        indexes = [models.Index(fields=["document", "status", "language"])]

    def __str__(self) -> str:
        return self.prompt[:80]


class Quiz(models.Model):
    """A set of questions and the rules a teacher sets for attempting them."""

    class Order(models.TextChoices):
        FIXED = "fixed", _("In the order set")
        RANDOM = "random", _("Drawn at random for each attempt")

    class Language(models.TextChoices):
        ZH = "zh", _("Chinese")
        VI = "vi", _("Vietnamese")
        MIXED = "mixed", _("Mixed")
        BILINGUAL = "bilingual", _("Bilingual: prompt in one language, answer in the other")

    class Feedback(models.TextChoices):
        IMMEDIATE = "immediate", _("After each answer")
        END = "end", _("At the end")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    document = models.ForeignKey(
        "content.Document", on_delete=models.CASCADE, related_name="quizzes"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quizzes",
    )
    questions = models.ManyToManyField(Question, through="QuizQuestion", related_name="quizzes")
    order = models.CharField(_("question order"), max_length=10, choices=Order, default=Order.FIXED)
    draw = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        help_text=_("Leave empty to ask every question."),
    )
    shuffle_options = models.BooleanField(_("shuffle the options"), default=True)
    language = models.CharField(
        _("language"), max_length=10, choices=Language, default=Language.MIXED
    )
    feedback = models.CharField(
        _("feedback"), max_length=10, choices=Feedback, default=Feedback.IMMEDIATE
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 means unlimited.")
    )
    time_limit = models.PositiveIntegerField(
        _("time limit (minutes)"), null=True, blank=True, help_text=_("Leave empty for none.")
    )
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=60)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    # A learner's own short quiz of the questions they missed in this attempt (quizzes.missed);
    # its owner is that learner.
    practice_of = models.ForeignKey(
        "Attempt",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="practice_quizzes",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["document", "title", "id"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__lte=100), name="quiz_pass_mark_percent"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quizzes:quiz", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class QuizQuestion(models.Model):
    # No index of its own: quizquestion_unique (quiz, question) leads with it.
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="entries", db_index=False)
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["quiz", "position"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="quizquestion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.quiz} · {self.position}"


class Assignment(models.Model):
    """A quiz set to a class: its students may start it from `opens_at` until `closes_at`
    (never closes when empty). quizzes.assignments holds the rules built on it."""

    classroom = models.ForeignKey(
        "accounts.Classroom",
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("class"),
    )
    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("quiz")
    )
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("closes"), null=True, blank=True, help_text=_("Leave empty to keep it open.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["opens_at", "id"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["classroom", "quiz"],
                name="assignment_unique",
                violation_error_message=_("This quiz is already assigned to this class."),
            ),
            models.CheckConstraint(
                condition=models.Q(closes_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="assignment_closes_after_opening",
                violation_error_message=_("The closing time must come after the opening time."),
            ),
        ]
        indexes = [models.Index(fields=["classroom", "opens_at"])]

    def __str__(self) -> str:
        return f"{self.quiz} → {self.classroom}"

    def clean(self) -> None:
        errors = {}
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The closing time must come after the opening time.")
        if self.quiz_id and self.classroom_id:
            if self.quiz.owner_id != self.classroom.teacher_id:
                errors["quiz"] = _("You may only assign your own quizzes to your own classes.")
            elif not self.quiz.is_published:
                errors["quiz"] = _("Publish the quiz before assigning it.")
        if errors:
            raise ValidationError(errors)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now and (self.closes_at is None or now < self.closes_at)

    def is_upcoming(self, now=None) -> bool:
        return (now or timezone.now()) < self.opens_at

    def is_closed(self, now=None) -> bool:
        return self.closes_at is not None and (now or timezone.now()) >= self.closes_at


class Attempt(models.Model):
    """One learner's go at a quiz. Its questions and option orders are fixed when it starts, so a
    reload or a second tab shows exactly the same thing."""

    # No index of their own: attempt_unique_number (quiz, user, number) and the index on
    # (user, quiz, finished_at) lead with them.
    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, related_name="attempts", db_index=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts", db_index=False
    )
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)  # sum of item scores, set when finished
    max_score = models.PositiveSmallIntegerField(default=0)  # number of items

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "number"], name="attempt_unique_number"
            ),
            # At most one unfinished attempt per learner and quiz: a second tab resumes it.
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=models.Q(finished_at__isnull=True),
                name="attempt_one_open",
            ),
        ]
        indexes = [models.Index(fields=["user", "quiz", "finished_at"])]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number} ({self.user})"

    def get_absolute_url(self) -> str:
        return reverse("quizzes:attempt", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def percent(self) -> int | None:
        if self.score is None or not self.max_score:
            return None
        return round(100 * self.score / self.max_score)

    @property
    def passed(self) -> bool:
        percent = self.percent
        return percent is not None and percent >= self.quiz.pass_mark

    def time_is_up(self, now=None) -> bool:
        return self.deadline is not None and (now or timezone.now()) >= self.deadline

    @property
    def ran_out_of_time(self) -> bool:
        """Finished by its deadline (time limit or closing time), not by the learner."""
        return (
            self.deadline is not None
            and self.finished_at is not None
            and self.finished_at >= self.deadline
        )


class AttemptItem(models.Model):
    """One question of an attempt, with the order its options were shown in and the answer."""

    # No index of its own: attemptitem_unique (attempt, position) leads with it.
    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="items", db_index=False
    )
    position = models.PositiveSmallIntegerField()  # 1-based
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    # Bilingual quizzes: the prompt is this question's (the other language); graded on `question`.
    prompt_question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    choices = models.JSONField(default=list, blank=True)  # options in the order shown
    response = models.JSONField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)
    correct = models.BooleanField(default=False)
    note = models.CharField(max_length=30, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="attemptitem_unique")
        ]

    def __str__(self) -> str:
        return f"{self.attempt} · {self.position}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class ExportJob(models.Model):
    """An Anki deck built in the background for one user (quizzes.anki.jobs), and its file.

    Only its owner sees it or downloads the file, kept in the "exports" storage under a name the
    worker chose. A worker building it says so every settings.EXPORT_HEARTBEAT_SECONDS
    (heartbeat_at): one silent for three beats died, and jobs.reap queues the job again or, after
    MAX_ATTEMPTS, fails it. A job still waiting after STUCK_AFTER (no worker running) is shown as
    interrupted, and starting the export again makes a new job.
    """

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        QUIZ = "quiz", _("Quiz")
        CLASS = "class", _("Class")
        LEARNER = "learner", _("My cards")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Building")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Failure(models.TextChoices):
        GONE = "gone", _("What you were exporting no longer exists.")
        ERROR = "error", _("The deck could not be built. Please try again later.")

    STUCK_AFTER = timedelta(minutes=30)
    MAX_ATTEMPTS = 2

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="anki_exports"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    # What is exported: the document's slug, or a quiz's, a class's or the learner's own pk.
    target = models.CharField(_("target"), max_length=200)
    filename = models.CharField(_("file name"), max_length=200)  # offered to the browser
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    file = models.CharField(max_length=200, blank=True)  # its name in the "exports" storage
    notes = models.PositiveIntegerField(_("notes"), null=True, blank=True)
    failure = models.CharField(max_length=10, choices=Failure, blank=True)
    error = models.TextField(blank=True)  # what went wrong, for the admins
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)  # builds started
    heartbeat_at = models.DateTimeField(null=True, blank=True)  # last "still building"

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Anki export")
        verbose_name_plural = _("Anki exports")
        indexes = [
            models.Index(fields=["user", "kind", "target"]),
            models.Index(fields=["created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.target} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("quizzes:export_status", args=[self.pk])

    @property
    def is_stuck(self) -> bool:
        """Lost for good: shown as interrupted, the status page stops polling."""
        now = timezone.now()
        if self.status == self.Status.RUNNING and self.heartbeat_at is not None:
            if self.heartbeat_at >= now - self.lost_after():
                return False  # building, however long it takes
            if self.attempts >= self.MAX_ATTEMPTS:
                return True  # its last worker died: jobs.reap fails it
            # Else a worker's upkeep queues it again, unless no worker came for STUCK_AFTER.
        return (
            self.status in (self.Status.PENDING, self.Status.RUNNING)
            and self.created_at < now - self.STUCK_AFTER
        )

    @staticmethod
    def lost_after() -> timedelta:
        """A building job silent this long lost its worker."""
        return timedelta(seconds=3 * settings.EXPORT_HEARTBEAT_SECONDS)

    @property
    def is_active(self) -> bool:
        """Waiting or building, and not lost: the status page keeps polling."""
        return self.status in (self.Status.PENDING, self.Status.RUNNING) and not self.is_stuck

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def failure_message(self) -> str:
        if self.is_stuck:
            return str(_("The export was interrupted. Please start it again."))
        if self.status == self.Status.FAILED:
            return str(self.Failure(self.failure or self.Failure.ERROR).label)
        return ""

    @property
    def start_url(self) -> str:
        """Where to start this export again."""
        if self.kind == self.Kind.DOCUMENT:
            return reverse("quizzes:document_deck", args=[self.target])
        if self.kind == self.Kind.QUIZ:
            return reverse("quizzes:quiz_deck", args=[self.target])
        if self.kind == self.Kind.CLASS:
            return reverse("quizzes:class_deck", args=[self.target])
        if self.kind == self.Kind.LEARNER:
            return reverse("quizzes:my_cards_deck")
        return ""

    def claim(self) -> bool:
        """Waiting → building (one more attempt); False when another worker got it first (or it
        already ran)."""
        now = timezone.now()
        claimed = ExportJob.objects.filter(pk=self.pk, status=self.Status.PENDING).update(
            status=self.Status.RUNNING, heartbeat_at=now, attempts=models.F("attempts") + 1
        )
        if claimed:
            self.status, self.heartbeat_at = self.Status.RUNNING, now
            self.attempts += 1
        return bool(claimed)

    def finish(self, file: str, notes: int) -> None:
        self.status, self.file, self.notes = self.Status.DONE, file, notes
        self.finished_at = timezone.now()
        self.save(update_fields=["status", "file", "notes", "finished_at"])

    def fail(self, failure: str, error: str) -> None:
        self.status, self.failure, self.error = self.Status.FAILED, failure, error
        self.finished_at = timezone.now()
        self.save(update_fields=["status", "failure", "error", "finished_at"])
