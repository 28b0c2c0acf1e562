"""Fixtures shared by every test: four users (two students and two teachers) and their clients."""

import os

import pytest

from accounts.models import User
from tests.support.concurrency import shared_database  # noqa: F401
from tests.support.quiz_fixtures import make_question, make_quiz, quiz_document  # noqa: F401

# Anki reads this once, when its scheduler first runs: set before any test starts real Anki, it
# turns Anki's fuzz off as in Anki's own tests (tests/flashcards/test_anki_parity.py needs it).
os.environ.setdefault("ANKI_TEST_MODE", "1")

PASSWORD = "correct horse battery staple"


@pytest.fixture
def alice(db) -> User:
    return User.objects.create_user("alice", password=PASSWORD)


@pytest.fixture
def bob(db) -> User:
    return User.objects.create_user("bob", password=PASSWORD)


@pytest.fixture
def teacher(db) -> User:
    return User.objects.create_user("tess", password=PASSWORD, is_teacher=True)


@pytest.fixture
def other_teacher(db) -> User:
    """Tom, a second teacher, to check that Tess's things stay hers."""
    return User.objects.create_user("tom", password=PASSWORD, is_teacher=True)


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


@pytest.fixture
def export_dir(settings, tmp_path):
    """The exports storage (quizzes.anki.building.export_storage) as a folder of this test's own."""
    folder = tmp_path / "exports"
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder},
        },
    }
    return folder


@pytest.fixture
def fresh_term_indexes():
    """The documents' term indexes (quizzes.term_index) built afresh: a primary key and
    timestamp seen in an earlier test must not bring back that test's terms. The quizzes and
    teaching tests use it for every test (their conftest.py)."""
    from django.core.cache import cache

    from quizzes import term_index

    term_index.forget()
    cache.clear()
    yield
    term_index.forget()
