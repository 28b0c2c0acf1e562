"""Every text a form takes refuses control characters with a clear message (content.lang.hygiene
says why): one validator, and a form mixin that puts it on every text field of a form. Like
config.htmx it imports only Django and the bottom layer (content.lang), so every layer's forms
(accounts' included) may use it."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from content.lang.hygiene import describe, first_control

MESSAGE = _(
    "This text holds an invisible control character (%(code)s) that cannot be saved. "
    "Remove it (retyping the text around it is enough) and try again."
)


def validate_no_control_characters(value) -> None:
    if not isinstance(value, str) or "\x00" in value:
        return  # NUL: Django's CharField refuses it already, with its own message
    if isinstance(value, str) and (char := first_control(value)) is not None:
        raise ValidationError(MESSAGE, code="control_character", params={"code": describe(char)})


class CleanTextMixin:
    """Put first in a form's bases: every CharField of the form (passwords aside, which are
    checked, never stored) refuses control characters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not isinstance(
                field.widget, forms.PasswordInput
            ):
                field.validators.append(validate_no_control_characters)
