from django.urls import path

from accounts import views_classes as views

app_name = "classes"
urlpatterns = [
    path("", views.class_list, name="list"),
    path("new/", views.class_create, name="create"),
    path("join/", views.class_join, name="join"),
    path("join/<str:code>/", views.class_join_link, name="join_link"),
    path("<int:pk>/", views.class_detail, name="detail"),
    path("<int:pk>/rename/", views.class_rename, name="rename"),
    path("<int:pk>/code/", views.class_new_code, name="new_code"),
    path("<int:pk>/students/<int:user_pk>/remove/", views.class_remove_student, name="remove"),
    path(
        "<int:pk>/students/<int:user_pk>/password/",
        views.class_student_password,
        name="student_password",
    ),
    path("<int:pk>/leave/", views.class_leave, name="leave"),
]
