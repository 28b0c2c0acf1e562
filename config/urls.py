"""URL routes: the admin, the language switcher, accounts, content, the teacher's area,
flashcards, progress and quizzes (with classes, under /classes/)."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # /accounts/… and the language switcher at /i18n/setlang/
    path("", include("accounts.urls")),
    path("documents/", include("content.urls")),
    path("teach/", include("teaching.urls")),
    path("cards/", include("flashcards.urls")),
    path("progress/", include("progress.urls")),
    path("", include("quizzes.urls")),
]
