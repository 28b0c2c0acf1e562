"""Learner-facing pages: the home page for now; quiz taking and review grow here."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from content.models import Document
from quizzes.progress.stats import summary


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Any signed-in user: today's cards and streak, their classes and the documents to study.
    Template: home.html; context: summary, classes, documents."""
    user = request.user
    classes = (
        user.taught_classes.all() if user.is_teacher else user.classes.select_related("teacher")
    )
    documents = Document.objects.only("slug", "title_zh", "title_vi", "published")
    context = {"summary": summary(user, timezone.now()), "classes": classes, "documents": documents}
    return render(request, "home.html", context)
