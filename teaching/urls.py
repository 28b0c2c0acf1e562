from django.urls import path

from teaching.views import assignments, documents, interchange, questions, quizzes, statistics

app_name = "teaching"
urlpatterns = [
    path("questions/", questions.question_list, name="questions"),
    path("questions/bulk/", questions.question_bulk, name="question_bulk"),
    path("questions/new/", questions.question_new, name="question_new"),
    path(
        "questions/new/<slug:slug>/<str:qtype>/", questions.question_create, name="question_create"
    ),
    path(
        "questions/preview/<slug:slug>/<str:qtype>/",
        questions.question_preview,
        name="question_preview",
    ),
    path("questions/<int:pk>/", questions.question_edit, name="question_edit"),
    path("questions/<int:pk>/status/", questions.question_status, name="question_status"),
    path("questions/import/", interchange.question_import, name="question_import"),
    path(
        "questions/export.gift",
        interchange.question_export,
        {"fmt": "gift"},
        name="question_export_gift",
    ),
    path(
        "questions/export.xml",
        interchange.question_export,
        {"fmt": "xml"},
        name="question_export_xml",
    ),
    path("quizzes/", quizzes.quiz_list, name="quizzes"),
    path("quizzes/new/", quizzes.quiz_create, name="quiz_create"),
    path("quizzes/<int:pk>/", quizzes.quiz_build, name="quiz"),
    path("quizzes/<int:pk>/settings/", quizzes.quiz_settings, name="quiz_settings"),
    path("quizzes/<int:pk>/status/", quizzes.quiz_status, name="quiz_status"),
    path("quizzes/<int:pk>/questions/add/", quizzes.quiz_add, name="quiz_add"),
    path("quizzes/<int:pk>/questions/rule/", quizzes.quiz_rule, name="quiz_rule"),
    path(
        "quizzes/<int:pk>/questions/<int:question>/remove/",
        quizzes.quiz_remove,
        name="quiz_remove",
    ),
    path(
        "quizzes/<int:pk>/questions/<int:question>/move/",
        quizzes.quiz_move,
        name="quiz_move",
    ),
    path(
        "quizzes/<int:pk>/statistics/",
        statistics.quiz_statistics,
        name="quiz_statistics",
    ),
    path(
        "quizzes/<int:pk>/statistics.csv",
        statistics.quiz_statistics_csv,
        name="quiz_statistics_csv",
    ),
    path(
        "quizzes/<int:pk>/responses.csv",
        statistics.quiz_responses_csv,
        name="quiz_responses_csv",
    ),
    path(
        "documents/<slug:slug>/report/",
        documents.document_report_view,
        name="document_report",
    ),
    path(
        "documents/<slug:slug>/manage/",
        documents.document_manage,
        name="document_manage",
    ),
    path(
        "documents/<slug:slug>/delete/",
        documents.document_delete,
        name="document_delete",
    ),
    path(
        "documents/<slug:slug>/restore/",
        documents.document_restore,
        name="document_restore",
    ),
    path("assignments/new/", assignments.assignment_create, name="assignment_create"),
    path("assignments/<int:pk>/delete/", assignments.assignment_delete, name="assignment_delete"),
]
