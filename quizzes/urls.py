from django.urls import path

from quizzes import views, views_anki, views_take

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/<slug:slug>/anki/", views_anki.document_deck, name="document_deck"),
    path(
        "documents/<slug:slug>/anki/export/",
        views_anki.start_document_export,
        name="start_document_export",
    ),
    path("exports/<int:pk>/", views_anki.export_status, name="export_status"),
    path("exports/<int:pk>/download/", views_anki.export_download, name="export_download"),
    path("quizzes/", views_take.quiz_list, name="quiz_list"),
    path("quizzes/<int:pk>/", views_take.quiz_detail, name="quiz"),
    path("quizzes/<int:pk>/start/", views_take.quiz_start, name="quiz_start"),
    path("quizzes/<int:pk>/anki/", views_anki.quiz_deck, name="quiz_deck"),
    path("quizzes/<int:pk>/anki/export/", views_anki.start_quiz_export, name="start_quiz_export"),
    path("classes/<int:pk>/anki/", views_anki.class_deck, name="class_deck"),
    path("classes/<int:pk>/anki/export/", views_anki.start_class_export, name="start_class_export"),
    path("my-cards/anki/", views_anki.my_cards_deck, name="my_cards_deck"),
    path("my-cards/anki/export/", views_anki.start_my_cards_export, name="start_my_cards_export"),
    path("attempts/<int:pk>/", views_take.attempt_resume, name="attempt"),
    path("attempts/<int:pk>/<int:position>/", views_take.attempt_item, name="attempt_item"),
    path(
        "attempts/<int:pk>/<int:position>/answer/",
        views_take.attempt_answer,
        name="attempt_answer",
    ),
    path("attempts/<int:pk>/finish/", views_take.attempt_finish, name="attempt_finish"),
    path("attempts/<int:pk>/results/", views_take.attempt_results, name="attempt_results"),
    path("attempts/<int:pk>/practise/", views_take.attempt_practise, name="attempt_practise"),
]
