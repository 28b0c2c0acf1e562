"""Anki deck downloads: small decks straight away, large ones through a background export job.

A document's deck is built during the request when it has at most
settings.ANKI_DIRECT_EXPORT_MAX_NOTES notes (a second or less). A larger one would hold a
request thread for as long as it takes, so the download link leads to a page offering to build
it in the background (quizzes.anki.jobs); its status page polls with htmx (or a reload without
JavaScript) and offers the file to its owner, and only to them, once built.
"""

import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from accounts import access
from accounts.models import Classroom
from config.htmx import HtmxHttpRequest, render_page
from content.access import documents_for
from quizzes.access import export_jobs_of, get_quiz_for_user
from quizzes.anki import classes, documents, jobs, learners, quizzes
from quizzes.models import ExportJob

APKG = "application/apkg"


def _deck_or_offer(
    request: HtmxHttpRequest, *, notes, write, filename, title, back_url, start_url
) -> HttpResponse:
    """The deck as an .apkg attachment when it is small, else the page offering to build it in
    the background."""
    if notes > settings.ANKI_DIRECT_EXPORT_MAX_NOTES:
        context = {"notes": notes, "title": title, "back_url": back_url, "start_url": start_url}
        return render(request, "quizzes/export_start.html", context)
    buffer = io.BytesIO()
    write(buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=filename, content_type=APKG)


def _start(request: HtmxHttpRequest, kind: str, target: str, filename: str) -> HttpResponse:
    try:
        job = jobs.start(request.user, kind, target, filename)
    except jobs.TooManyJobs as refused:
        # Refused with the reason, on the page of an export already running.
        messages.error(
            request,
            ngettext(
                "You already have %(count)s export being built. Wait until it is finished, "
                "then start this one again.",
                "You already have %(count)s exports being built. Wait until one of them is "
                "finished, then start this one again.",
                refused.limit,
            )
            % {"count": refused.limit},
        )
        running = jobs.active_jobs(request.user)
        # (none when one finished in the meantime: the learner may simply start again)
        url = running[0].get_absolute_url() if running else reverse("quizzes:home")
        if request.htmx:
            return HttpResponseClientRedirect(url)
        return redirect(url)
    if request.htmx:
        response = _status(request, job)
        response["HX-Push-Url"] = job.get_absolute_url()
        return response
    return redirect(job)


@login_required
@require_GET
def document_deck(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Any signed-in user: the document's deck as an .apkg attachment when it is small, else the
    page offering to build it; its questions are only those whose key they may already see
    (quizzes.access). Template: quizzes/export_start.html (notes, title, back_url,
    start_url)."""
    document = get_object_or_404(documents_for(request.user), slug=slug)
    return _deck_or_offer(
        request,
        notes=documents.note_estimate(document, for_user=request.user),
        write=lambda buffer: documents.export_document(document, buffer, for_user=request.user),
        filename=f"{document.slug}.apkg",
        title=str(document),
        back_url=document.get_absolute_url(),
        start_url=reverse("quizzes:start_document_export", args=[document.slug]),
    )


@login_required
@require_POST
def start_document_export(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Any signed-in user: start building the document's deck (or find the build already
    running) and go to its status page; htmx gets that page's status region."""
    document = get_object_or_404(documents_for(request.user), slug=slug)
    return _start(request, ExportJob.Kind.DOCUMENT, document.slug, f"{document.slug}.apkg")


@login_required
@require_GET
def quiz_deck(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Whoever may see the quiz (published, or its owner's draft): its deck, as for a document.
    Template: quizzes/export_start.html when the deck is large."""
    quiz = get_quiz_for_user(request.user, pk)
    return _deck_or_offer(
        request,
        notes=quizzes.note_estimate(quiz, for_user=request.user),
        write=lambda buffer: quizzes.export_quiz(quiz, buffer, for_user=request.user),
        filename=f"quiz-{quiz.pk}.apkg",
        title=quiz.title,
        back_url=quiz.get_absolute_url(),
        start_url=reverse("quizzes:start_quiz_export", args=[quiz.pk]),
    )


@login_required
@require_POST
def start_quiz_export(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Whoever may see the quiz: build its deck in the background."""
    quiz = get_quiz_for_user(request.user, pk)
    return _start(request, ExportJob.Kind.QUIZ, str(quiz.pk), f"quiz-{quiz.pk}.apkg")


def _get_class_for_member(request: HtmxHttpRequest, pk: int) -> Classroom:
    """A class the user teaches or studies in; 404 otherwise."""
    return get_object_or_404(access.classes_of(request.user), pk=pk)


@login_required
@require_GET
def class_deck(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The class's teacher and its students: the deck of the quizzes assigned to the class (those
    that have opened), as for a document. Template: quizzes/export_start.html when large."""
    classroom = _get_class_for_member(request, pk)
    back = classroom.get_absolute_url() if classroom.teacher_id == request.user.pk else None
    return _deck_or_offer(
        request,
        notes=classes.note_estimate(classroom, for_user=request.user),
        write=lambda buffer: classes.export_class(classroom, buffer, for_user=request.user),
        filename=f"class-{classroom.pk}.apkg",
        title=classroom.name,
        back_url=back or reverse("quizzes:class_list"),
        start_url=reverse("quizzes:start_class_export", args=[classroom.pk]),
    )


@login_required
@require_POST
def start_class_export(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The class's teacher and its students: build its deck in the background."""
    classroom = _get_class_for_member(request, pk)
    filename = f"class-{classroom.pk}.apkg"
    return _start(request, ExportJob.Kind.CLASS, str(classroom.pk), filename)


MY_CARDS_FILE = "dongxi-my-cards.apkg"


@login_required
@require_GET
def my_cards_deck(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user: the deck of the terms and facts behind their own flashcards (there is
    no id in the URL: nobody gets another learner's), as for a document; with no flashcards yet,
    the decks page says so. Template: quizzes/export_start.html when the deck is large."""
    notes = learners.note_estimate(request.user)
    if not notes:
        messages.info(request, _("You have no flashcards yet: study a document first."))
        return redirect("flashcards:decks")
    return _deck_or_offer(
        request,
        notes=notes,
        write=lambda buffer: learners.export_learner(request.user, buffer),
        filename=MY_CARDS_FILE,
        title=_("My cards"),
        back_url=reverse("progress:dashboard"),
        start_url=reverse("quizzes:start_my_cards_export"),
    )


@login_required
@require_POST
def start_my_cards_export(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user: build the deck of their own flashcards in the background."""
    return _start(request, ExportJob.Kind.LEARNER, str(request.user.pk), MY_CARDS_FILE)


def _get_job_for_user(request: HtmxHttpRequest, pk: int) -> ExportJob:
    """The user's own export job; 404 for anyone else's."""
    return get_object_or_404(export_jobs_of(request.user), pk=pk)


def _status(request: HtmxHttpRequest, job: ExportJob) -> HttpResponse:
    return render_page(request, "quizzes/export_status.html", {"job": job}, partial="status")


@login_required
@require_GET
def export_status(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The job's owner: where the export stands, and the download once built.
    Template: quizzes/export_status.html (job); htmx polls its #status partial."""
    return _status(request, _get_job_for_user(request, pk))


@login_required
@require_GET
def export_download(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The job's owner: the built .apkg; the status page while it is not built yet."""
    job = _get_job_for_user(request, pk)
    if not job.is_ready:
        return redirect(job)
    content = jobs.open_file(job)  # from the shared exports storage: any instance serves it
    if content is None:
        raise Http404("The export's file was removed.")
    return FileResponse(content, as_attachment=True, filename=job.filename, content_type=APKG)
