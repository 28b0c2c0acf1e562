"""Quiz tests: a second teacher, Tom, to check that Tess's things stay hers."""

import pytest

from accounts.models import User
from tests.conftest import PASSWORD


@pytest.fixture
def other_teacher(db) -> User:
    return User.objects.create_user("tom", password=PASSWORD, is_teacher=True)


@pytest.fixture(autouse=True)
def _fresh_term_indexes():
    """Each test builds its documents' term indexes afresh (quizzes.term_index): a primary key
    and timestamp seen in an earlier test must not bring back that test's terms."""
    from django.core.cache import cache

    from quizzes import term_index

    term_index.forget()
    cache.clear()
    yield
    term_index.forget()
