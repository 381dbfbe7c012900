"""Site search's own index on PostgreSQL: ``search.Entry``, one row per page.

Wagtail's index table holds each page's text vectors but nothing else, so a
search through it joins every match to the page table to keep the visitor's
language and the live, public pages, and joins the tag and date tables again
to count facets: at a million pages a broad word cost one to two seconds.
An entry carries all of that in the row (language, whether the page is
shown, type, date, tag ids, document languages, the values of the page
type's own facets) next to the vectors, and
its GIN indexes cover only the rows that are shown; a search is then one
index read of one table (``portal.search.engines.EntryEngine``).

Rows are written set-based, in one statement per batch of pages:

- ``write``: the whole row, the vectors copied from the Wagtail index rows
  the bulk indexer has just written (no second ``to_tsvector``), the other
  columns computed in SQL from the page, tag, date, file and view-restriction
  tables;
- ``refresh``: those other columns only. It is cheap (one ``UPDATE``), so it
  runs whenever any of those tables change for a page or a subtree
  (``signals.py``).

A page whose row is missing is simply not found; ``manage.py search_index``
rebuilds every row.
"""

from collections.abc import Callable
from datetime import date

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections
from modelsearch.conf import get_app_config
from wagtail.models import Page, PageViewRestriction

from .definitions import (
    choice_facets,
    entries_enabled,
    files_relation,
    hidden_sql,
    tag_tables,
    type_content_types,
)
from .models import Entry, PageDate

TABLE = Entry._meta.db_table
RECENT = "search_recent"
# The share of dated pages in the recent tier.
RECENT_SHARE = 0.2


def enabled(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether search runs on ``search.Entry`` (``definitions.entries_enabled``)."""
    return entries_enabled(using)


def _kind_sql(using):
    """A SQL ``CASE`` giving the search type (``TYPES`` key) of ``p.content_type_id``."""
    _ids, reverse = type_content_types(using)
    whens = " ".join(f"WHEN {int(ct)} THEN '{kind}'" for ct, kind in sorted(reverse.items()))
    return f"CASE p.content_type_id {whens} ELSE 'page' END" if whens else "'page'"


def _tables():
    return {
        "page": Page._meta.db_table,
        "restriction": PageViewRestriction._meta.db_table,
        "date": PageDate._meta.db_table,
        "tags": [apps.get_model(label)._meta.db_table for label in tag_tables()],
    }


def _computed(using):
    """(column, SQL expression, parameters) for every column computed from
    other tables, over the page ``p`` and its ``PageDate`` row ``d``."""
    t = _tables()
    terms = " UNION ALL ".join(
        f"SELECT g.term_id FROM {table} g WHERE g.page_id = p.id" for table in t["tags"]
    )
    files = files_relation()
    languages = (
        f"ARRAY(SELECT DISTINCT f.language FROM {files} f WHERE f.page_id = p.id ORDER BY 1)"
        if files
        else "ARRAY[]::varchar[]"
    )
    hidden, hidden_params = hidden_sql("p.id", using)
    choices = " UNION ALL ".join(
        f"SELECT '{facet.param}:' || x.{facet.column} FROM {facet.table} x "
        f"WHERE x.{facet.page_column} = p.id AND x.{facet.column} <> ''"
        for facet in choice_facets()
    )
    return [
        ("locale_id", "p.locale_id", []),
        ("title", "p.title", []),
        ("kind", _kind_sql(using), []),
        ("date", "d.date", []),
        ("terms", f"ARRAY({terms})", []),
        ("languages", languages, []),
        ("choices", f"ARRAY({choices})" if choices else "ARRAY[]::varchar[]", []),
        (
            "recent",
            f"d.date IS NULL OR d.date >= COALESCE((SELECT cutoff FROM {RECENT}), "
            "'-infinity'::date)",
            [],
        ),
        (
            "visible",
            "p.live AND p.depth > 1 "
            f"AND NOT EXISTS (SELECT 1 FROM {t['restriction']} r JOIN {t['page']} rp "
            "ON rp.id = r.page_id WHERE starts_with(p.path, rp.path)) "
            f"AND NOT ({hidden})",
            hidden_params,
        ),
    ]


def write(page_ids: list[int], using: str = DEFAULT_DB_ALIAS) -> int:
    """Write these pages' rows whole: the vectors copied from their Wagtail
    index rows (no text is stemmed again), the rest computed. Pages without an
    index row get none. Returns the number of rows written."""
    page_ids = [int(pk) for pk in page_ids]
    if not page_ids or not enabled(using):
        return 0
    t = _tables()
    index = get_app_config().get_model("IndexEntry")._meta.db_table
    computed = _computed(using)
    columns = ["page_id", "title_norm", "heading", "body", "words", *(c for c, _x, _p in computed)]
    values = ["p.id", "e.title_norm", "e.title", "e.body", "e.autocomplete"]
    values += [x for _c, x, _p in computed]
    params = [p for _c, _x, ps in computed for p in ps]
    sql = (
        f"INSERT INTO {TABLE} ({', '.join(columns)}) SELECT {', '.join(values)} "  # noqa: S608
        f"FROM {t['page']} p JOIN {index} e ON e.content_type_id = p.content_type_id "
        "AND e.object_id = CAST(p.id AS text) "
        f"LEFT JOIN {t['date']} d ON d.page_id = p.id WHERE p.id = ANY(%s) "
        "ON CONFLICT (page_id) DO UPDATE SET "
        + ", ".join(f"{c} = EXCLUDED.{c}" for c in columns[1:])
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*params, page_ids])
        return cursor.rowcount


def refresh(page_ids: list[int], using: str = DEFAULT_DB_ALIAS) -> int:
    """Recompute the language, visibility, type, date, tags and document
    languages of these pages' rows, and drop the rows of pages that no longer
    exist. Returns the number of rows updated."""
    page_ids = [int(pk) for pk in page_ids]
    if not page_ids or not enabled(using):
        return 0
    t = _tables()
    computed = _computed(using)
    sets = ", ".join(f"{column} = {expression}" for column, expression, _p in computed)
    params = [p for _c, _x, ps in computed for p in ps]
    sql = (
        f"UPDATE {TABLE} e SET {sets} "  # noqa: S608
        f"FROM {t['page']} p LEFT JOIN {t['date']} d ON d.page_id = p.id "
        "WHERE e.page_id = p.id AND e.page_id = ANY(%s)"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*params, page_ids])
        updated = cursor.rowcount
        cursor.execute(
            f"DELETE FROM {TABLE} e WHERE e.page_id = ANY(%s) "  # noqa: S608
            f"AND NOT EXISTS (SELECT 1 FROM {t['page']} p WHERE p.id = e.page_id)",
            [page_ids],
        )
    return updated


def refresh_subtree(page: Page, using: str = DEFAULT_DB_ALIAS) -> int:
    """Refresh a page and all its descendants (after a move or a change of
    view restrictions, which change what is public below it)."""
    if not enabled(using):
        return 0
    ids = list(
        Page.objects.using(using).filter(path__startswith=page.path).values_list("pk", flat=True)
    )
    done = 0
    for start in range(0, len(ids), 10_000):
        done += refresh(ids[start : start + 10_000], using)
    return done


def remove(page_ids: list[int], using: str = DEFAULT_DB_ALIAS) -> None:
    """Delete these pages' rows."""
    page_ids = [int(pk) for pk in page_ids]
    if not page_ids or not enabled(using):
        return
    with connections[using].cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE page_id = ANY(%s)", [page_ids])  # noqa: S608


def remove_stale(using: str = DEFAULT_DB_ALIAS) -> int:
    """Drop the rows of pages that no longer exist (after bulk deletes)."""
    if not enabled(using):
        return 0
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {TABLE} e WHERE NOT EXISTS "  # noqa: S608
            f"(SELECT 1 FROM {Page._meta.db_table} p WHERE p.id = e.page_id)"
        )
        return cursor.rowcount


def rebuild(
    using: str = DEFAULT_DB_ALIAS,
    progress: Callable[[int], object] | None = None,
    chunk: int = 20_000,
) -> int:
    """Write every page's row from Wagtail's index rows (no text is read or
    stemmed again); rows of deleted pages are dropped and the recent tier
    moved on. Returns the number of rows written.
    ``manage.py search_index --entries-only``."""
    if not enabled(using):
        return 0
    ids = list(
        Page.objects.using(using).filter(depth__gt=1).order_by("pk").values_list("pk", flat=True)
    )
    written = 0
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        written += write(part, using)
        if progress:
            progress(len(part))
    remove_stale(using)
    age(using)
    return written


def age(using: str = DEFAULT_DB_ALIAS, share: float = RECENT_SHARE) -> date | None:
    """Move the recent tier's cutoff so that it holds the newest ``share`` of
    the visible dated pages, and flag the rows accordingly. New pages are
    flagged against the cutoff when written; this moves it on as content
    grows (``manage.py search_index --age``, daily). Returns the cutoff."""
    if not enabled(using):
        return None
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE visible AND date IS NOT NULL")  # noqa: S608
        dated = cursor.fetchone()[0]
        cutoff = None
        if dated:
            cursor.execute(
                f"SELECT date FROM {TABLE} WHERE visible AND date IS NOT NULL "  # noqa: S608
                "ORDER BY date DESC OFFSET %s LIMIT 1",
                [max(0, int(dated * share) - 1)],
            )
            row = cursor.fetchone()
            cutoff = row[0] if row else None
        cursor.execute(
            f"INSERT INTO {RECENT} (id, cutoff) VALUES (1, %s) "  # noqa: S608
            "ON CONFLICT (id) DO UPDATE SET cutoff = EXCLUDED.cutoff",
            [cutoff],
        )
        flag = "date IS NULL OR date >= COALESCE(%s, '-infinity'::date)"
        cursor.execute(
            f"UPDATE {TABLE} SET recent = ({flag}) WHERE recent IS DISTINCT FROM ({flag})",  # noqa: S608
            [cutoff, cutoff],
        )
    return cutoff
