"""config.sqlite: on SQLite, queries run through Django's backend with each query's
placeholders rewritten once, and give what Django's own rewriting gives."""

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import SQLiteCursorWrapper as DjangoCursor

from accounts.models import User
from config.sqlite import base

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's backend only")

QUERIES = [
    "SELECT %s, %s",
    "SELECT '100%%', %s WHERE 'a' LIKE '%%a'",
    "SELECT 1",
    "SELECT %s -- %%s in a comment stays",
]


def test_sqlite_databases_use_it(db):
    assert isinstance(connection.cursor().cursor, base.SQLiteCursorWrapper)


@pytest.mark.parametrize("query", QUERIES)
def test_a_query_is_rewritten_as_django_rewrites_it(query):
    assert base._qmark(query) == DjangoCursor.convert_query(None, query)


def test_each_query_is_rewritten_once_and_runs(db):
    query = "SELECT %s || '%%', %s"
    with connection.cursor() as cursor:
        cursor.execute(query, ["50", 7])
        before = base._qmark.cache_info()
        cursor.execute(query, ["60", 8])
        assert cursor.fetchone() == ("60%", 8)
        after = base._qmark.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)
    # Named ("pyformat") parameters are Django's rewriting, as before.
    with connection.cursor() as cursor:
        cursor.execute("SELECT %(n)s", {"n": 3})
        assert cursor.fetchone() == (3,)
    assert User.objects.filter(username="nobody").count() == 0
