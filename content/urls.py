from django.urls import path

from content import views

app_name = "content"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("add/", views.document_add, name="add"),
    path("<slug:slug>/", views.document_detail, name="document"),
]
