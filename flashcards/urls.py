from django.urls import path

from flashcards import views

app_name = "flashcards"
urlpatterns = [
    path("", views.decks, name="decks"),
    path("settings/", views.review_settings, name="settings"),
    path("study/<slug:slug>/", views.study, name="study"),
    path("review/", views.review, name="review"),
    path("review/<slug:slug>/", views.review, name="deck_review"),
    path("rate/", views.rate, name="rate"),
    path("undo/", views.undo, name="undo"),
]
