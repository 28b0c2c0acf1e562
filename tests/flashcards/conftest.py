"""Flashcard fixtures: the shipped documents loaded once for the package, a fixed clock."""

from pathlib import Path

import pytest

from content.loading import load_path
from content.models import Document

DOCUMENTS = sorted((Path(__file__).resolve().parents[2] / "content" / "documents").glob("*.txt"))


@pytest.fixture(scope="package")
def shipped(django_db_setup, django_db_blocker):
    """Every shipped document, analysed once for these tests (the pipeline takes seconds per
    document); each test's own changes are rolled back, the documents removed at the end."""
    with django_db_blocker.unblock():
        slugs = [load_path(path).document.slug for path in DOCUMENTS]
    yield slugs
    with django_db_blocker.unblock():
        Document.objects.filter(slug__in=slugs).delete()


@pytest.fixture
def documents(db, shipped) -> list[Document]:
    return list(Document.objects.filter(slug__in=shipped).order_by("slug"))


@pytest.fixture
def document(documents) -> Document:
    return documents[0]
