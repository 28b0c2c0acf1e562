"""One user cannot fill the export workers: at most settings.ANKI_EXPORTS_PER_USER (2) exports
waiting or being built at once, and the refusal says why and shows one that is running."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.anki import jobs
from quizzes.models import ExportJob
from tests.support.anki import tiny_document


@pytest.fixture(autouse=True)
def exports(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path / "exports"
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 0


def _running(user, target: str) -> ExportJob:
    return ExportJob.objects.create(
        user=user, kind="document", target=target, filename=f"{target}.apkg"
    )


def test_the_limit_is_two_exports_at_once(settings):
    assert settings.ANKI_EXPORTS_PER_USER == 2


def test_a_third_export_while_two_are_building_is_refused_with_the_reason(client, alice):
    tiny_document("third")
    first, _second = _running(alice, "a"), _running(alice, "b")
    client.force_login(alice)
    response = client.post(
        reverse("quizzes:start_document_export", args=["third"]),
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert response.redirect_chain[-1][0] == first.get_absolute_url()
    assert (
        "You already have 2 exports being built. Wait until one of them is finished, then "
        "start this one again." in response.content.decode()
    )
    assert not ExportJob.objects.filter(target="third").exists()


def test_a_refused_htmx_start_redirects_the_page_to_a_running_export(client, alice):
    tiny_document("third")
    first = _running(alice, "a")
    _running(alice, "b")
    client.force_login(alice)
    response = client.post(
        reverse("quizzes:start_document_export", args=["third"]), headers={"HX-Request": "true"}
    )
    assert response["HX-Redirect"] == first.get_absolute_url()


def test_asking_again_for_an_export_already_building_is_not_refused(alice):
    first = _running(alice, "a")
    _running(alice, "b")
    assert jobs.start(alice, "document", "a", "a.apkg") == first


def test_one_users_exports_do_not_hold_back_another_user(alice, bob):
    tiny_document("third")
    _running(alice, "a"), _running(alice, "b")
    job = jobs.start(bob, "document", "third", "third.apkg")
    assert job.user == bob


def test_finished_failed_and_lost_exports_do_not_count(alice):
    tiny_document("third")
    done = _running(alice, "a")
    done.status = ExportJob.Status.DONE
    done.save()
    lost = _running(alice, "b")
    ExportJob.objects.filter(pk=lost.pk).update(
        created_at=timezone.now() - ExportJob.STUCK_AFTER - timedelta(minutes=1)
    )
    _running(alice, "c")
    assert jobs.start(alice, "document", "third", "third.apkg").target == "third"
    with pytest.raises(jobs.TooManyJobs):
        jobs.start(alice, "document", "fourth", "fourth.apkg")
