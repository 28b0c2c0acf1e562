from django.urls import path

from quizzes.teaching import (
    views,
    views_assign,
    views_documents,
    views_interchange,
    views_quizzes,
    views_statistics,
)

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
    path("quizzes/", views_quizzes.quiz_list, name="quizzes"),
    path("quizzes/new/", views_quizzes.quiz_create, name="quiz_create"),
    path("quizzes/<int:pk>/", views_quizzes.quiz_build, name="quiz"),
    path("quizzes/<int:pk>/settings/", views_quizzes.quiz_settings, name="quiz_settings"),
    path("quizzes/<int:pk>/status/", views_quizzes.quiz_status, name="quiz_status"),
    path("quizzes/<int:pk>/questions/add/", views_quizzes.quiz_add, name="quiz_add"),
    path("quizzes/<int:pk>/questions/rule/", views_quizzes.quiz_rule, name="quiz_rule"),
    path(
        "quizzes/<int:pk>/questions/<int:question>/remove/",
        views_quizzes.quiz_remove,
        name="quiz_remove",
    ),
    path(
        "quizzes/<int:pk>/questions/<int:question>/move/",
        views_quizzes.quiz_move,
        name="quiz_move",
    ),
    path(
        "quizzes/<int:pk>/statistics/",
        views_statistics.quiz_statistics,
        name="quiz_statistics",
    ),
    path(
        "quizzes/<int:pk>/statistics.csv",
        views_statistics.quiz_statistics_csv,
        name="quiz_statistics_csv",
    ),
    path(
        "quizzes/<int:pk>/responses.csv",
        views_statistics.quiz_responses_csv,
        name="quiz_responses_csv",
    ),
    path(
        "documents/<slug:slug>/report/",
        views_documents.document_report_view,
        name="document_report",
    ),
    path(
        "documents/<slug:slug>/manage/",
        views_documents.document_manage,
        name="document_manage",
    ),
    path(
        "documents/<slug:slug>/delete/",
        views_documents.document_delete,
        name="document_delete",
    ),
    path(
        "documents/<slug:slug>/restore/",
        views_documents.document_restore,
        name="document_restore",
    ),
    path("assignments/new/", views_assign.assignment_create, name="assignment_create"),
    path("assignments/<int:pk>/delete/", views_assign.assignment_delete, name="assignment_delete"),
]
