"""Flashcard fixtures: the shipped documents loaded once for the package, a fixed clock."""

import pytest

from content.models import Document
from tests.support.shipped import loaded


@pytest.fixture(scope="package")
def shipped(django_db_setup, django_db_blocker):
    """Every shipped document, analysed once for these tests (tests.support.shipped)."""
    with loaded(django_db_blocker) as slugs:
        yield slugs


@pytest.fixture
def documents(db, shipped) -> list[Document]:
    return list(Document.objects.filter(slug__in=shipped).order_by("slug"))


@pytest.fixture
def document(documents) -> Document:
    return documents[0]
