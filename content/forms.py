"""The form teachers use to add a document: paste the text or upload a .txt file."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 5 * 1024 * 1024


class DocumentForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the document"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "lang": "vi"}),
        help_text=_(
            "Chinese and Vietnamese in either order: each language as one block, or paragraph "
            "by paragraph, one language after the other. Titles, dates, sources, bylines and "
            "photo captions are recognised and set aside."
        ),
    )
    file = forms.FileField(label=_("or upload a .txt file"), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The document is too large: the limit is 5 MB."))
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Paste the text of the document or choose a file."))
        if len(data.get("text", "").encode("utf-8")) > MAX_BYTES:
            raise forms.ValidationError(_("The document is too large: the limit is 5 MB."))
        return data

    def raw_bytes(self) -> bytes:
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read()
        return self.cleaned_data["text"].encode("utf-8")
