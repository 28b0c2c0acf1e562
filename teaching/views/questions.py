"""The teacher's question bank: list and filter, review in place (publish, retire, edit; bulk
actions), author questions of every type with a live preview. Teachers only; which questions a
teacher may read or change is decided in teaching.access."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import teacher_required
from config.htmx import HtmxHttpRequest, render_page
from content.access import documents_for
from quizzes.models import Question
from teaching import access
from teaching.curation import (
    Source,
    answer_text,
    save_question,
    set_status,
    set_status_of,
    sources,
)
from teaching.forms import (
    FORMS,
    PAGE_SIZE,
    BankFilterForm,
    BulkForm,
    NewQuestionForm,
    QuestionForm,
    StatusForm,
)

LIST = "teaching/question_list.html"
FORM = "teaching/question_form.html"


@dataclass
class Row:
    question: Question
    editable: bool
    status_editable: bool
    source: Source | None
    answer: str


def _rows(questions: list[Question]) -> list[Row]:
    found = sources(questions)
    return [
        Row(
            q,
            getattr(q, "editable", False),
            getattr(q, "status_editable", False),
            found.get(q.pk),
            answer_text(q),
        )
        for q in questions
    ]


def _bank_context(user, params: QueryDict) -> dict:
    filters = BankFilterForm(params or None)
    questions = filters.apply(access.bank_for(user)).order_by("document__slug", "id")
    page = Paginator(questions, PAGE_SIZE).get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    return {"filters": filters, "page": page, "rows": _rows(list(page)), "query": query.urlencode()}


def _next_url(request: HtmxHttpRequest) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("teaching:questions")


def _render_row(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    (row,) = _rows([access.bank_for(request.user).get(pk=pk)])
    return render(request, f"{LIST}#question-row", {"row": row, "next": _next_url(request)})


@teacher_required
@require_GET
def question_list(request: HtmxHttpRequest) -> HttpResponse:
    """Teachers: the questions they may read, filtered and paged. Template:
    teaching/question_list.html (an htmx request gets #results). Context: filters, page, rows,
    query (the filters as a query string, for the page links)."""
    context = _bank_context(request.user, request.GET)
    context["next"] = request.get_full_path()
    return render_page(request, LIST, context, partial="results")


@teacher_required
@require_POST
def question_status(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Teachers who may change the question's status (not one in another teacher's published or
    assigned quiz): publish, retire or return it to draft. htmx gets the fresh row
    (teaching/question_list.html#question-row); a plain form goes back to `next`."""
    question = get_object_or_404(access.editable_by(request.user), pk=pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose draft, published or retired."))
    set_status(question, form.cleaned_data["status"])
    if request.htmx:
        return _render_row(request, pk)
    messages.success(request, _("The question is now %(status)s.") % {"status": _status(question)})
    return redirect(_next_url(request))


def _status(question: Question) -> str:
    return str(question.get_status_display()).lower()


@teacher_required
@require_POST
def question_bulk(request: HtmxHttpRequest) -> HttpResponse:
    """Teachers: one status for many questions; those the teacher may not change are left out.
    htmx gets the refreshed list (teaching/question_list.html#results) for the filters in `next`;
    a plain form goes back to `next`."""
    form = BulkForm(request.POST)
    if form.is_valid():
        chosen = access.editable_by(request.user).filter(pk__in=form.cleaned_data["ids"])
        count = set_status_of(chosen, form.cleaned_data["action"])
        notice = ngettext("%(count)d question changed.", "%(count)d questions changed.", count) % {
            "count": count
        }
        level = messages.SUCCESS
    else:
        errors = form.non_field_errors() or [_("Choose what to do with the selected questions.")]
        notice, level = errors[0], messages.ERROR
    url = _next_url(request)
    if request.htmx:
        context = _bank_context(request.user, QueryDict(urlsplit(url).query))
        context |= {"next": url, "notice": notice}
        return render(request, f"{LIST}#results", context)
    messages.add_message(request, level, notice)
    return redirect(url)


@teacher_required
@require_GET
def question_new(request: HtmxHttpRequest) -> HttpResponse:
    """Teachers: pick the document and the type of a new question, then go to its form.
    Template: teaching/question_new.html. Context: form."""
    form = NewQuestionForm(request.GET if "type" in request.GET else None)
    if form.is_valid():
        document, qtype = form.cleaned_data["document"], form.cleaned_data["type"]
        return redirect("teaching:question_create", document.slug, qtype)
    if not form.is_bound and request.GET.get("document"):
        form.initial["document"] = request.GET["document"]
    return render(request, "teaching/question_new.html", {"form": form})


def _form_context(form: QuestionForm, question: Question | None, preview, **extra) -> dict:
    document = form.document
    preview_url = reverse("teaching:question_preview", args=[document.slug, form.type])
    if question is not None:
        preview_url += f"?question={question.pk}"
    return {
        "form": form,
        "document": document,
        "question": question,
        "type_label": Question.Type(form.type).label,
        "preview": preview,
        "preview_url": preview_url,
        "key": question.pk if question else "new",
    } | extra


@teacher_required
@require_http_methods(["GET", "POST"])
def question_create(request: HtmxHttpRequest, slug: str, qtype: str) -> HttpResponse:
    """Teachers: write a new question of `qtype` on a document (any teacher may: documents are
    shared). Saved as the teacher's draft. Template: teaching/question_form.html."""
    document = get_object_or_404(documents_for(request.user), slug=slug)
    if qtype not in FORMS:
        raise Http404
    form = FORMS[qtype](request.POST or None, document=document, auto_id="q-new-%s")
    if request.method == "POST" and form.is_valid():
        question = save_question(Question(), form.values(), request.user)
        messages.success(request, _("The question was saved as a draft."))
        return redirect("teaching:question_edit", question.pk)
    action = reverse("teaching:question_create", args=[slug, qtype])
    return render(request, FORM, _form_context(form, None, None, action=action))


@teacher_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Teachers who may open the question (theirs to curate, or in a quiz they own); saving a
    question in another teacher's quiz, or not theirs, saves their own copy instead (and
    goes to it). Template: teaching/question_form.html; an htmx request edits in place in the
    bank: GET gets #editor, a valid POST the fresh row (teaching/question_list.html#question-row),
    an invalid one #editor with its errors."""
    question = get_object_or_404(access.questions_openable_by(request.user), pk=pk)
    form = FORMS[question.type](
        request.POST or None, document=question.document, question=question, auto_id=f"q{pk}-%s"
    )
    if request.method == "POST" and form.is_valid():
        saved = save_question(question, form.values(), request.user)
        if request.htmx:
            return _render_row(request, saved.pk)
        if saved.pk != pk:
            messages.success(
                request,
                _(
                    "Your changes were saved as your own copy of the question, in your quizzes; "
                    "other quizzes keep the original."
                ),
            )
        else:
            messages.success(request, _("The question was saved."))
        return redirect("teaching:question_edit", saved.pk)
    preview = question if request.method == "GET" else None
    action = reverse("teaching:question_edit", args=[pk])
    context = _form_context(form, question, preview, action=action, inline=bool(request.htmx))
    context["next"] = _next_url(request)
    context["copy_on_save"] = access.must_copy(question, request.user)
    return render_page(request, FORM, context, partial="editor")


@teacher_required
@require_POST
def question_preview(request: HtmxHttpRequest, slug: str, qtype: str) -> HttpResponse:
    """Teachers: the question as the learner will see it, from the form's current values (htmx,
    as the teacher types). Template: teaching/question_form.html#preview. Context: preview (an
    unsaved Question, or None while the form has errors), form."""
    document = get_object_or_404(documents_for(request.user), slug=slug)
    if qtype not in FORMS:
        raise Http404
    question = None
    if request.GET.get("question", "").isdigit():
        openable = access.questions_openable_by(request.user)
        question = get_object_or_404(openable, pk=int(request.GET["question"]))
    form = FORMS[qtype](request.POST, document=document, question=question)
    preview = Question(**form.values()) if form.is_valid() else None
    return render(request, f"{FORM}#preview", {"preview": preview, "form": form})
