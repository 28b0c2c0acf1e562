"""The shipped documents (content/documents), loaded once for a package or a module of tests:
the pipeline takes seconds per document."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from content.loading import load_path
from content.models import Document

DOCUMENTS = sorted((Path(__file__).resolve().parents[2] / "content" / "documents").glob("*.txt"))


@contextmanager
def loaded(django_db_blocker) -> Iterator[list[str]]:
    """Every shipped document loaded outside the tests' transactions (each test's own changes
    are rolled back); their slugs; the documents removed at the end."""
    with django_db_blocker.unblock():
        slugs = [load_path(path).document.slug for path in DOCUMENTS]
    try:
        yield slugs
    finally:
        with django_db_blocker.unblock():
            Document.objects.filter(slug__in=slugs).delete()
