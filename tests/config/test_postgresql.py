"""PostgreSQL's connections: each starts in the time zone Django works in, so that Django has no
statement to run to set it (content/migrations/0003_postgresql_database_time_zone.py)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's server settings"
)


def test_a_new_connection_starts_in_the_zone_django_works_in(db):
    # A connection of its own: the test's is inside the test's transaction. Django sets the
    # zone, one more round trip per connection, unless the server reports exactly this name.
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        assert raw.info.parameter_status("TimeZone") == connection.timezone_name == "UTC"
    finally:
        raw.close()
