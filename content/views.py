"""Documents: list, side-by-side reading, and adding one (teachers). Which document a user may
see or manage is content.access's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import teacher_required
from config.htmx import HtmxHttpRequest
from content import access, lang
from content.forms import DocumentForm
from content.lang.model import DocumentError
from content.loading import error_message, identical_document, load_bytes
from content.models import Document
from content.problems import problem_texts
from content.reading import reading_rows


@login_required
@require_GET
def document_list(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user. Template: content/document_list.html."""
    documents = access.documents_listed_for(request.user).only(
        "slug", "title_zh", "title_vi", "published", "source", "languages", "hidden"
    )
    return render(request, "content/document_list.html", {"documents": documents})


@login_required
@require_GET
def document_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Any signed-in user: the document side by side, with the quizzes they may open (buttons
    the quizzes app renders: quizzes.templatetags.quiz_links).
    Template: content/document_detail.html. Context: document, rows, problems (the
    alignment warnings in the user's language), can_report (the teacher who curates it may
    open what generation made of it), can_manage (the teacher who added it)."""
    user = request.user
    document = get_object_or_404(access.documents_for(user), slug=slug)
    can_report = access.curates(user, document)
    can_manage = access.owns(user, document)
    return render(
        request,
        "content/document_detail.html",
        {
            "document": document,
            "rows": reading_rows(document),
            "problems": problem_texts(document.problems),
            "can_report": can_report,
            "can_manage": can_manage,
        },
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def document_add(request: HtmxHttpRequest) -> HttpResponse:
    """Teachers: paste or upload a document, then read what was made of it (the report page
    of teaching). A text already in Dongxi opens that document instead; a text without
    both languages is refused, naming the missing one. Template: content/document_add.html.
    Context: form."""
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        raw = form.raw_bytes()
        try:
            if existing := identical_document(lang.decode(raw)):
                return _open_identical(request, existing)
            result = load_bytes(raw, user=request.user, both_languages=True)
        except DocumentError as error:
            form.add_error(None, error_message(error))
        else:
            messages.success(request, _("The document was added."))
            return redirect(reverse("teaching:document_report", args=[result.document.slug]))
    return render(request, "content/document_add.html", {"form": form})


def _open_identical(request: HtmxHttpRequest, document: Document) -> HttpResponse:
    """The uploaded text is `document`'s: open it (listing it again if it was the teacher's and
    archived) rather than store a second copy."""
    if document.archived_at and access.owns(request.user, document):
        document.archived_at = None
        document.save(update_fields=["archived_at"])
    messages.info(request, _("This text is already in Dongxi: here is the document."))
    return redirect(document)
