"""The form teachers use to add a document: paste the text or upload a .txt file.

Either way the document is at most MAX_TEXT_BYTES (200 KB) of text.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.lang.decoding import MAX_BYTES, MAX_TEXT_BYTES
from content.loading import too_large_message


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("At most %(limit)s KB of text, pasted or uploaded.") % {
            "limit": MAX_TEXT_BYTES // 1024
        }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # Beyond MAX_BYTES no encoding can hold 200 KB of text: refused unread. Below it the
        # decoded text is measured when the document is loaded.
        if upload and upload.size > MAX_BYTES:
            raise forms.ValidationError(too_large_message())
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Paste the text of the document or choose a file."))
        size = len(data.get("text", "").encode("utf-8", errors="surrogatepass"))
        if size > MAX_TEXT_BYTES:
            raise forms.ValidationError(too_large_message(size))
        return data

    def raw_bytes(self) -> bytes:
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read()
        return self.cleaned_data["text"].encode("utf-8")
