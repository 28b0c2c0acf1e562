"""Anki deck downloads: a document's deck as an .apkg attachment, for any signed-in user."""

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from content.models import Document
from quizzes.anki.documents import export_document


@login_required
@require_GET
def document_deck(request: HttpRequest, slug: str) -> FileResponse:
    document = get_object_or_404(Document, slug=slug)
    buffer = io.BytesIO()
    export_document(document, buffer)
    buffer.seek(0)
    return FileResponse(
        buffer,
        as_attachment=True,
        filename=f"{document.slug}.apkg",
        content_type="application/apkg",
    )
