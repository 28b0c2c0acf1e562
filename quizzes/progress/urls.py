from django.urls import path

from quizzes.progress import views, views_account

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("practise/", views.practise_weakest, name="practise_weakest"),
    path("classes/<int:pk>/", views.class_progress, name="class_progress"),
    path("classes/<int:pk>/progress.csv", views.class_progress_csv, name="class_progress_csv"),
    path("my-data.json", views_account.my_data, name="my_data"),
    path("delete-account/", views_account.delete_account, name="delete_account"),
]
