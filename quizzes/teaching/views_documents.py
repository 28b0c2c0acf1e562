"""What happened to a document a teacher added: facts, questions, and the sentences that gave
nothing and why (quizzes.teaching.document_report)."""

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from accounts.access import teacher_required
from content.models import Document
from quizzes.teaching import document_report


def get_document_for_curator(user, slug: str) -> Document:
    """The document `slug` if `user` curates its generated questions: the teacher who added it,
    or any teacher for a document nobody added (as quizzes.teaching.access.curatable); 404
    otherwise."""
    mine = Q(created_by=user) | Q(created_by__isnull=True)
    return get_object_or_404(Document.objects.filter(mine), slug=slug)


@teacher_required
@require_GET
def document_report_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The teacher who added the document (any teacher for a shipped one); other teachers get
    404, students 403. Template: teach/document_report.html. Context: document, summary (a
    quizzes.generation.report.DocumentReport), report_languages [(code, name)], by_type [(label,
    [count per language])], silent [document_report.Silent], asked, clutter [(label, text)],
    advice [text], warnings [text]."""
    document = get_document_for_curator(request.user, slug)
    return render(request, "teach/document_report.html", document_report.context(document))
