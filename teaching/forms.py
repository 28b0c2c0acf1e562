"""Forms of the teacher's bank: the filters, one authoring form per question type, the bulk
actions and the GIFT import.

Each authoring form turns its fields into the stored shapes (quizzes.validation) and checks them
with the same rules the GIFT import uses, so the two can never disagree.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.forms import CleanTextMixin
from content.models import Document, Sentence
from quizzes.models import Question
from quizzes.validation import MAX_PROMPT, display_order, problems
from teaching import search
from teaching.messages import problem_message

PAGE_SIZE = 25


def _all(label, choices) -> list:
    return [("", label), *choices]


class BankFilterForm(CleanTextMixin, forms.Form):
    document = forms.ModelChoiceField(
        Document.objects.filter(archived_at__isnull=True).only(
            "slug", "title_vi", "title_zh", "published"
        ),
        to_field_name="slug",
        required=False,
        empty_label=_("All documents"),
        label=_("Document"),
    )
    paragraph = forms.IntegerField(
        label=_("Paragraph"),
        min_value=1,
        required=False,
        help_text=_("With a document: its paragraph number."),
    )
    type = forms.ChoiceField(
        label=_("Type"), choices=_all(_("All types"), Question.Type.choices), required=False
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=_all(_("Both languages"), Question.Language.choices),
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=_all(_("Any status"), Question.Status.choices), required=False
    )
    origin = forms.ChoiceField(
        label=_("Origin"), choices=_all(_("Any origin"), Question.Origin.choices), required=False
    )
    q = forms.CharField(label=_("Text"), required=False, max_length=100)

    def clean(self):
        data = super().clean()
        if data.get("paragraph") and not data.get("document"):
            self.add_error("paragraph", _("Choose a document to filter by paragraph."))
        return data

    def apply(self, questions):
        """`questions` narrowed by the valid filters (an invalid filter narrows nothing)."""
        data = self.cleaned_data if self.is_valid() else {}
        for field in ("type", "language", "status", "origin"):
            if data.get(field):
                questions = questions.filter(**{field: data[field]})
        if data.get("document"):
            questions = questions.filter(document=data["document"])
            if data.get("paragraph"):
                questions = questions.filter(self._in_paragraph(data))
        if data.get("q", "").strip():
            # Accents and case aside: "Tay Tang" finds "Tây Tạng" (teaching.search).
            questions = questions.filter(prompt__regex=search.pattern(data["q"]))
        return questions

    @staticmethod
    def _in_paragraph(data) -> Q:
        """A question is in a paragraph when its fact is, or its source sentence is (authored
        questions have no fact)."""
        index = data["paragraph"] - 1
        sentences = Sentence.objects.filter(document=data["document"], passage__index=index)
        return (
            Q(fact__passage__index=index)
            | Q(language="zh", source__in=sentences.values("zh"))
            | Q(language="vi", source__in=sentences.values("vi"))
        )


class BulkForm(forms.Form):
    ACTIONS = [
        (Question.Status.PUBLISHED, _("Publish")),
        (Question.Status.RETIRED, _("Retire")),
        (Question.Status.DRAFT, _("Back to draft")),
    ]
    action = forms.ChoiceField(label=_("With the selected questions"), choices=ACTIONS)

    def clean(self):
        data = super().clean()
        try:
            ids = [int(v) for v in self.data.getlist("ids")]
        except ValueError:
            raise forms.ValidationError(_("Select questions from the list.")) from None
        if not ids:
            raise forms.ValidationError(_("Select at least one question."))
        data["ids"] = ids
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Question.Status.choices)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _arrange(options: list[str], previous: list, seed: str) -> list[str]:
    """Keep the order the options were shown in when only their wording stayed the same; a new
    set is shown in a fixed shuffled order (never the order typed, which starts with the right
    answer)."""
    if sorted(options) == sorted(previous):
        return list(previous)
    return display_order(options, seed)


class QuestionForm(CleanTextMixin, forms.Form):
    """What every question has; subclasses add the answer fields of their type.

    Counts and lengths of options, items and pairs are bounded by quizzes.validation, which
    refuses an oversized question before any other check (the request itself is bounded by
    DATA_UPLOAD_MAX_MEMORY_SIZE)."""

    type: str = ""
    # validation codes shown on a field rather than above the form
    FIELD_OF: dict[str, str] = {"empty_prompt": "prompt", "prompt_too_long": "prompt"}
    prompt_help = ""

    language = forms.ChoiceField(
        label=_("Language of the question"),
        choices=Question.Language.choices,
        widget=forms.RadioSelect,
    )
    prompt = forms.CharField(
        label=_("Question"), max_length=MAX_PROMPT, widget=forms.Textarea(attrs={"rows": 3})
    )
    sentence = forms.TypedChoiceField(
        label=_("Source sentence"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("The sentence of the document the question asks about."),
    )

    def __init__(self, *args, document: Document, question: Question | None = None, **kwargs):
        self.document = document
        self.question = question
        if question is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(question)
        super().__init__(*args, **kwargs)
        self.fields["prompt"].help_text = self.prompt_help
        self.sentences = list(
            Sentence.objects.filter(document=document)
            .select_related("passage")
            .only("index", "zh", "vi", "passage__index")
        )
        self.fields["sentence"].choices = [("", _("(none)"))] + [
            (s.index, f"¶{s.passage.index + 1} · {(s.zh or s.vi)[:40]} / {(s.vi or s.zh)[:40]}")
            for s in self.sentences
        ]
        if question is not None and "sentence" not in self.initial:
            self.initial["sentence"] = self._sentence_of(question)

    def _sentence_of(self, question: Question) -> int | None:
        for s in self.sentences:
            if question.source and getattr(s, question.language) == question.source:
                return s.index
        if question.fact_id and question.fact.sentence_id:
            return next(
                (s.index for s in self.sentences if s.pk == question.fact.sentence_id), None
            )
        return None

    # subclass hooks
    def initial_from(self, question: Question) -> dict:
        return {"language": question.language, "prompt": question.prompt}

    def answer_and_choices(self, data: dict) -> tuple:
        raise NotImplementedError

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        answer, choices = self.answer_and_choices(data)
        for problem in problems(self.type, data.get("prompt", ""), answer, choices):
            self.add_error(self.FIELD_OF.get(problem.code), problem_message(problem))
        index = data.get("sentence")
        sentence = next((s for s in self.sentences if s.index == index), None)
        if sentence is not None and not getattr(sentence, data["language"]):
            self.add_error("sentence", _("This sentence has no text in the question's language."))
        data["answer"], data["choices"], data["sentence_obj"] = answer, choices, sentence
        return data

    def values(self) -> dict:
        """The Question fields this form sets."""
        data = self.cleaned_data
        sentence = data["sentence_obj"]
        language = data["language"]
        other = "vi" if language == "zh" else "zh"
        values = {
            "document": self.document,
            "type": self.type,
            "language": language,
            "prompt": data["prompt"].strip(),
            "answer": data["answer"],
            "choices": data["choices"],
        }
        if sentence is not None:
            values["source"] = getattr(sentence, language)
            values["source_translation"] = getattr(sentence, other)
        elif self.question is None or "sentence" in self.changed_data:
            values["source"] = values["source_translation"] = ""
        return values

    def previous_choices(self) -> list:
        return list(self.question.choices) if self.question is not None else []

    def seed(self, data) -> str:
        return f"{self.type}:{data.get('prompt', '')}"


class TypedAnswerForm(QuestionForm):
    FIELD_OF = {
        "empty_prompt": "prompt",
        "prompt_too_long": "prompt",
        "no_blank": "prompt",
        "empty_answer": "answer",
        "too_many_answers": "alternatives",
    }
    answer = forms.CharField(label=_("Right answer"), max_length=500)
    alternatives = forms.CharField(
        label=_("Other accepted answers"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("One per line: other spellings or names that are also right."),
    )

    def initial_from(self, question):
        forms_ = [question.answer] if isinstance(question.answer, str) else list(question.answer)
        return super().initial_from(question) | {
            "answer": forms_[0] if forms_ else "",
            "alternatives": "\n".join(forms_[1:]),
        }

    def answer_and_choices(self, data):
        main = data.get("answer", "").strip()
        others = [a for a in _lines(data.get("alternatives", "")) if a != main]
        return ([main, *others] if others else main), []


class ClozeForm(TypedAnswerForm):
    type = Question.Type.CLOZE
    prompt_help = _("Mark the blank with ____ (four underscores).")


class TranslationForm(TypedAnswerForm):
    type = Question.Type.TRANSLATION
    prompt_help = _(
        "The learner answers in the other language: a Chinese question is answered in "
        "Vietnamese, and the other way round."
    )


class SingleChoiceForm(QuestionForm):
    type = Question.Type.SINGLE_CHOICE
    FIELD_OF = {
        "empty_prompt": "prompt",
        "prompt_too_long": "prompt",
        "empty_answer": "answer",
        "too_few_choices": "wrong",
        "too_many_choices": "wrong",
    }
    answer = forms.CharField(label=_("Right answer"), max_length=500)
    wrong = forms.CharField(
        label=_("Wrong answers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line."),
    )

    def initial_from(self, question):
        wrong = [c for c in question.choices if c != question.answer]
        return super().initial_from(question) | {
            "answer": question.answer,
            "wrong": "\n".join(wrong),
        }

    def answer_and_choices(self, data):
        answer = data.get("answer", "").strip()
        options = [answer, *_lines(data.get("wrong", ""))]
        return answer, _arrange(options, self.previous_choices(), self.seed(data))


class MultipleChoiceForm(QuestionForm):
    type = Question.Type.MULTIPLE_CHOICE
    FIELD_OF = {
        "empty_prompt": "prompt",
        "prompt_too_long": "prompt",
        "no_right_choice": "right",
        "no_wrong_choice": "wrong",
        "too_many_choices": "wrong",
    }
    right = forms.CharField(
        label=_("Right answers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )
    wrong = forms.CharField(
        label=_("Wrong answers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )

    def initial_from(self, question):
        return super().initial_from(question) | {
            "right": "\n".join(question.answer),
            "wrong": "\n".join(c for c in question.choices if c not in question.answer),
        }

    def answer_and_choices(self, data):
        right = _lines(data.get("right", ""))
        options = right + _lines(data.get("wrong", ""))
        return right, _arrange(options, self.previous_choices(), self.seed(data))


class TrueFalseForm(QuestionForm):
    type = Question.Type.TRUE_FALSE
    answer = forms.TypedChoiceField(
        label=_("The statement is"),
        choices=[("true", _("True")), ("false", _("False"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )

    def initial_from(self, question):
        return super().initial_from(question) | {"answer": "true" if question.answer else "false"}

    def answer_and_choices(self, data):
        return data.get("answer"), []


class MatchingForm(QuestionForm):
    type = Question.Type.MATCHING
    FIELD_OF = {
        "empty_prompt": "prompt",
        "prompt_too_long": "prompt",
        "too_few_pairs": "pairs",
        "too_many_items": "pairs",
        "empty_pair": "pairs",
        "duplicate_left": "pairs",
    }
    pairs = forms.CharField(
        label=_("Pairs"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One pair per line: an item, then -> , then its match."),
    )
    extra = forms.CharField(
        label=_("Extra options"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Matches that fit no item, one per line (optional)."),
    )

    def initial_from(self, question):
        rights = {right for _, right in question.answer}
        return super().initial_from(question) | {
            "pairs": "\n".join(f"{left} -> {right}" for left, right in question.answer),
            "extra": "\n".join(c for c in question.choices if c not in rights),
        }

    def clean_pairs(self):
        pairs = []
        for number, line in enumerate(self.cleaned_data["pairs"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = line.replace("→", "->").split("->", 1)
            if len(parts) != 2:
                raise forms.ValidationError(
                    _("Line %(number)s has no “->” between the item and its match."),
                    params={"number": number},
                )
            pairs.append([parts[0].strip(), parts[1].strip()])
        return pairs

    def answer_and_choices(self, data):
        pairs = data.get("pairs", [])
        options = list(dict.fromkeys([right for _, right in pairs] + _lines(data.get("extra", ""))))
        return pairs, _arrange(options, self.previous_choices(), self.seed(data))


class OrderingForm(QuestionForm):
    type = Question.Type.ORDERING
    FIELD_OF = {
        "empty_prompt": "prompt",
        "prompt_too_long": "prompt",
        "too_few_items": "items",
        "too_many_items": "items",
        "duplicate_item": "items",
    }
    items = forms.CharField(
        label=_("Items in the right order"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line, first to last; learners see them shuffled."),
    )

    def initial_from(self, question):
        return super().initial_from(question) | {"items": "\n".join(question.answer)}

    def answer_and_choices(self, data):
        items = _lines(data.get("items", ""))
        return items, _arrange(items, self.previous_choices(), self.seed(data))


FORMS: dict[str, type[QuestionForm]] = {
    form.type: form
    for form in (
        ClozeForm,
        SingleChoiceForm,
        MultipleChoiceForm,
        TrueFalseForm,
        MatchingForm,
        OrderingForm,
        TranslationForm,
    )
}


class NewQuestionForm(forms.Form):
    """The first step of authoring: which document and which kind of question."""

    document = forms.ModelChoiceField(
        Document.objects.filter(archived_at__isnull=True).only(
            "slug", "title_vi", "title_zh", "published"
        ),
        to_field_name="slug",
        label=_("Document"),
        empty_label=None,
    )
    type = forms.ChoiceField(label=_("Type"), choices=Question.Type.choices)


class ImportForm(forms.Form):
    MAX_BYTES = 2 * 1024 * 1024

    document = forms.ModelChoiceField(
        Document.objects.filter(archived_at__isnull=True).only(
            "slug", "title_vi", "title_zh", "published"
        ),
        to_field_name="slug",
        label=_("Into the document"),
        empty_label=None,
    )
    file = forms.FileField(
        label=_("GIFT or Moodle XML file"),
        help_text=_("A .gift, .txt or .xml file exported from Moodle, in UTF-8."),
    )
    import_valid = forms.BooleanField(
        label=_("If some questions have errors, import the valid ones anyway"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is too large: the limit is 2 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                _("The file could not be read: save it as UTF-8 text and try again.")
            ) from error


class DocumentSettingsForm(CleanTextMixin, forms.ModelForm):
    """The owner renames a document and hides it from others' lists (teaching.documents)."""

    class Meta:
        model = Document
        fields = ["title_vi", "title_zh", "hidden"]
        labels = {"hidden": _("Hide it from everyone else's lists")}
        help_texts = {
            "hidden": _(
                "Learners who have its link, its quizzes or its cards keep them; it is only no "
                "longer listed."
            )
        }
        widgets = {
            "title_vi": forms.TextInput(attrs={"lang": "vi"}),
            "title_zh": forms.TextInput(attrs={"lang": "zh-Hans"}),
        }

    def clean(self):
        data = super().clean()
        if not (data.get("title_vi") or "").strip() and not (data.get("title_zh") or "").strip():
            raise forms.ValidationError(_("Give the document a title in at least one language."))
        return data
