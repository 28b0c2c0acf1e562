"""Forms of the review pages: a rating, an undo, and the learner's settings."""

from django import forms

from content.hygiene import CleanTextMixin
from quizzes.flashcards.models import LearnerSettings, Rating


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
    class Meta:
        model = LearnerSettings
        fields = ["desired_retention", "new_per_day", "reviews_per_day", "type_answers"]
        widgets = {"desired_retention": forms.NumberInput(attrs={"step": "0.01"})}
