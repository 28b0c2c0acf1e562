"""PostgreSQL: the database's own default time zone set to UTC, the zone Django works in
(USE_TZ), so that a new connection starts in it.

Django checks the zone a new connection reports and, when it is not exactly "UTC", sets it with
one more statement, a round trip on every connection. With CONN_MAX_AGE=0 (the default on
PostgreSQL, README) that is every request, and a server installed with the system's zone reports
"Etc/UTC", say, not "UTC". Django's documentation advises setting it on the server
("Optimizing PostgreSQL's configuration"); this migration does it for the database it runs on.
A role without the privilege (not the database's owner) leaves it as it was, with a notice:
Django then sets it on each connection, as before. SQLite has no server setting: nothing is
done."""

from django.db import migrations

# Executed with no parameters, so its "%" are PL/pgSQL's own (RAISE's), not placeholders.
SET = (
    "DO $$ BEGIN"
    " EXECUTE 'ALTER DATABASE ' || quote_ident(current_database()) || ' SET timezone TO ''UTC''';"
    " EXCEPTION WHEN insufficient_privilege THEN"
    " RAISE NOTICE 'the time zone of database % left as it was: %', current_database(), SQLERRM;"
    " END $$"
)
RESET = (
    "DO $$ BEGIN"
    " EXECUTE 'ALTER DATABASE ' || quote_ident(current_database()) || ' RESET timezone';"
    " EXCEPTION WHEN insufficient_privilege THEN NULL;"
    " END $$"
)


def run(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("content", "0002_document_hidden_archived")]

    operations = [migrations.RunPython(run(SET), run(RESET), elidable=False)]
