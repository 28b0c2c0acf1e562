"""Downloading "my cards", the learner's own Anki deck, from the dashboard and the flashcards
page: each learner gets their own deck from the one address; a large one is built as a job that
builds only its own user's deck. Jobs run synchronously here (ImmediateBackend, on commit)."""

import pytest
from anki.collection import Collection
from django.contrib.messages import get_messages
from django.urls import reverse

from flashcards import services
from quizzes.anki import building, jobs
from quizzes.models import ExportJob
from tests.support.anki import import_apkg, tiny_document

URL = reverse("quizzes:my_cards_deck")
START = reverse("quizzes:start_my_cards_export")
NOTES = 3  # a tiny document's two terms and its one sentence; its question is not a card
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def exports(settings, export_dir):
    settings.TASKS = IMMEDIATE


@pytest.fixture
def studying(alice, bob):
    """Alice studies the document "mine", Bob the document "theirs"."""
    services.start_studying(alice, tiny_document("mine"))
    services.start_studying(bob, tiny_document("theirs"))


def imported_tags(response, tmp_path) -> set[str]:
    path = tmp_path / "deck.apkg"
    path.write_bytes(b"".join(response.streaming_content))
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_apkg(col, path)
        return {tag for nid in col.find_notes("") for tag in col.get_note(nid).tags}
    finally:
        col.close()


# my_cards_deck


def test_the_dashboard_and_the_flashcards_page_link_to_my_cards(alice_client):
    for page in (reverse("progress:dashboard"), reverse("flashcards:decks")):
        assert f'href="{URL}"' in alice_client.get(page).content.decode()


def test_a_learner_downloads_the_deck_of_their_own_cards(studying, alice_client, tmp_path):
    response = alice_client.get(URL)
    assert response["Content-Disposition"] == 'attachment; filename="dongxi-my-cards.apkg"'
    tags = imported_tags(response, tmp_path)
    assert {"my-cards", "mine"} <= tags and "theirs" not in tags
    assert not ExportJob.objects.exists()


def test_the_same_address_gives_another_learner_only_theirs(studying, client, bob, tmp_path):
    client.force_login(bob)
    tags = imported_tags(client.get(URL), tmp_path)
    assert "theirs" in tags and "mine" not in tags


def test_a_learner_without_flashcards_is_told_to_study_first(alice_client, db):
    response = alice_client.get(URL, **EN)
    assert response.status_code == 302 and response["Location"] == reverse("flashcards:decks")
    [message] = get_messages(response.wsgi_request)
    assert "You have no flashcards yet" in str(message)


def test_my_cards_refuse_anonymous_visitors_and_the_wrong_method(client, alice):
    for response in (client.get(URL), client.post(START)):
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    client.force_login(alice)
    assert client.post(URL).status_code == 405
    assert client.get(START).status_code == 405
    assert not ExportJob.objects.exists()


# start_my_cards_export


def test_a_large_deck_is_offered_and_built_in_the_background(
    studying, alice_client, alice, settings, django_capture_on_commit_callbacks, tmp_path
):
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 2
    offer = alice_client.get(URL)
    assert "Content-Disposition" not in offer and f'action="{START}"' in offer.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(START, headers={"HX-Request": "true"})
    job = ExportJob.objects.get()
    assert response["HX-Push-Url"] == job.get_absolute_url()
    assert 'id="export-status"' in response.content.decode()
    job.refresh_from_db()
    assert (job.user, job.kind, job.target, job.status) == (alice, "learner", str(alice.pk), "done")
    assert job.notes == NOTES and job.start_url == URL
    download = alice_client.get(reverse("quizzes:export_download", args=[job.pk]))
    tags = imported_tags(download, tmp_path)
    assert "mine" in tags and "theirs" not in tags


def test_a_plain_post_goes_to_the_jobs_page(studying, alice_client, settings):
    settings.ANKI_DIRECT_EXPORT_MAX_NOTES = 0
    response = alice_client.post(START)
    assert response["Location"] == ExportJob.objects.get().get_absolute_url()


def test_a_job_builds_only_the_deck_of_its_own_user(studying, alice, bob):
    with pytest.raises(ValueError):
        jobs.start(alice, ExportJob.Kind.LEARNER, str(bob.pk), "x.apkg")
    # A row made some other way is refused when it runs, and writes no file.
    forged = ExportJob.objects.create(
        user=alice, kind=ExportJob.Kind.LEARNER, target=str(bob.pk), filename="x.apkg"
    )
    building.run(forged.pk)
    forged.refresh_from_db()
    assert forged.status == "failed" and not forged.file
