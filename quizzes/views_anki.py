"""Anki deck downloads: small decks straight away, large ones through a background export job.

A document's deck is built during the request when it has at most
settings.ANKI_DIRECT_EXPORT_MAX_NOTES notes (a second or less). A larger one would hold a
request thread for as long as it takes, so the download link leads to a page offering to build
it in the background (quizzes.anki.jobs); its status page polls with htmx (or a reload without
JavaScript) and offers the file to its owner, and only to them, once built.
"""

import io

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from content.models import Document
from quizzes.anki import jobs
from quizzes.anki.documents import export_document, note_estimate
from quizzes.models import ExportJob

APKG = "application/apkg"


@login_required
@require_GET
def document_deck(request: HttpRequest, slug: str) -> HttpResponse:
    """Any signed-in user: the document's deck as an .apkg attachment when it is small, else the
    page offering to build it. Template: quizzes/export_start.html (document, notes)."""
    document = get_object_or_404(Document, slug=slug)
    notes = note_estimate(document)
    if notes > settings.ANKI_DIRECT_EXPORT_MAX_NOTES:
        return render(request, "quizzes/export_start.html", {"document": document, "notes": notes})
    buffer = io.BytesIO()
    export_document(document, buffer)
    buffer.seek(0)
    return FileResponse(
        buffer, as_attachment=True, filename=f"{document.slug}.apkg", content_type=APKG
    )


@login_required
@require_POST
def start_document_export(request: HttpRequest, slug: str) -> HttpResponse:
    """Any signed-in user: start building the document's deck (or find the build already
    running) and go to its status page; htmx gets that page's status region."""
    document = get_object_or_404(Document, slug=slug)
    job = jobs.start(request.user, ExportJob.Kind.DOCUMENT, document.slug, f"{document.slug}.apkg")
    if request.htmx:
        response = _status(request, job)
        response["HX-Push-Url"] = job.get_absolute_url()
        return response
    return redirect(job)


def _get_job_for_user(request: HttpRequest, pk: int) -> ExportJob:
    """The user's own export job; 404 for anyone else's."""
    return get_object_or_404(ExportJob, pk=pk, user=request.user)


def _status(request: HttpRequest, job: ExportJob) -> HttpResponse:
    template = "quizzes/export_status.html"
    if request.htmx:
        template += "#status"
    return render(request, template, {"job": job})


@login_required
@require_GET
@vary_on_headers("HX-Request")
def export_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's owner: where the export stands, and the download once built.
    Template: quizzes/export_status.html (job); htmx polls its #status partial."""
    return _status(request, _get_job_for_user(request, pk))


@login_required
@require_GET
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's owner: the built .apkg; the status page while it is not built yet."""
    job = _get_job_for_user(request, pk)
    if not job.is_ready:
        return redirect(job)
    path = job.path()
    if path is None or not path.is_file():
        raise Http404("The export's file was removed.")
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=job.filename, content_type=APKG
    )
