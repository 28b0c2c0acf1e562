"""Questions (generated from facts or authored by teachers); quizzes, attempts and flashcards
follow in later issues."""

from django.conf import settings
from django.db import models
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
    type = models.CharField(_("type"), max_length=20, choices=Type)
    language = models.CharField(_("language"), max_length=2, choices=Language)
    prompt = models.TextField(_("prompt"))
    answer = models.JSONField(_("answer"))
    choices = models.JSONField(_("choices"), default=list, blank=True)
    source = models.TextField(_("source sentence"), blank=True)
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
