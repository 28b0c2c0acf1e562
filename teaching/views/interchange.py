"""GIFT or Moodle XML import into the bank, and GIFT / Moodle XML export of a filtered
selection. Teachers only."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import teacher_required
from config.htmx import HtmxHttpRequest
from quizzes.interchange import gift, moodle_xml
from teaching import access
from teaching.bank_exchange import MAX_IMPORT_QUESTIONS, import_gift, items
from teaching.forms import BankFilterForm, ImportForm


@teacher_required
@require_http_methods(["GET", "POST"])
def question_import(request: HtmxHttpRequest) -> HttpResponse:
    """Teachers: upload a GIFT or Moodle XML file into a document; every invalid question is
    listed with its line, and nothing is saved while one is invalid unless the teacher ticks
    "import the valid ones". Template: teaching/question_import.html. Context: form, report
    (after an upload)."""
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        initial={"document": request.GET.get("document")},
    )
    report = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = import_gift(
            data["document"], data["file"], request.user, import_valid=data["import_valid"]
        )
        if report.too_many:
            messages.error(
                request,
                _(
                    "The file holds %(count)s questions; import at most %(limit)s at a time. "
                    "Nothing was imported."
                )
                % {"count": report.total, "limit": MAX_IMPORT_QUESTIONS},
            )
        elif report.imported:
            messages.success(
                request,
                ngettext(
                    "%(count)d question was imported as a draft.",
                    "%(count)d questions were imported as drafts.",
                    report.imported,
                )
                % {"count": report.imported},
            )
        elif not report.invalid:
            messages.error(request, _("The file holds no question."))
    return render(request, "teaching/question_import.html", {"form": form, "report": report})


EXPORTS = {
    "gift": (gift.dumps, "text/plain; charset=utf-8", "gift"),
    "xml": (moodle_xml.dumps, "application/xml; charset=utf-8", "xml"),
}


@teacher_required
@require_GET
def question_export(request: HtmxHttpRequest, fmt: str) -> HttpResponse:
    """Teachers: the questions of the bank they may read, with the list's filters, as a GIFT
    (`fmt` "gift") or Moodle XML ("xml") download. Questions GIFT cannot write are named in a
    comment at the top of the file."""
    dumps, content_type, extension = EXPORTS[fmt]
    filters = BankFilterForm(request.GET or None)
    questions = filters.apply(access.bank_for(request.user)).order_by(
        "document__slug", "language", "id"
    )
    text, skipped = dumps(items(questions))
    if skipped:
        names = ", ".join(s.title for s in skipped)
        text = f"// {_('Left out (GIFT cannot express them):')} {names}\n\n{text}"
    response = HttpResponse(text, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="questions.{extension}"'
    return response
