"""Settings for bench/bench_load.py only: the project's settings, plus the floor view's URL
(bench/urls_load.py) and a middleware that reports each request's query count in a header. The
product never loads this module. bench_load serves it with DEBUG off, as in production, but over
plain http and with static files found where they are rather than collected."""

from config.settings import *  # noqa: F403
from config.settings import MIDDLEWARE, STORAGES

ROOT_URLCONF = "bench.urls_load"
# Outermost, so that it counts every query of the request, the session's and the user's too.
MIDDLEWARE = ["bench.urls_load.count_queries", *MIDDLEWARE]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
