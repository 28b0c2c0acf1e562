"""Forms of the review pages: a rating, an undo, and the learner's settings."""

from django import forms
from django.utils.text import capfirst

from config.forms import CleanTextMixin
from flashcards.models import LearnerSettings, Rating


class RatingForm(CleanTextMixin, forms.Form):
    card = forms.IntegerField(min_value=1)
    version = forms.IntegerField(min_value=1)
    rating = forms.TypedChoiceField(choices=Rating.choices, coerce=int)
    deck = forms.SlugField(required=False, max_length=120)
    duration_ms = forms.IntegerField(required=False, min_value=0, max_value=3_600_000)


class UndoForm(CleanTextMixin, forms.Form):
    log = forms.IntegerField(min_value=1)
    deck = forms.SlugField(required=False, max_length=120)


class SettingsForm(forms.ModelForm):
    # Optional: a form posted without it (an older page) keeps Anki's default, 04:00.
    day_starts_at = forms.IntegerField(
        label=capfirst(LearnerSettings._meta.get_field("day_starts_at").verbose_name),
        help_text=LearnerSettings._meta.get_field("day_starts_at").help_text,
        min_value=0,
        max_value=23,
        required=False,
    )

    class Meta:
        model = LearnerSettings
        fields = [
            "desired_retention",
            "new_per_day",
            "reviews_per_day",
            "day_starts_at",
            "type_answers",
        ]
        widgets = {"desired_retention": forms.NumberInput(attrs={"step": "0.01"})}

    def clean_day_starts_at(self) -> int:
        hour = self.cleaned_data["day_starts_at"]
        return 4 if hour is None else hour
