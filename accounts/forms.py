"""Forms for signing up, naming a class and joining one."""

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from accounts.models import Classroom, User, normalise_join_code
from config.forms import CleanTextMixin


class SignUpForm(CleanTextMixin, UserCreationForm):
    """Self sign-up makes a student; only staff grant the teacher role."""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "email"]


class ClassroomForm(CleanTextMixin, forms.ModelForm):
    """A teacher names (or renames) a class."""

    class Meta:
        model = Classroom
        fields = ["name"]


class JoinForm(CleanTextMixin, forms.Form):
    """A student types the code their teacher gave them."""

    code = forms.CharField(label=_("Class code"), max_length=20)

    def clean_code(self) -> Classroom:
        code = normalise_join_code(self.cleaned_data["code"])
        classroom = Classroom.objects.select_related("teacher").filter(join_code=code).first()
        if classroom is None:
            raise forms.ValidationError(_("No class has this code. Check it with your teacher."))
        return classroom
