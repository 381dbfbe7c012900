"""Site search's own index on PostgreSQL (``search.Entry``), and nothing
elsewhere: on SQLite search runs through Wagtail's FTS5 index.

Indexes:

- a GIN index on ``heading || body`` of the visible rows: the expression
  every query matches (no recheck for plain AND queries, so matching never
  reads the vectors themselves);
- the same GIN index over the visible rows of the recent tier (``recent``:
  undated pages and the newest dated ones, see ``entries.age``), which a
  broad query reads first;
- a B-tree on the lower-case title of the visible rows (a page titled
  exactly as typed is always counted and ranked first, even for a broad
  query);
- a GIN index on ``terms`` of the visible rows (field-of-work, country and
  structure filters);
- a GIN index on ``words`` of the visible rows (the header box's prefix
  suggestions), and a B-tree in the order suggestions are shown (undated
  pages, then the newest), which the planner walks for common prefixes
  instead of sorting tens of thousands of matches;
- the table stores wide vectors out of line (``toast_tuple_target``), so
  the rows a count or a filter reads stay narrow.
"""

import django.contrib.postgres.fields
import django.db.models.deletion
import django.contrib.postgres.search
from django.db import migrations, models

CREATE = """
CREATE TABLE IF NOT EXISTS search_entry (
    page_id integer PRIMARY KEY,
    locale_id integer NOT NULL,
    visible boolean NOT NULL DEFAULT false,
    recent boolean NOT NULL DEFAULT true,
    kind varchar(20) NOT NULL DEFAULT 'page',
    date date NULL,
    terms integer[] NOT NULL DEFAULT '{}',
    languages varchar(8)[] NOT NULL DEFAULT '{}',
    title text NOT NULL DEFAULT '',
    title_norm double precision NOT NULL DEFAULT 1.0,
    heading tsvector NULL,
    body tsvector NULL,
    words tsvector NULL
) WITH (toast_tuple_target = 256);
CREATE INDEX IF NOT EXISTS search_entry_text ON search_entry
    USING gin ((heading || body)) WHERE visible;
CREATE INDEX IF NOT EXISTS search_entry_text_recent ON search_entry
    USING gin ((heading || body)) WHERE visible AND recent;
CREATE TABLE IF NOT EXISTS search_recent (
    id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    cutoff date NULL
);
CREATE INDEX IF NOT EXISTS search_entry_title ON search_entry
    (lower(title)) WHERE visible;
CREATE INDEX IF NOT EXISTS search_entry_terms ON search_entry
    USING gin (terms) WHERE visible;
CREATE INDEX IF NOT EXISTS search_entry_words ON search_entry
    USING gin (words) WHERE visible;
CREATE INDEX IF NOT EXISTS search_entry_recent ON search_entry
    (locale_id, (date IS NOT NULL), date DESC, page_id DESC) WHERE visible;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS search_entry, search_recent")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_indexentry_title_body_gin"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(create, drop)],
            state_operations=[
                migrations.CreateModel(
                    name="Entry",
                    fields=[
                        (
                            "page",
                            models.OneToOneField(
                                db_constraint=False,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                primary_key=True,
                                related_name="+",
                                serialize=False,
                                to="wagtailcore.page",
                            ),
                        ),
                        ("locale_id", models.IntegerField()),
                        ("visible", models.BooleanField(default=False)),
                        ("recent", models.BooleanField(default=True)),
                        ("kind", models.CharField(default="page", max_length=20)),
                        ("date", models.DateField(null=True)),
                        (
                            "terms",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.IntegerField(), default=list, size=None
                            ),
                        ),
                        (
                            "languages",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.CharField(max_length=8), default=list, size=None
                            ),
                        ),
                        ("title", models.TextField(default="")),
                        ("title_norm", models.FloatField(default=1.0)),
                        ("heading", django.contrib.postgres.search.SearchVectorField(null=True)),
                        ("body", django.contrib.postgres.search.SearchVectorField(null=True)),
                        ("words", django.contrib.postgres.search.SearchVectorField(null=True)),
                    ],
                    options={
                        "verbose_name": "search entry",
                        "db_table": "search_entry",
                        "managed": False,
                    },
                ),
            ],
        )
    ]
