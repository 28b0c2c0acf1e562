"""URLs for bench/bench_load.py only: the project's URLs plus Django's floor, a signed-in view
that returns "ok" through the project's whole middleware stack; and the middleware that puts
each response's query count in an X-Queries header (bench/settings_load.py adds it)."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.urls import include, path


@login_required
def floor(request):
    """Signed-in users: "ok" (the session and the user are read, as by every learner page)."""
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
    path("", include("config.urls")),
]
