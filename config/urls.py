"""URL routes: the admin, the language switcher, accounts, classes, content, the teacher's
area, flashcards and quizzes."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("documents/", include("content.urls")),
    path("teach/", include("quizzes.teaching.urls")),
    path("classes/", include("accounts.urls_classes")),
    path("cards/", include("quizzes.flashcards.urls")),
    path("progress/", include("quizzes.progress.urls")),
    path("", include("quizzes.urls")),
]
