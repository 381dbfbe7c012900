"""Keep ``PageDate`` in step with the dated page types."""

from django.apps import apps
from django.db import connections, router


def dated_models():
    """The concrete page types with a content ``date`` (every ``TaggedPage``)."""
    from portal.core.models import TaggedPage

    return [
        model
        for model in apps.get_models()
        if issubclass(model, TaggedPage) and not model._meta.abstract
    ]


def save_date(page):
    from .models import PageDate

    if page.pk is None or getattr(page, "date", None) is None:
        return
    PageDate.objects.update_or_create(
        page_id=page.pk, defaults={"date": page.date, "year": page.date.year}
    )


def rebuild_dates(page_ids_sql=None, params=()):
    """Write every dated page's row in one statement per page type. With
    ``page_ids_sql`` (a SELECT of page ids), only those pages."""
    from .models import PageDate

    alias = router.db_for_write(PageDate)
    connection = connections[alias]
    table = PageDate._meta.db_table
    year = (
        "CAST(EXTRACT(YEAR FROM t.date) AS INTEGER)"
        if connection.vendor == "postgresql"
        else "CAST(strftime('%%Y', t.date) AS INTEGER)"
    )
    written = 0
    with connection.cursor() as cursor:
        for model in dated_models():
            source = model._meta.db_table
            pk = model._meta.pk.column
            where = f"WHERE t.{pk} IN ({page_ids_sql})" if page_ids_sql else "WHERE 1 = 1"
            cursor.execute(
                f"INSERT INTO {table} (page_id, date, year) "  # noqa: S608 (table names from models)
                f"SELECT t.{pk}, t.date, {year} FROM {source} t {where} "
                "ON CONFLICT (page_id) DO UPDATE SET date = excluded.date, year = excluded.year",
                list(params),
            )
            written += max(cursor.rowcount, 0)
    return written
