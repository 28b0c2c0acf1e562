from django.urls import path

from progress.views import account, dashboard

app_name = "progress"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("practise/", dashboard.practise_weakest, name="practise_weakest"),
    path("classes/<int:pk>/", dashboard.class_progress, name="class_progress"),
    path("classes/<int:pk>/progress.csv", dashboard.class_progress_csv, name="class_progress_csv"),
    path("my-data.json", account.my_data, name="my_data"),
    path("delete-account/", account.delete_account, name="delete_account"),
]
