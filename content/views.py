"""Documents: list, side-by-side reading, and adding one (teachers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import teacher_required
from content.forms import DocumentForm
from content.lang.model import DocumentError
from content.loading import error_message, load_bytes
from content.models import Document
from content.reading import reading_rows


@login_required
@require_GET
def document_list(request: HttpRequest) -> HttpResponse:
    """Any signed-in user. Template: content/document_list.html."""
    documents = Document.objects.only(
        "slug", "title_zh", "title_vi", "published", "source", "languages"
    )
    return render(request, "content/document_list.html", {"documents": documents})


@login_required
@require_GET
def document_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Any signed-in user: the document side by side, with its published quizzes.
    Template: content/document_detail.html."""
    document = get_object_or_404(Document, slug=slug)
    quizzes = document.quizzes.filter(status="published").only("pk", "title")
    return render(
        request,
        "content/document_detail.html",
        {"document": document, "rows": reading_rows(document), "quizzes": quizzes},
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def document_add(request: HttpRequest) -> HttpResponse:
    """Teachers: paste or upload a document. Template: content/document_add.html."""
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = load_bytes(form.raw_bytes(), user=request.user)
        except DocumentError as error:
            form.add_error(None, error_message(error))
        else:
            messages.success(request, _("The document was added."))
            return redirect(result.document)
    return render(request, "content/document_add.html", {"form": form})
