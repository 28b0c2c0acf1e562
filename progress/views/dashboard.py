"""Progress pages: a learner's dashboard, and a teacher's view of one of their classes.

A learner sees only their own figures; a class is seen only by the teacher who owns it (404 for
anyone else, other teachers included). Everything is computed in progress.stats; the
charts are drawn in the browser (static/js/dashboard.js) from data passed with json_script, and
each has a text equivalent in the page, so the pages work without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts import access
from accounts.access import teacher_required
from accounts.models import Classroom
from config.htmx import HtmxHttpRequest, render_page, wants_partial
from content.access import documents_for
from content.models import Document
from progress import figures, stats
from progress.views import fragments
from quizzes import csvsafe, taking


def _get_classroom_for_teacher(request: HtmxHttpRequest, pk: int) -> Classroom:
    classes = access.classes_taught_by(request.user).select_related("teacher")
    return get_object_or_404(classes, pk=pk)


def _mastery_context(
    request: HtmxHttpRequest, documents: list[Document], mastery: dict, default_id: int | None
) -> dict:
    """The document named by `?document=slug` (else the one worked on last, else the first) and
    its paragraphs with their mastery (and their HTML: progress.views.fragments)."""
    by_slug = {d.slug: d for d in documents}
    by_id = {d.pk: d for d in documents}
    document = by_slug.get(request.GET.get("document", "")) or by_id.get(default_id)
    document = document or (documents[0] if documents else None)
    paragraphs = stats.paragraphs(document, mastery) if document else []
    return {
        "documents": documents,
        "document": document,
        "paragraphs": paragraphs,
        "paragraphs_html": fragments.paragraphs_html(paragraphs),
        "document_options": fragments.document_options(documents, document),
    }


def _chart_data(progress: stats.LearnerProgress) -> dict:
    """What dashboard.js draws: plain lists, dates as ISO strings."""
    history = [
        {"date": a.finished_at.isoformat(), "title": a.quiz.title, "percent": a.percent}
        for a in reversed(progress.attempts)
    ]
    return {
        "quizzes": history,
        "forecast": [[day.isoformat(), n] for day, n in progress.cards.forecast],
        "year": [[day.isoformat(), n] for day, n in progress.cards.year],
        "labels": {"score": _("Score (%)"), "due": _("Cards due"), "reviews": _("Reviews")},
    }


@login_required
@require_GET
def dashboard(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user: their own progress; `?document=slug` picks the document shown with
    its paragraphs tinted by mastery (an htmx request gets that part alone). Template:
    progress/dashboard.html (partial mastery); context: progress, cards, chart_data, documents,
    document, paragraphs, classes, and the HTML of loops made in progress.views.fragments:
    document_options, paragraphs_html, retention_rows, weak_facts_html, attempt_rows,
    forecast_rows, month_rows."""
    now = timezone.now()
    documents = list(documents_for(request.user).only("slug", "title_vi", "title_zh", "updated_at"))
    if wants_partial(request):
        mastery = stats.masteries([request.user.pk], now)[request.user.pk]
        context = _mastery_context(request, documents, mastery, None)
    else:
        progress = stats.learner_progress(request.user, now)
        context = _mastery_context(request, documents, progress.mastery, progress.last_document_id)
        context |= {
            "progress": progress,
            "cards": progress.cards,
            "chart_data": _chart_data(progress),
            "retention_rows": fragments.retention_rows(progress.cards.retention_rows),
            "weak_facts_html": fragments.weak_facts_html(progress.weakest),
            "attempt_rows": fragments.attempt_rows(progress.attempts),
            "forecast_rows": fragments.day_rows(progress.cards.forecast, "SHORT_DATE_FORMAT"),
            "month_rows": fragments.day_rows(
                figures.monthly_totals(progress.cards.year), "YEAR_MONTH_FORMAT"
            ),
            "classes": access.classes_taught_by(request.user) if request.user.is_teacher else [],
        }
    return render_page(request, "progress/dashboard.html", context, partial="mastery")


@login_required
@require_POST
def practise_weakest(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user: bring the flashcards of their weakest facts to the front of their
    review queue (quizzes.taking.bring_missed_forward), then back to the dashboard."""
    fact_ids = stats.weakest_fact_ids(request.user, timezone.now())
    if not fact_ids:
        messages.info(request, _("Nothing to practise yet: no fact is weak."))
        return redirect("progress:dashboard")
    brought = taking.bring_missed_forward(request.user, fact_ids)
    if brought:
        messages.success(
            request,
            ngettext(
                "%(n)d card is now first in your review queue.",
                "%(n)d cards are now first in your review queue.",
                brought,
            )
            % {"n": brought},
        )
    else:
        messages.info(
            request,
            _("You have no flashcards for these facts yet: study their document's cards first."),
        )
    return redirect("progress:dashboard")


@teacher_required
@require_GET
def class_progress(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The class's teacher: each student's activity, mastery and quiz scores, and the facts the
    class knows least. Template: progress/class.html; context: classroom, progress."""
    classroom = _get_classroom_for_teacher(request, pk)
    progress = stats.class_progress(classroom, timezone.now())
    return render(request, "progress/class.html", {"classroom": classroom, "progress": progress})


@teacher_required
@require_GET
def class_progress_csv(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The class's teacher: the class view's student table as CSV (UTF-8 with a byte order
    mark, so spreadsheet programs read Chinese and Vietnamese names right)."""
    classroom = _get_classroom_for_teacher(request, pk)
    progress = stats.class_progress(classroom, timezone.now())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="class-{classroom.pk}-progress.csv"'
    response.write("\ufeff")
    writer = csvsafe.writer(response)
    for row in stats.class_csv_rows(progress):
        writer.writerow(row)
    return response
