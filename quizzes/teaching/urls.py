from django.urls import path

from quizzes.teaching import views, views_interchange

app_name = "teach"
urlpatterns = [
    path("questions/", views.question_list, name="questions"),
    path("questions/bulk/", views.question_bulk, name="question_bulk"),
    path("questions/new/", views.question_new, name="question_new"),
    path("questions/new/<slug:slug>/<str:qtype>/", views.question_create, name="question_create"),
    path(
        "questions/preview/<slug:slug>/<str:qtype>/",
        views.question_preview,
        name="question_preview",
    ),
    path("questions/<int:pk>/", views.question_edit, name="question_edit"),
    path("questions/<int:pk>/status/", views.question_status, name="question_status"),
    path("questions/import/", views_interchange.question_import, name="question_import"),
    path(
        "questions/export.gift",
        views_interchange.question_export,
        {"fmt": "gift"},
        name="question_export_gift",
    ),
    path(
        "questions/export.xml",
        views_interchange.question_export,
        {"fmt": "xml"},
        name="question_export_xml",
    ),
]
