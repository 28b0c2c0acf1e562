from django.urls import path

from quizzes import views, views_anki

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/<slug:slug>/anki/", views_anki.document_deck, name="document_deck"),
]
