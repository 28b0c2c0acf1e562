"""Forms of the quiz builder: a quiz's settings, a rule picking questions, an assignment to a
class. Each refuses bad input with a message saying what to change."""

import re

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.access import classes_taught_by
from config.forms import CleanTextMixin
from content.models import Document
from quizzes.access import quizzes_owned_by
from quizzes.models import Assignment, Question, Quiz
from teaching.building import Rule


class QuizForm(CleanTextMixin, forms.ModelForm):
    """A quiz's settings. The document is chosen once, when the quiz is created: its questions
    all come from it."""

    class Meta:
        model = Quiz
        fields = [
            "title",
            "document",
            "language",
            "order",
            "draw",
            "shuffle_options",
            "feedback",
            "attempts_allowed",
            "time_limit",
            "pass_mark",
        ]
        widgets = {
            "language": forms.RadioSelect,
            "order": forms.RadioSelect,
            "feedback": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        if self.instance.pk:
            del fields["document"]
        else:
            fields["document"].queryset = Document.objects.filter(archived_at__isnull=True).only(
                "slug", "title_vi", "title_zh"
            )
            fields["document"].empty_label = None
        limits = {
            "draw": (1, None, _("Draw at least one question, or leave this empty.")),
            "time_limit": (1, None, _("The time limit is at least one minute, or leave it empty.")),
            "attempts_allowed": (None, 100, _("Allow at most 100 attempts (0 means unlimited).")),
            "pass_mark": (None, 100, _("The pass mark is a percentage, from 0 to 100.")),
        }
        for name, (low, high, message) in limits.items():
            if low is not None:
                fields[name].validators.append(MinValueValidator(low, message))
                fields[name].widget.attrs["min"] = low
            if high is not None:
                fields[name].validators.append(MaxValueValidator(high, message))
                fields[name].widget.attrs["max"] = high
        self._question_count = self.instance.entries.count() if self.instance.pk else 0

    def clean_draw(self):
        draw = self.cleaned_data.get("draw")
        if draw is not None and draw > self._question_count:
            if not self._question_count:
                raise forms.ValidationError(
                    _("Add questions first: the quiz has none yet. Leave this empty for now.")
                )
            raise forms.ValidationError(
                ngettext(
                    "The quiz holds only %(count)d question: draw at most that many.",
                    "The quiz holds only %(count)d questions: draw at most that many.",
                    self._question_count,
                )
                % {"count": self._question_count}
            )
        return draw


PARAGRAPHS = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


def parse_paragraphs(text: str) -> frozenset[int]:
    """ "1-3, 5" → {1, 2, 3, 5}; raises ValueError on anything else."""
    numbers: set[int] = set()
    for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
        match = PARAGRAPHS.match(part)
        if not match:
            raise ValueError(part)
        first = int(match[1])
        last = int(match[2] or first)
        if first < 1 or last < first or last - first > 1000:
            raise ValueError(part)
        numbers.update(range(first, last + 1))
    return frozenset(numbers)


class RuleForm(CleanTextMixin, forms.Form):
    """ "N random published questions from these paragraphs, of these types, in language L"."""

    count = forms.IntegerField(label=_("How many questions"), min_value=1, max_value=200)
    paragraphs = forms.CharField(
        label=_("From the paragraphs"),
        required=False,
        max_length=200,
        help_text=_("For example 1-3, 5. Leave empty for the whole document."),
    )
    types = forms.MultipleChoiceField(
        label=_("Of the types"),
        choices=Question.Type.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every type."),
    )
    language = forms.ChoiceField(
        label=_("In the language"),
        choices=[("", _("Either language")), *Question.Language.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        # Its ids must not clash with the bank filters' on the same page (type, language).
        kwargs.setdefault("auto_id", "rule_%s")
        super().__init__(*args, **kwargs)

    def clean_paragraphs(self) -> frozenset[int]:
        try:
            return parse_paragraphs(self.cleaned_data.get("paragraphs") or "")
        except ValueError as error:
            raise forms.ValidationError(
                _("“%(part)s” is not a paragraph number or a range such as 2-4.")
                % {"part": error.args[0]}
            ) from None

    def rule(self) -> Rule:
        data = self.cleaned_data
        return Rule(
            count=data["count"],
            paragraphs=data["paragraphs"],
            types=frozenset(data["types"]),
            language=data["language"],
        )


LOCAL_TIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class AssignmentForm(forms.ModelForm):
    """Assign one of the teacher's published quizzes to one of their classes."""

    class Meta:
        model = Assignment
        fields = ["classroom", "quiz", "opens_at", "closes_at"]
        widgets = {"opens_at": LOCAL_TIME, "closes_at": LOCAL_TIME}

    def __init__(self, *args, teacher, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["classroom"].queryset = classes_taught_by(teacher)
        self.fields["quiz"].queryset = (
            quizzes_owned_by(teacher)
            .filter(status=Quiz.Status.PUBLISHED)
            .select_related("document")
        )
        self.fields["classroom"].empty_label = None
        self.fields["quiz"].empty_label = None
        self.fields["classroom"].error_messages["invalid_choice"] = _("Choose one of your classes.")
        self.fields["quiz"].error_messages["invalid_choice"] = _(
            "Choose one of your published quizzes."
        )
