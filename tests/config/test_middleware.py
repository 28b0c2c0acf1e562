"""config.middleware.NoStoreForSignedInMiddleware: signed-in pages and downloads are never kept
by a cache; a visitor's response is left alone."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.urls import reverse

from accounts.models import Classroom
from config.middleware import NoStoreForSignedInMiddleware


def test_a_signed_in_page_is_not_kept_by_a_cache(alice_client):
    response = alice_client.get(reverse("quizzes:home"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_personal_data_download_is_not_kept_by_a_cache(alice_client):
    response = alice_client.get(reverse("progress:my_data"))
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]


def test_a_class_csv_is_not_kept_by_a_cache(teacher_client, teacher):
    classroom = Classroom.objects.create(name="10A", teacher=teacher)
    response = teacher_client.get(reverse("progress:class_progress_csv", args=[classroom.pk]))
    assert "no-store" in response["Cache-Control"]


def test_a_visitors_response_is_left_alone(rf):
    request = rf.get("/")
    request.user = AnonymousUser()
    response = NoStoreForSignedInMiddleware(lambda request: HttpResponse("ok"))(request)
    assert not response.has_header("Cache-Control")
