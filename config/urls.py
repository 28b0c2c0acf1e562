"""URL routes: the admin, the language switcher, accounts, classes, content, the teacher's
area, flashcards and quizzes."""

from django.contrib import admin
from django.urls import include, path

from accounts import views as accounts_views

urlpatterns = [
    path("admin/", admin.site.urls),
    # Django's switcher, also saving a signed-in user's choice on their account.
    path("i18n/setlang/", accounts_views.set_language, name="set_language"),
    path("accounts/", include("accounts.urls")),
    path("documents/", include("content.urls")),
    path("teach/", include("quizzes.teaching.urls")),
    path("classes/", include("accounts.urls_classes")),
    path("cards/", include("flashcards.urls")),
    path("progress/", include("quizzes.progress.urls")),
    path("", include("quizzes.urls")),
]
