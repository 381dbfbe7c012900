"""SQLite only (a no-op elsewhere): the full-text table holds stems.

Wagtail's trigger copies a row's text into the full-text table whenever the
row is updated, including when only its title norm changes, which would put
the unstemmed text back (``backends.StemmedSQLiteIndex`` writes the stems
after Wagtail's own write). The trigger is narrowed to updates of the text
columns, and the rows already indexed are stemmed in their page's language
(other objects in the default language).
"""

from django.conf import settings
from django.db import migrations

from portal.search.backends import write_stems

TRIGGER = "update_{table}_fts"
CREATE = (
    "CREATE TRIGGER {trigger} AFTER UPDATE {columns}ON {table} BEGIN "
    "UPDATE {table}_fts SET title=NEW.title, body=NEW.body, autocomplete=NEW.autocomplete "
    "WHERE rowid=NEW.id; END"
)


def _has_fts(schema_editor, table):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [f"{table}_fts"])
        return cursor.fetchone() is not None


def _trigger(apps, schema_editor, columns):
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    if schema_editor.connection.vendor != "sqlite" or not _has_fts(schema_editor, table):
        return None
    trigger = TRIGGER.format(table=table)
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    schema_editor.execute(CREATE.format(trigger=trigger, table=table, columns=columns))
    return table


def forwards(apps, schema_editor):
    table = _trigger(apps, schema_editor, "OF title, body, autocomplete ")
    if table is None:
        return
    pages = apps.get_model("wagtailcore", "Page")._meta.db_table
    locales = apps.get_model("wagtailcore", "Locale")._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id, COALESCE(l.language_code, %s), e.title, e.body FROM {table} e "  # noqa: S608
            f"LEFT JOIN {pages} p ON p.content_type_id = e.content_type_id "
            "AND CAST(p.id AS TEXT) = e.object_id "
            f"LEFT JOIN {locales} l ON l.id = p.locale_id",
            [settings.LANGUAGE_CODE],
        )
        rows = cursor.fetchall()
    write_stems(schema_editor.connection, rows)


def backwards(apps, schema_editor):
    table = _trigger(apps, schema_editor, "")
    if table is not None:  # the text itself again, as Wagtail writes it
        schema_editor.execute(
            f"UPDATE {table}_fts SET title = (SELECT e.title FROM {table} e "
            f"WHERE e.id = {table}_fts.rowid), body = (SELECT e.body FROM {table} e "
            f"WHERE e.id = {table}_fts.rowid)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_entry"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
