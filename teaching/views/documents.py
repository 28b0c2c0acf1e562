"""What happened to a document a teacher added: facts, questions, and the sentences that gave
nothing and why (teaching.document_report); and its owner's settings: rename, hide,
delete or archive (teaching.documents)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import teacher_required
from config.htmx import HtmxHttpRequest
from content.access import documents_curated_by, documents_owned_by
from teaching import document_report, documents
from teaching.forms import DocumentSettingsForm


@teacher_required
@require_GET
def document_report_view(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The teacher who added the document (any teacher for a shipped one); other teachers get
    404, students 403. Template: teaching/document_report.html. Context: document, summary (a
    quizzes.generation.report.DocumentReport), report_languages [(code, name)], by_type [(label,
    [count per language])], silent [document_report.Silent], asked, clutter [(label, text)],
    advice [text], warnings [text]."""
    document = get_object_or_404(documents_curated_by(request.user), slug=slug)
    return render(request, "teaching/document_report.html", document_report.context(document))


@teacher_required
@require_http_methods(["GET", "POST"])
def document_manage(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The teacher who added the document: rename it, hide it, and see what deleting it would
    do; others get 404, students 403. POST saves the settings and redirects back.
    Template: teaching/document_manage.html. Context: document, form (DocumentSettingsForm),
    usage (teaching.documents.Usage)."""
    document = get_object_or_404(documents_owned_by(request.user), slug=slug)
    form = DocumentSettingsForm(request.POST or None, instance=document)
    if request.method == "POST" and form.is_valid():
        documents.rename(
            document, title_vi=form.cleaned_data["title_vi"], title_zh=form.cleaned_data["title_zh"]
        )
        documents.set_hidden(document, form.cleaned_data["hidden"])
        messages.success(request, _("The document was saved."))
        return redirect("teaching:document_manage", slug=document.slug)
    context = {"document": document, "form": form, "usage": documents.usage(document)}
    return render(request, "teaching/document_manage.html", context)


@teacher_required
@require_POST
def document_delete(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The teacher who added the document deletes it, or archives it when it is in use; then
    their list of documents. Others 404, students 403. No template."""
    document = get_object_or_404(documents_owned_by(request.user), slug=slug)
    if documents.remove(document) == "archived":
        messages.success(
            request,
            _(
                "The document was archived: its quizzes and cards keep working, and it is no "
                "longer listed."
            ),
        )
        return redirect("teaching:document_manage", slug=slug)
    messages.success(request, _("The document was deleted."))
    return redirect("content:list")


@teacher_required
@require_POST
def document_restore(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The teacher who added an archived document lists it again; then its settings page.
    Others 404, students 403. No template."""
    document = get_object_or_404(documents_owned_by(request.user), slug=slug)
    documents.restore(document)
    messages.success(request, _("The document is listed again."))
    return redirect("teaching:document_manage", slug=slug)
