"""Learner pages for taking a quiz: the quiz page, one question at a time, feedback, results.

Every view needs a signed-in user. Which quizzes a user sees and may start, and when, is decided
in quizzes.assignments (practice quizzes for everyone, a teacher's quiz for its owner and the
students of the classes it is assigned to); an attempt is seen only by the learner who made it
(404 for anyone else, teachers included: they read statistics, not attempts). Each page works
without JavaScript through plain form posts; with htmx the question card is swapped in place.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.db.models import F, OuterRef
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from config.htmx import HtmxHttpRequest, render_part
from config.prepared import Prepared
from quizzes import assignments, missed, taking, term_index
from quizzes.access import attempt_items_of, attempts_of, get_quiz_for_user, quizzes_for
from quizzes.feedback import feedback
from quizzes.fragments import question_card
from quizzes.models import Attempt, AttemptItem, Quiz

logger = logging.getLogger(__name__)

TAKE = "quizzes/take.html"  # one question; its card (fragments.question_card) is what htmx swaps
ATTEMPTS_SHOWN = 20  # a learner's latest attempts listed on a quiz's page

UNAVAILABLE = {
    "not_published": lambda: _("This quiz is not open yet."),
    "no_attempts_left": lambda: _("You have used all the attempts this quiz allows."),
    "no_questions": lambda: _("This quiz has no published questions yet."),
    "not_open_yet": lambda: _("This quiz is not open yet."),
    "closed": lambda: _("This quiz is closed: no new attempt may be started."),
    "not_assigned": lambda: _("This quiz is not assigned to you."),
}
INVALID = {
    "empty": lambda: _("Choose or type an answer first."),
    "incomplete": lambda: _("Answer every part of the question first."),
    "ranks": lambda: _("Give each item a different position, from 1 to the number of items."),
    "too_long": lambda: _("That answer is too long (500 characters at most)."),
    "invalid": lambda: _("That answer could not be read. Please try again."),
    "control_character": lambda: _(
        "Your answer holds an invisible control character. Retype it and send it again."
    ),
}


def _refused() -> str:
    return _("This attempt was already finished: that answer was not recorded.")


def _get_attempt_for_user(request: HtmxHttpRequest, pk: int) -> Attempt:
    return get_object_or_404(
        attempts_of(request.user).select_related("quiz", "quiz__document"), pk=pk
    )


def _item_query(p, **annotations):
    return (
        attempt_items_of(p.user)
        .select_related("attempt", "attempt__quiz", "question", "prompt_question")
        .annotate(**annotations)
        .filter(attempt_id=p.attempt, position=p.position)
        .order_by()  # one row (attempt, position is unique): no sort by the attempt's start
    )


# Every question page and answer reads its item one of these ways, compiled once
# (config.prepared), each with what its view needs and no more (on PostgreSQL a table or a
# subquery left out is planning time saved on every request): the question page, how many of
# the attempt's questions are answered (the progress bar); the answer, its document's version
# (the key of its terms' index, quizzes.term_index, for grading and feedback).
_ITEM_PAGE = Prepared(
    lambda p: _item_query(p, answered_count=taking.answered_count(OuterRef("attempt_id")))
)
_ITEM_ANSWER = Prepared(
    lambda p: _item_query(p, document_version=F("attempt__quiz__document__updated_at"))
)


def _get_item_for_user(
    request: HtmxHttpRequest, pk: int, position: int, query: Prepared = _ITEM_PAGE
) -> AttemptItem:
    """The item with its attempt, quiz and questions, and what `query` adds, in one query; 404
    when it is not the user's."""
    item = query.first(user=request.user.pk, attempt=pk, position=position)
    if item is None:
        raise Http404
    return item


@login_required
@require_GET
def quiz_list(request: HtmxHttpRequest) -> HttpResponse:
    """Signed-in users: the quizzes they may see (practice quizzes, their own, those assigned to
    their classes), each card with its question count, their best score and attempts left.
    Template: quizzes/quiz_list.html; context: quizzes (assignments.with_figures)."""
    quizzes = assignments.with_figures(
        quizzes_for(request.user).select_related("document"), request.user
    )
    return render(request, "quizzes/quiz_list.html", {"quizzes": quizzes})


@login_required
@require_GET
def quiz_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Whoever may see the quiz: the rules, the learner's own attempts, and a button to start or
    resume (or why they may not: closed). Its owner previews a draft here by taking it.
    Template: quizzes/quiz_detail.html. Context: quiz, access, attempts (the latest
    ATTEMPTS_SHOWN, newest first), attempts_total, open_attempt, attempts_left,
    question_count, practice_languages (a practice quiz's choice of language:
    [(value, label)], else []), chosen_language (the learner's last choice)."""
    quiz = get_quiz_for_user(request.user, pk)
    mine = attempts_of(request.user).filter(quiz=quiz).order_by("-started_at", "-pk")
    attempts = list(mine[:ATTEMPTS_SHOWN])
    total = mine.count() if len(attempts) == ATTEMPTS_SHOWN else len(attempts)
    for attempt in attempts:
        attempt.quiz = quiz  # read already: `passed` takes its pass mark, with no query each
    context = {
        "quiz": quiz,
        "access": assignments.access(quiz, request.user),
        "attempts": attempts,
        "attempts_total": total,
        # An unfinished attempt is the learner's latest: no other can start while it is open.
        "open_attempt": next((a for a in attempts if not a.is_finished), None),
        "attempts_left": taking.attempts_left(quiz, request.user, used=total),
        "question_count": quiz.draw or quiz.entries.count(),
        "practice_languages": Quiz.Language.choices if quiz.owner_id is None else [],
        "chosen_language": taking.practice_language(quiz, request.user.practice_language),
    }
    return render(request, "quizzes/quiz_detail.html", context)


@login_required
@require_POST
def quiz_start(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Signed-in users: start an attempt, or resume the unfinished one (a second tab, a double
    click). A practice quiz is asked in the `language` posted, remembered for the learner's
    next one. Redirects to the first unanswered question (_first_question)."""
    quiz = get_quiz_for_user(request.user, pk)
    language = request.POST.get("language", "")
    if quiz.owner_id is None and language in Quiz.Language.values:
        _remember_practice_language(request.user, language)
    try:
        attempt = taking.start_attempt(quiz, request.user, language=language)
    except taking.QuizUnavailable as refusal:
        messages.error(request, UNAVAILABLE[refusal.code]())
        return redirect(quiz)
    return _first_question(attempt)


def _first_question(attempt: Attempt) -> HttpResponse:
    """A redirect to the first question of an attempt just started, with no stop at
    attempt_resume (one round trip less on a phone); to attempt_resume for one resumed, which
    knows where the learner stopped."""
    if attempt.resumed:
        return redirect("quizzes:attempt", pk=attempt.pk)
    return redirect("quizzes:attempt_item", pk=attempt.pk, position=1)


def _remember_practice_language(user, language: str) -> None:
    if user.practice_language != language:
        user.practice_language = language
        user.save(update_fields=["practice_language"])


@login_required
@require_GET
def attempt_resume(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The attempt's learner: go to where they stopped, or to the results when it is over."""
    attempt = _get_attempt_for_user(request, pk)
    if not attempt.is_finished and attempt.time_is_up():
        taking.finish_attempt(attempt)
    item = None
    if not attempt.is_finished:
        item = attempt.items.filter(answered_at__isnull=True).only("position").first()
        if item is None:
            # Every question answered but the attempt still open: finish it here, so that the
            # question pages (which send an answered question of an end-feedback quiz here) and
            # the results page (which sends an open attempt here) can never go round in circles.
            taking.finish_attempt(attempt)
    if attempt.is_finished:
        return redirect("quizzes:attempt_results", pk=attempt.pk)
    return redirect("quizzes:attempt_item", pk=attempt.pk, position=item.position)


def _terms(item: AttemptItem) -> term_index.TermIndex:
    """The index of the item's document's terms (cached by document version; the version is
    read when the item came without it, as on the question page of an answered question)."""
    version = getattr(item, "document_version", None)
    return term_index.for_document(item.attempt.quiz.document_id, version)


def _card_context(
    item: AttemptItem,
    *,
    error: str = "",
    late: bool = False,
    unanswered: tuple[int, ...] | None = None,
) -> dict:
    """unanswered: the attempt's other unanswered positions when the caller read them already
    (taking.Recorded), so that progress and the way on need no query."""
    attempt = item.attempt
    shown = item.is_answered and attempt.quiz.feedback == Quiz.Feedback.IMMEDIATE
    return {
        "attempt": attempt,
        "item": item,
        "question": item.question,
        "prompt": (item.prompt_question or item.question).prompt,
        "progress": taking.progress(
            attempt, unanswered, answered=getattr(item, "answered_count", None)
        ),
        "next_position": taking.next_position(item, unanswered) if item.is_answered else None,
        "feedback": feedback(item, _terms(item)) if shown else None,
        "error": error,
        "late": late,
    }


def _card(request: HtmxHttpRequest, context: dict) -> HttpResponse:
    """The question card alone for htmx, else the quiz page around it. Only the answer form
    takes the CSRF token: a card with its feedback (after every answer) neither masks one nor
    renews the token's cookie."""
    html = question_card(context, lambda: get_token(request))
    return render_part(request, html, TAKE, context, name="card")


@login_required
@require_GET
def attempt_item(request: HtmxHttpRequest, pk: int, position: int) -> HttpResponse:
    """The attempt's learner: one question (or its feedback once answered). htmx requests get
    the question card alone (fragments.question_card), others the page around it
    (quizzes/take.html)."""
    item = _get_item_for_user(request, pk, position)
    attempt = item.attempt
    if not attempt.is_finished and attempt.time_is_up():
        taking.finish_attempt(attempt)
    if attempt.is_finished:
        return _redirect(request, reverse("quizzes:attempt_results", args=[attempt.pk]))
    if item.is_answered and attempt.quiz.feedback == Quiz.Feedback.END:
        return _redirect(request, reverse("quizzes:attempt", args=[attempt.pk]))
    return _card(request, _card_context(item))


def _redirect(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """A redirect that htmx follows as a full page load (results, or the next question)."""
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@login_required
@require_POST
def attempt_answer(request: HtmxHttpRequest, pk: int, position: int) -> HttpResponse:
    """The attempt's learner: answer the question at `position` (the one the form names, even
    if another tab has moved on). Recorded once; a repeat shows the recorded answer; an answer
    to a finished attempt is refused with a message (taking.record_answer decides, under the
    attempt's lock). Redirects (htmx: the question card with its feedback)."""
    item = _get_item_for_user(request, pk, position, _ITEM_ANSWER)
    attempt = item.attempt
    if attempt.is_finished:
        messages.warning(request, _refused())
        return _redirect(request, reverse("quizzes:attempt_results", args=[attempt.pk]))
    try:
        response = taking.read_response(item, request.POST)
    except taking.InvalidResponse as problem:
        if request.htmx:
            context = _card_context(item, error=INVALID[problem.code]())
            return _card(request, context)
        messages.error(request, INVALID[problem.code]())
        return redirect("quizzes:attempt_item", pk=attempt.pk, position=position)
    try:
        recorded = taking.record_answer(item, response, terms=_terms(item))
    except DatabaseError:
        # Nothing was stored (the transaction rolled back): say so, and keep the question.
        logger.exception("answer to attempt %s, question %s not recorded", pk, position)
        message = _("Your answer could not be saved. Nothing was recorded: please send it again.")
        if request.htmx:
            context = _card_context(item, error=message)
            return _card(request, context)
        messages.error(request, message)
        return redirect("quizzes:attempt_item", pk=attempt.pk, position=position)
    if recorded.refused:
        messages.warning(request, _refused())
        return _redirect(request, reverse("quizzes:attempt_results", args=[attempt.pk]))
    if recorded.late:
        messages.warning(request, _("Time is up: answers after the time limit are not counted."))
        return _redirect(request, reverse("quizzes:attempt_results", args=[attempt.pk]))
    if attempt.quiz.feedback == Quiz.Feedback.END:
        if recorded.finished or attempt.is_finished:
            return _redirect(request, reverse("quizzes:attempt_results", args=[attempt.pk]))
        return _redirect(request, reverse("quizzes:attempt", args=[attempt.pk]))
    if request.htmx:
        context = _card_context(recorded.item, unanswered=recorded.unanswered)
        return _card(request, context)
    return redirect("quizzes:attempt_item", pk=attempt.pk, position=position)


@login_required
@require_POST
def attempt_finish(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The attempt's learner: stop now; unanswered questions score 0."""
    attempt = _get_attempt_for_user(request, pk)
    taking.finish_attempt(attempt)
    return redirect("quizzes:attempt_results", pk=attempt.pk)


@login_required
@require_GET
def attempt_results(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The attempt's learner, once it is finished: the score, each question with their answer,
    the right one and its source. Template: quizzes/results.html."""
    attempt = _get_attempt_for_user(request, pk)
    if not attempt.is_finished:
        if not attempt.time_is_up():
            return redirect("quizzes:attempt", pk=attempt.pk)
        taking.finish_attempt(attempt)
    items = list(attempt.items.select_related("question", "prompt_question"))
    terms = term_index.for_document(attempt.quiz.document_id, attempt.quiz.document.updated_at)
    rows = [
        {
            "item": item,
            "prompt": (item.prompt_question or item.question).prompt,
            "shown": item.prompt_question or item.question,
            "feedback": feedback(item, terms),
        }
        for item in items
    ]
    missed = sum(1 for item in items if not item.correct)
    context = {"attempt": attempt, "quiz": attempt.quiz, "rows": rows, "missed": missed}
    return render(request, "quizzes/results.html", context)


@login_required
@require_POST
def attempt_practise(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The attempt's learner, once it is finished: a short quiz of the questions they missed
    (quizzes.missed, theirs alone), started at once, with their facts' cards sent to the front
    of the review queue. Nothing missed: back to the results with a message."""
    attempt = _get_attempt_for_user(request, pk)
    if not attempt.is_finished:
        raise Http404
    practice = missed.practise_missed(attempt)
    if practice.quiz is None:
        messages.info(request, _("Nothing to practise: you missed no question."))
        return redirect("quizzes:attempt_results", pk=attempt.pk)
    if practice.cards:
        messages.success(
            request,
            _("The cards for what you missed are now first in your review queue."),
        )
    try:
        again = taking.start_attempt(practice.quiz, request.user)
    except taking.QuizUnavailable as refusal:
        messages.error(request, UNAVAILABLE[refusal.code]())
        return redirect(practice.quiz)
    return _first_question(again)
