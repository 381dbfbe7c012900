"""Indexes for Wagtail's database search on PostgreSQL (no-ops elsewhere):

- a GIN index on ``title || body`` of the search index table, the expression
  every full-text query filters on (Wagtail indexes the two columns
  separately, so without it each query scans the whole table);
- an index on the page id as text, the form in which Wagtail joins index
  entries to pages (``object_id = id::varchar``), so that a query with few
  matches looks its pages up instead of scanning every page.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"
PAGE_INDEX = "search_page_id_text"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
    )
    pages = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {PAGE_INDEX} ON {pages} (((id)::varchar(50)))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {PAGE_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
