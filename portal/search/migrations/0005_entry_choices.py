"""The values of a page type's own facets in each search entry (the type of
an election: ``election_type:local``), on PostgreSQL only, as the table.

Existing rows get an empty list; ``manage.py search_index --type election``
(or ``--entries-only``) fills them (docs/search.md)."""

import django.contrib.postgres.fields
from django.db import migrations, models


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_entry ADD COLUMN IF NOT EXISTS "
            "choices varchar(80)[] NOT NULL DEFAULT '{}'"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_entry DROP COLUMN IF EXISTS choices")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_sqlite_stems")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add, drop)],
            state_operations=[
                migrations.AddField(
                    model_name="entry",
                    name="choices",
                    field=django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=80), default=list, size=None
                    ),
                ),
            ],
        )
    ]
