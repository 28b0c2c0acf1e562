"""URL routes: the admin, the language switcher, accounts, content and quizzes."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("documents/", include("content.urls")),
    path("progress/", include("quizzes.progress.urls")),
    path("", include("quizzes.urls")),
]
