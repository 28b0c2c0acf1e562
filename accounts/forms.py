"""Forms for signing up."""

from django.contrib.auth.forms import UserCreationForm

from accounts.models import User


class SignUpForm(UserCreationForm):
    """Self sign-up makes a student; only staff grant the teacher role."""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "email"]
