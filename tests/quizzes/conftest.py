"""Quiz tests: every test builds its documents' term indexes afresh."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_term_indexes(fresh_term_indexes):
    yield
