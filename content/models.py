"""Documents and what the pipeline (content.lang) finds in them: passages, sentences, terms, facts.

A document keeps its source text verbatim. Terms and facts are keyed by the pipeline's stable keys,
so loading an edited document updates rows in place, and rows that vanish from the text are
marked inactive instead of deleted: learners' progress on them survives.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title_zh = models.CharField(_("Chinese title"), max_length=300, blank=True)
    title_vi = models.CharField(_("Vietnamese title"), max_length=300, blank=True)
    series_zh = models.CharField(max_length=300, blank=True)
    series_vi = models.CharField(max_length=300, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    languages = models.CharField(max_length=10, help_text="zh, vi or zh,vi")
    source_text = models.TextField(_("source text"))
    content_hash = models.CharField(max_length=64)
    problems = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # Hidden: left out of every list but its owner's. Archived: its owner deleted it while
    # quizzes or cards used it, so it is kept for them and listed nowhere
    # (teaching.documents).
    hidden = models.BooleanField(_("hidden"), default=False)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published", "slug"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title_vi or self.title_zh or self.slug

    def get_absolute_url(self) -> str:
        return reverse("content:document", args=[self.slug])

    @property
    def is_bilingual(self) -> bool:
        return self.languages == "zh,vi"


class Passage(models.Model):
    """A body paragraph, in both languages where the document has both."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="passages")
    index = models.PositiveIntegerField()
    zh = models.TextField(blank=True)
    vi = models.TextField(blank=True)

    class Meta:
        ordering = ["document", "index"]
        constraints = [
            models.UniqueConstraint(fields=["document", "index"], name="passage_unique_index")
        ]

    def __str__(self) -> str:
        return f"{self.document.slug} ¶{self.index + 1}"


class Sentence(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="sentences")
    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="sentences")
    index = models.PositiveIntegerField()
    zh = models.TextField(blank=True)
    vi = models.TextField(blank=True)
    # [{"term": key, "lang": "zh"|"vi", "start": int, "end": int}], for highlighting names
    mentions = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["document", "index"]
        constraints = [
            models.UniqueConstraint(fields=["document", "index"], name="sentence_unique_index")
        ]

    def __str__(self) -> str:
        return (self.zh or self.vi)[:60]


class Term(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="terms")
    key = models.CharField(max_length=200)
    kind = models.CharField(max_length=30)
    zh = models.CharField(max_length=200, blank=True)
    vi = models.CharField(max_length=200, blank=True)
    pinyin = models.CharField(max_length=300, blank=True)
    hanviet = models.CharField(max_length=300, blank=True)
    level = models.CharField(max_length=20, blank=True)
    value = models.BigIntegerField(null=True, blank=True)
    aliases = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["document", "kind", "key"]
        constraints = [models.UniqueConstraint(fields=["document", "key"], name="term_unique_key")]

    def __str__(self) -> str:
        return " ↔ ".join(filter(None, [self.zh, self.vi]))


class Fact(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="facts")
    key = models.CharField(max_length=64)
    kind = models.CharField(max_length=30)
    passage = models.ForeignKey(Passage, null=True, on_delete=models.SET_NULL, related_name="facts")
    sentence = models.ForeignKey(
        Sentence, null=True, blank=True, on_delete=models.SET_NULL, related_name="facts"
    )
    zh = models.TextField(blank=True)
    vi = models.TextField(blank=True)
    only_in = models.CharField(max_length=2, blank=True)
    subject_zh = models.TextField(blank=True)
    subject_vi = models.TextField(blank=True)
    items = models.JSONField(default=list, blank=True)  # [{"zh": …, "vi": …}] in document order
    ordinal = models.PositiveSmallIntegerField(null=True, blank=True)
    terms = models.ManyToManyField(Term, blank=True, related_name="facts")
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["document", "passage__index", "key"]
        constraints = [models.UniqueConstraint(fields=["document", "key"], name="fact_unique_key")]

    def __str__(self) -> str:
        return (self.zh or self.vi)[:80]
