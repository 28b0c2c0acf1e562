"""The quizzes app's pages (namespace "quizzes"): the home page, taking quizzes, Anki decks and
their exports, and classes (mounted at the site's root, so the paths below are what users see)."""

from django.urls import path

from quizzes.views import anki, classes, home, take

app_name = "quizzes"
urlpatterns = [
    path("", home.home, name="home"),
    path("documents/<slug:slug>/anki/", anki.document_deck, name="document_deck"),
    path(
        "documents/<slug:slug>/anki/export/",
        anki.start_document_export,
        name="start_document_export",
    ),
    path("exports/<int:pk>/", anki.export_status, name="export_status"),
    path("exports/<int:pk>/download/", anki.export_download, name="export_download"),
    path("quizzes/", take.quiz_list, name="quiz_list"),
    path("quizzes/<int:pk>/", take.quiz_detail, name="quiz"),
    path("quizzes/<int:pk>/start/", take.quiz_start, name="quiz_start"),
    path("quizzes/<int:pk>/anki/", anki.quiz_deck, name="quiz_deck"),
    path("quizzes/<int:pk>/anki/export/", anki.start_quiz_export, name="start_quiz_export"),
    path("classes/", classes.class_list, name="class_list"),
    path("classes/new/", classes.class_create, name="class_create"),
    path("classes/join/", classes.class_join, name="class_join"),
    path("classes/join/<str:code>/", classes.class_join_link, name="class_join_link"),
    path("classes/<int:pk>/", classes.class_detail, name="class_detail"),
    path("classes/<int:pk>/rename/", classes.class_rename, name="class_rename"),
    path("classes/<int:pk>/code/", classes.class_new_code, name="class_new_code"),
    path(
        "classes/<int:pk>/students/<int:user_pk>/remove/",
        classes.class_remove_student,
        name="class_remove_student",
    ),
    path(
        "classes/<int:pk>/students/<int:user_pk>/password/",
        classes.class_student_password,
        name="class_student_password",
    ),
    path("classes/<int:pk>/leave/", classes.class_leave, name="class_leave"),
    path("classes/<int:pk>/anki/", anki.class_deck, name="class_deck"),
    path("classes/<int:pk>/anki/export/", anki.start_class_export, name="start_class_export"),
    path("my-cards/anki/", anki.my_cards_deck, name="my_cards_deck"),
    path("my-cards/anki/export/", anki.start_my_cards_export, name="start_my_cards_export"),
    path("attempts/<int:pk>/", take.attempt_resume, name="attempt"),
    path("attempts/<int:pk>/<int:position>/", take.attempt_item, name="attempt_item"),
    path(
        "attempts/<int:pk>/<int:position>/answer/",
        take.attempt_answer,
        name="attempt_answer",
    ),
    path("attempts/<int:pk>/finish/", take.attempt_finish, name="attempt_finish"),
    path("attempts/<int:pk>/results/", take.attempt_results, name="attempt_results"),
    path("attempts/<int:pk>/practise/", take.attempt_practise, name="attempt_practise"),
]
