"""The quiz builder: a teacher's quizzes, their settings, their questions (picked by hand from
the bank or by a rule, reordered, removed), publishing, and assigning them to classes.

Teachers only, and each quiz only for its owner (teaching.access.quizzes_built_by: 404 for
anyone else). The owner previews a quiz by taking it from its page (quiz_detail), as a
student would (quizzes.assignments). Every page works with plain forms; with htmx the list of
the quiz's questions is swapped in place and the bank picker refreshes itself after a change
(the "quizChanged" event).
"""

import random
from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from accounts.access import classes_taught_by, teacher_required
from config.htmx import HtmxHttpRequest, render_page, wants_partial
from quizzes.models import Question, Quiz
from teaching import access, building
from teaching.curation import answer_text, sources
from teaching.forms import PAGE_SIZE, BankFilterForm
from teaching.quiz_forms import AssignmentForm, QuizForm, RuleForm

BUILD = "teaching/quiz_build.html"
CHANGED = "quizChanged"


def problem_message(problem: building.Problem) -> str:
    if problem.code == "no_questions":
        return _("Add at least one question.")
    if problem.code == "unpublished_questions":
        return ngettext(
            "%(count)d question of the quiz is not published: publish it in the question bank "
            "or remove it.",
            "%(count)d questions of the quiz are not published: publish them in the question "
            "bank or remove them.",
            problem.count,
        ) % {"count": problem.count}
    return ngettext(
        "The quiz draws more than the %(count)d question it holds: change its settings.",
        "The quiz draws more than the %(count)d questions it holds: change its settings.",
        problem.count,
    ) % {"count": problem.count}


@dataclass
class Entry:
    question: Question
    answer: str
    paragraph: int | None


@dataclass
class Pick:
    question: Question
    answer: str
    paragraph: int | None
    in_quiz: bool


def _entries(quiz: Quiz) -> list[Entry]:
    rows = building.entries(quiz)
    questions = [e.question for e in rows]
    found = sources(questions) if questions else {}
    return [
        Entry(q, answer_text(q), found[q.pk].passage if q.pk in found else None) for q in questions
    ]


def _picker_params(quiz: Quiz, params: QueryDict) -> QueryDict:
    """The bank's filters from `params`, pinned to the quiz's document."""
    fixed = params.copy()
    fixed["document"] = quiz.document.slug
    return fixed


def _picker_context(quiz: Quiz, user, params: QueryDict) -> dict:
    fixed = _picker_params(quiz, params)
    filters = BankFilterForm(fixed)
    questions = filters.apply(building.addable(quiz, user)).select_related(
        "document", "fact__passage", "fact__sentence"
    )
    page = Paginator(questions.order_by("id"), PAGE_SIZE).get_page(params.get("page"))
    chosen = set(quiz.entries.values_list("question_id", flat=True))
    found = sources(list(page))
    picks = [
        Pick(q, answer_text(q), found[q.pk].passage if q.pk in found else None, q.pk in chosen)
        for q in page
    ]
    query = params.copy()
    query.pop("page", None)
    query.pop("document", None)
    base = reverse("teaching:quiz", args=[quiz.pk])
    return {
        "filters": filters,
        "page": page,
        "picks": picks,
        "query": query.urlencode(),
        "picker_url": f"{base}?{params.urlencode()}" if params else base,
    }


def _build_context(request: HtmxHttpRequest, quiz: Quiz, **extra) -> dict:
    context = {
        "quiz": quiz,
        "entries": _entries(quiz),
        "problems": [problem_message(p) for p in building.publish_problems(quiz)],
        "rule_form": RuleForm(),
        "assignments": quiz.assignments.select_related("classroom").order_by("classroom__name"),
        "assign_form": AssignmentForm(teacher=request.user, initial={"quiz": quiz.pk}),
        "has_classes": classes_taught_by(request.user).exists(),
    }
    context |= _picker_context(quiz, request.user, request.GET)
    return context | extra


def _back(request: HtmxHttpRequest, quiz: Quiz) -> HttpResponse:
    """A plain form goes back to the builder, with the picker's filters it was sent from."""
    query = request.POST.get("query", "")
    url = reverse("teaching:quiz", args=[quiz.pk])
    return redirect(f"{url}?{query}" if query else url)


def _entries_response(request: HtmxHttpRequest, quiz: Quiz, notice: str = "") -> HttpResponse:
    """htmx: the fresh list of the quiz's questions, and the event that refreshes the picker."""
    context = {
        "quiz": quiz,
        "entries": _entries(quiz),
        "problems": [problem_message(p) for p in building.publish_problems(quiz)],
        "notice": notice,
    }
    response = render(request, f"{BUILD}#entries", context)
    return trigger_client_event(response, CHANGED)


@teacher_required
@require_GET
def quiz_list(request: HtmxHttpRequest) -> HttpResponse:
    """Teachers: their quizzes with their question and assignment counts.
    Template: teaching/quiz_list.html. Context: quizzes."""
    quizzes = (
        access.quizzes_built_by(request.user)
        .filter(practice_of__isnull=True)
        .annotate(question_count=Count("entries", distinct=True))
        .annotate(class_count=Count("assignments", distinct=True))
        .order_by("-updated_at", "-id")
    )
    return render(request, "teaching/quiz_list.html", {"quizzes": quizzes})


@teacher_required
@require_http_methods(["GET", "POST"])
def quiz_create(request: HtmxHttpRequest) -> HttpResponse:
    """Teachers: a new quiz on a document (a draft of theirs), then its questions.
    Template: teaching/quiz_form.html. Context: form."""
    form = QuizForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        quiz = form.save(commit=False)
        quiz.owner = request.user
        quiz.save()
        messages.success(request, _("The quiz was created as a draft. Now add its questions."))
        return redirect("teaching:quiz", quiz.pk)
    return render(request, "teaching/quiz_form.html", {"form": form})


@teacher_required
@require_http_methods(["GET", "POST"])
def quiz_settings(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The quiz's owner: change its settings. Template: teaching/quiz_form.html. Context: form,
    quiz."""
    quiz = get_object_or_404(access.quizzes_built_by(request.user), pk=pk)
    form = QuizForm(request.POST or None, instance=quiz)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The settings were saved."))
        return redirect("teaching:quiz", quiz.pk)
    return render(request, "teaching/quiz_form.html", {"form": form, "quiz": quiz})


@teacher_required
@require_GET
def quiz_build(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The quiz's owner: its questions in order, the bank to pick more from (filtered as the
    bank is), the rule form, publishing and assignments. Template: teaching/quiz_build.html; an
    htmx request (the picker's filters, its refresh after a change) gets #picker. Context:
    quiz, entries, problems, rule_form, assignments, assign_form, has_classes, and the
    picker's filters, page, picks, query, picker_url."""
    quiz = get_object_or_404(access.quizzes_built_by(request.user), pk=pk)
    if wants_partial(request):  # the picker alone needs none of the rest
        context = {"quiz": quiz} | _picker_context(quiz, request.user, request.GET)
    else:
        context = _build_context(request, quiz)
    return render_page(request, BUILD, context, partial="picker")


@teacher_required
@require_POST
def quiz_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The quiz's owner: add the questions `ids` (those they may read, of the quiz's document;
    others are skipped). htmx gets #entries; a plain form goes back to the builder."""
    quiz = get_object_or_404(access.quizzes_built_by(request.user), pk=pk)
    try:
        ids = [int(v) for v in request.POST.getlist("ids")]
    except ValueError:
        return HttpResponseBadRequest(_("Choose questions from the list."))
    count = building.add(quiz, request.user, ids)
    notice = ngettext("%(count)d question added.", "%(count)d questions added.", count) % {
        "count": count
    }
    if request.htmx:
        return _entries_response(request, quiz, notice)
    messages.success(request, notice)
    return _back(request, quiz)


@teacher_required
@require_POST
def quiz_rule(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The quiz's owner: add questions picked at random by a rule (RuleForm). A valid rule goes
    back to the builder with how many were added; an invalid one shows the builder with the
    form's errors (teaching/quiz_build.html)."""
    quiz = get_object_or_404(access.quizzes_built_by(request.user), pk=pk)
    form = RuleForm(request.POST)
    if not form.is_valid():
        context = _build_context(request, quiz, rule_form=form)
        return render(request, BUILD, context, status=422)
    rule = form.rule()
    count = building.add_by_rule(quiz, request.user, rule, random.Random())
    if count < rule.count:
        messages.warning(
            request,
            ngettext(
                "Only %(count)d published question matched the rule; it was added.",
                "Only %(count)d published questions matched the rule; they were added.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.success(
            request,
            ngettext("%(count)d question added.", "%(count)d questions added.", count)
            % {"count": count},
        )
    return redirect("teaching:quiz", quiz.pk)


@teacher_required
@require_POST
def quiz_remove(request: HtmxHttpRequest, pk: int, question: int) -> HttpResponse:
    """The quiz's owner: take a question out of the quiz. htmx gets #entries."""
    quiz = get_object_or_404(access.quizzes_built_by(request.user), pk=pk)
    building.remove(quiz, question)
    notice = _("The question was removed from the quiz.")
    if request.htmx:
        return _entries_response(request, quiz, notice)
    messages.success(request, notice)
    return _back(request, quiz)


@teacher_required
@require_POST
def quiz_move(request: HtmxHttpRequest, pk: int, question: int) -> HttpResponse:
    """The quiz's owner: move a question one place up or down (`direction`). htmx gets
    #entries."""
    quiz = get_object_or_404(access.quizzes_built_by(request.user), pk=pk)
    offset = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if offset is None:
        return HttpResponseBadRequest(_("Move the question up or down."))
    building.move(quiz, question, offset)
    if request.htmx:
        return _entries_response(request, quiz)
    return _back(request, quiz)


@teacher_required
@require_POST
def quiz_status(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The quiz's owner: publish it (when nothing stops it: each reason is shown) or return it
    to draft (its students no longer see it). Back to the builder."""
    quiz = get_object_or_404(access.quizzes_built_by(request.user), pk=pk)
    status = request.POST.get("status", "")
    if status not in Quiz.Status.values:
        return HttpResponseBadRequest(_("Choose draft or published."))
    problems = building.set_status(quiz, status)
    for problem in problems:
        messages.error(request, problem_message(problem))
    if not problems and status == Quiz.Status.PUBLISHED:
        messages.success(request, _("The quiz is published: you may now assign it to a class."))
    elif not problems:
        messages.success(request, _("The quiz is a draft again: only you can see it."))
    return redirect("teaching:quiz", quiz.pk)
