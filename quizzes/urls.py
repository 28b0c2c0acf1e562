from django.urls import path

from quizzes import views, views_anki

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
]
