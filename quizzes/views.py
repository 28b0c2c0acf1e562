"""Learner-facing pages: the home page (assignments first, then classes and documents)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from content.models import Document
from quizzes import assignments
from quizzes.progress.stats import summary


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Any signed-in user: today's cards and streak, their assignments first (open ones by due
    date, then those to come, each with their best score), their classes and the documents to
    study. Template: home.html. Context: summary, assignments (quizzes.assignments.HomeAssignments,
    None for a teacher), classes, documents. A fixed number of queries, whatever the number of
    classes, assignments and reviews."""
    user = request.user
    if user.is_teacher:
        classes, assigned = user.taught_classes.all(), None
    else:
        classes, assigned = user.classes.select_related("teacher"), assignments.for_learner(user)
    documents = Document.objects.listed_for(request.user).only(
        "slug", "title_zh", "title_vi", "published", "hidden"
    )
    context = {
        "summary": summary(user, timezone.now()),
        "classes": classes,
        "documents": documents,
        "assignments": assigned,
    }
    return render(request, "home.html", context)
