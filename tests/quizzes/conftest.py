"""Quiz tests: a second teacher, Tom, to check that Tess's things stay hers."""

import pytest

from accounts.models import User
from tests.conftest import PASSWORD


@pytest.fixture
def other_teacher(db) -> User:
    return User.objects.create_user("tom", password=PASSWORD, is_teacher=True)
