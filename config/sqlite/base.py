"""Django's SQLite backend, with each query's placeholders rewritten once (issue 18).

Django writes `%s` placeholders and Python's sqlite3 takes `?`, so Django's backend rewrites
every query with a regular expression each time it runs. A learner's clicks run the same few
queries again and again (config.prepared compiles them once), some several kilobytes long, and
that rewriting was about 3 % of a quiz answer's or a flashcard rating's time. Here each query
is rewritten once, in a bounded cache of the most recent ones. config/settings.py uses it for
SQLite databases; everything else is Django's backend.
"""

from functools import lru_cache

from django.db.backends.sqlite3 import base


@lru_cache(maxsize=1024)
def _qmark(query: str) -> str:
    """`query` with `?` placeholders, as Django's SQLiteCursorWrapper.convert_query writes it."""
    return base.FORMAT_QMARK_REGEX.sub("?", query).replace("%%", "%")


class SQLiteCursorWrapper(base.SQLiteCursorWrapper):
    def convert_query(self, query, *, param_names=None):
        if param_names is None:
            return _qmark(query)
        return super().convert_query(query, param_names=param_names)


class DatabaseWrapper(base.DatabaseWrapper):
    def create_cursor(self, name=None):
        return self.connection.cursor(factory=SQLiteCursorWrapper)
