"""Index many pages fast.

Wagtail's indexer computes every field's text five times per object (title,
body, autocomplete and their plain-text mirrors) and builds one SQL expression
per value: about 100-200 pages a second. ``index_pages`` reads each page once
through the same search-field definitions, sends the texts to PostgreSQL with
``COPY`` and lets the database build the weighted ``tsvector``s in one
``INSERT … SELECT`` per batch, with each page's language configuration. The
rows are the ones Wagtail's indexer would write. On other databases it falls
back to the backend's own indexer.

It also writes the pages' ``PageDate`` rows, adds their title words to the
vocabulary and writes their ``search.Entry`` rows (``entries.py``).

Since it does all of this for one page as cheaply as for many, it is also what
indexes a page when it is saved or published (``signals.py``): page models
opt out of Wagtail's own save handler (``search_auto_update = False``).
"""

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model
from modelsearch.conf import get_app_config
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import AutocompleteField, SearchField, class_is_indexed

from portal.core.cache import bump_content_version

from . import dates, entries, vocabulary
from .backends import average_title_length
from .models import PageDate

try:
    from modelsearch.backends.database.postgres.postgres import ObjectIndexer
except ImportError:  # pragma: no cover  (django.contrib.postgres needs psycopg)
    ObjectIndexer = None

BATCH = 2000
WEIGHTS = "ABCD"


def _clean(text):
    return (text or "").replace("\x00", " ").strip()


def _entry_texts(obj, indexer):
    """(title parts by weight, body parts by weight, autocomplete parts),
    each field read once."""
    title, body, autocomplete = defaultdict(list), defaultdict(list), []
    for field in obj.get_search_fields():
        for current, weight, value in indexer.prepare_field(obj, field):
            value = _clean(value)
            if not value:
                continue
            if isinstance(current, SearchField):
                (title if current.field_name == "title" else body)[weight].append(value)
            elif isinstance(current, AutocompleteField):
                autocomplete.append(value)
    return title, body, autocomplete


def _vector_sql(column_prefix):
    return " || ".join(
        f"setweight(to_tsvector(t.config::regconfig, t.{column_prefix}_{w.lower()}), '{w}')"
        for w in WEIGHTS
    )


class PostgresBulkIndexer:
    """Writes Wagtail's index rows for a batch of objects with ``COPY`` and
    one ``INSERT … SELECT`` (PostgreSQL)."""

    def __init__(self, using=DEFAULT_DB_ALIAS):
        self.using = using
        self.connection = connections[using]
        self.backend = get_search_backend()
        self.object_indexer = ObjectIndexer
        self.entry = get_app_config().get_model("IndexEntry")
        self.languages = dict(Locale.objects.using(using).values_list("pk", "language_code"))

    def config_for(self, obj):
        code = self.languages.get(getattr(obj, "locale_id", None), settings.LANGUAGE_CODE)
        return self.backend.config_for(code)

    def rows(self, model, objs):
        content_type = ContentType.objects.db_manager(self.using).get_for_model(model).pk
        for obj in objs:
            indexer = self.object_indexer(obj, self.backend)
            title, body, autocomplete = _entry_texts(obj, indexer)
            yield (
                content_type,
                str(obj.pk),
                self.config_for(obj),
                *("\n".join(title.get(w, [])) for w in WEIGHTS),
                "\n".join(autocomplete),
                *("\n".join(body.get(w, [])) for w in WEIGHTS),
                " ".join(v for w in WEIGHTS for v in title.get(w, [])),
                " ".join(v for w in WEIGHTS for v in body.get(w, [])),
            )

    def write(self, model, objs):
        columns = [
            "content_type_id",
            "object_id",
            "config",
            *(f"title_{w.lower()}" for w in WEIGHTS),
            "autocomplete",
            *(f"body_{w.lower()}" for w in WEIGHTS),
            "title_text",
            "body_text",
        ]
        table = self.entry._meta.db_table
        with self.connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE IF NOT EXISTS search_bulk_entry ("
                "content_type_id integer, object_id text, config text, "
                + ", ".join(f"{c} text" for c in columns[3:])
                + ") ON COMMIT DROP"
            )
            cursor.execute("TRUNCATE search_bulk_entry")
            raw = cursor.cursor
            with raw.copy(f"COPY search_bulk_entry ({', '.join(columns)}) FROM STDIN") as copy:
                count = 0
                for row in self.rows(model, objs):
                    copy.write_row(row)
                    count += 1
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "  # noqa: S608
                "title_norm, title_text, body_text) "
                f"SELECT t.content_type_id, t.object_id, {_vector_sql('title')}, "
                "setweight(to_tsvector('simple', t.autocomplete), 'D'), "
                f"{_vector_sql('body')}, 1.0, t.title_text, t.body_text "
                "FROM search_bulk_entry t "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, autocomplete = EXCLUDED.autocomplete, "
                "body = EXCLUDED.body, title_norm = 1.0, title_text = EXCLUDED.title_text, "
                "body_text = EXCLUDED.body_text"
            )
            # Wagtail's title norm (average title length / this title's length),
            # with the average taken once per process, not on every write.
            cursor.execute(
                f"UPDATE {table} e SET title_norm = %s / length(e.title) "  # noqa: S608
                "FROM search_bulk_entry t WHERE e.content_type_id = t.content_type_id "
                "AND e.object_id = t.object_id AND length(e.title) > 0",
                [average_title_length(self.using)],
            )
        return count


def _objects(model, ids, using):
    queryset = model.get_indexed_objects().using(using).filter(pk__in=ids).order_by("pk")
    return list(queryset)


_deferred = threading.local()


@contextmanager
def deferred() -> Iterator[None]:
    """Within the block, the pages ``index_pages`` is asked to index (on the
    default database) are collected, and indexed once each when the block
    ends without an error. A load of many pages saves and publishes each
    page several times, and indexes it each time otherwise. Nested blocks
    index when the outermost ends."""
    if getattr(_deferred, "ids", None) is not None:
        yield
        return
    _deferred.ids = set()
    try:
        yield
        ids = _deferred.ids
    finally:
        _deferred.ids = None
    index_pages(sorted(ids))


def index_pages(
    page_ids: Iterable[int],
    using: str = DEFAULT_DB_ALIAS,
    progress: Callable[[int], object] | None = None,
) -> int:
    """Index the pages with these ids (any page types) for search, with their
    dates and title words. Returns the number of pages indexed (none inside
    ``deferred()``, which indexes them when it ends)."""
    page_ids = list(page_ids)
    if using == DEFAULT_DB_ALIAS and getattr(_deferred, "ids", None) is not None:
        _deferred.ids.update(page_ids)
        return 0
    by_model = defaultdict(list)
    types = Page.objects.using(using).filter(pk__in=page_ids).values_list("pk", "content_type")
    for pk, content_type_id in types:
        model = ContentType.objects.db_manager(using).get_for_id(content_type_id).model_class()
        if model is not None:
            by_model[model].append(pk)
    postgres = connections[using].vendor == "postgresql"
    indexer = PostgresBulkIndexer(using) if postgres else None
    backend = get_search_backend()
    done = 0
    for model, ids in by_model.items():
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            objs = _objects(model, chunk, using)
            with transaction.atomic(using=using):
                if indexer is not None:
                    indexer.write(model, objs)
                else:
                    backend.get_index_for_model(model).add_items(model, objs)
                _write_dates(model, objs, using)
                _add_words(objs, using)
                entries.write([o.pk for o in objs], using)
            done += len(objs)
            if progress:
                progress(len(objs))
    if done:
        bump_content_version()  # cached search results are stale
    return done


def index_model(
    model: type[Model],
    using: str = DEFAULT_DB_ALIAS,
    progress: Callable[[int], object] | None = None,
) -> int:
    """Index every indexed object of a model that is not a page (terms,
    documents, images) in bulk. Returns the number of objects."""
    postgres = connections[using].vendor == "postgresql"
    indexer = PostgresBulkIndexer(using) if postgres else None
    backend = get_search_backend()
    ids = list(model.get_indexed_objects().using(using).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        objs = _objects(model, ids[start : start + BATCH], using)
        with transaction.atomic(using=using):
            if indexer is not None:
                indexer.write(model, objs)
            else:
                backend.get_index_for_model(model).add_items(model, objs)
        if progress:
            progress(len(objs))
    return len(ids)


def _write_dates(model, objs, using):
    if model not in dates.dated_models():
        return
    dated = ((o, dates.date_of(o)) for o in objs)
    PageDate.objects.using(using).bulk_create(
        [PageDate(page_id=o.pk, date=day, year=day.year) for o, day in dated if day],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["date", "year"],
        batch_size=BATCH,
    )


def _add_words(objs, using):
    languages = dict(Locale.objects.using(using).values_list("pk", "language_code"))
    by_language = defaultdict(list)
    for obj in objs:
        if obj.live:
            by_language[languages.get(obj.locale_id, settings.LANGUAGE_CODE)].append(obj.title)
    for language, titles in by_language.items():
        vocabulary.add_titles(language, titles)


def indexed_page_models() -> list[type[Page]]:
    """Every concrete page model Wagtail indexes."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and class_is_indexed(model)
    ]
