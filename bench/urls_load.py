"""URLs for bench/bench_load.py only: the project's URLs plus Django's floor, a signed-in view
that returns "ok" through the project's whole middleware stack; the rewind view, which makes a
learner's cards due again; and the middleware that puts each response's query count in an
X-Queries header (bench/settings_load.py adds it)."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.urls import include, path
from django.utils import timezone

from flashcards.models import LearnerCard


@login_required
def floor(request):
    """Signed-in users: "ok" (the session and the user are read, as by every learner page)."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
def rewind(request):
    """Signed-in users: every card of theirs due a minute ago. A learner who reviews without
    pause gets through a document's cards in seconds (a rated card is next due minutes later at
    the soonest), so the review phase rewinds them rather than measure "nothing due" pages."""
    LearnerCard.objects.filter(user=request.user).update(due=timezone.now() - timedelta(minutes=1))
    return HttpResponse("ok", content_type="text/plain")


def count_queries(get_response):
    def middleware(request):
        count = 0

        def counted(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            response = get_response(request)
        response["X-Queries"] = str(count)
        return response

    return middleware


urlpatterns = [
    path("bench/floor/", floor),
    path("bench/rewind/", rewind),
    path("", include("config.urls")),
]
