"""Wagtail's database search backend with one text-search configuration per
language.

On PostgreSQL each page is indexed with the configuration of its own locale
(``french`` for a French page, ``russian`` for a Russian one), and each query
is parsed with the configuration of the active language, so both sides are
stemmed by the same rules. Models without a locale (terms, documents, images)
use the default language's configuration. The index stays one table: a
``tsvector`` keeps its lexemes whatever configuration produced them.

On SQLite, whose FTS5 tokenizer does not stem, the full-text table holds
Snowball stems instead of the text (``StemmedSQLiteIndex``): each page's
title and body are stemmed in its locale's language when it is indexed, and
each query's words in the search's language (``stemming.py``). Wagtail's
index rows keep the text itself, which snippets read, and the autocomplete
column is left unstemmed, so suggestions still match typed prefixes.

Both database backends also rank an exact title match first (a ``TitleQuery``
carries the text as typed, and the pages named by it: ``names.py``).

Wagtail's title norm (the average title length over this title's) is kept
cheap here too: the average is measured once per process
(``average_title_length``), for this backend and for the bulk indexer.
"""

import functools
import threading
from collections.abc import Iterable
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.functions import Length
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.conf import get_app_config
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk
from wagtail.models import Locale

from .stemming import stem_text

# Added to (PostgreSQL) or taken from (SQLite, where lower is better) the rank
# of an exact title match: far above any text-search rank.
EXACT_TITLE_BONUS = 1000.0


class TitleQuery(PlainText):
    """A plain-text query that also knows the text as typed, so that a page
    whose title is exactly that text ranks first, and the search's language
    (SQLite stems the query's words in it). Other backends treat it as an
    ordinary ``PlainText``."""

    def __init__(self, query_string, exact_title="", language=None, named=(), **kwargs):
        super().__init__(query_string, **kwargs)
        self.exact_title = exact_title.strip()
        self.language = language
        self.named = list(named)  # ids of the pages the text names (``names.py``): first too


def _exact_title_bonus(query, lookup, bonus, id_lookup=None):
    exact = getattr(query, "exact_title", "")
    if not exact:
        return None
    condition = Q(**{f"{lookup}__iexact": exact})
    named = getattr(query, "named", None)
    if named and id_lookup:
        condition |= Q(**{f"{id_lookup}__in": [str(pk) for pk in named]})
    return Case(When(condition, then=Value(bonus)), default=Value(0.0), output_field=FloatField())


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """The backend for the default database: per-language PostgreSQL, or
    Wagtail's SQLite FTS5 backend, or its portable fallback."""
    if connection.vendor == "postgresql":
        return LocalizedPostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite":
        # modelsearch registers the model this module reads on SQLite only.
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            backend.index_class, backend.query_compiler_class = _sqlite_classes()
    return backend


@functools.cache
def _sqlite_classes():
    """The stemming index and query compiler for SQLite's FTS5 table."""
    # modelsearch registers the model this module reads on SQLite only.
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteIndex,
        SQLiteSearchQueryCompiler,
    )

    class StemmedSQLiteIndex(SQLiteIndex):
        """Wagtail's rows as Wagtail writes them, then their full-text row's
        title and body replaced by the stems of the text in the language of
        each object's locale. (Migration ``search.0004`` keeps Wagtail's
        trigger from copying the text again when only a title norm changes.)"""

        def add_items(self, model, objs):
            objs = list(objs)
            super().add_items(model, objs)
            languages = _locale_languages()
            language = {str(obj.pk): languages.get(getattr(obj, "locale_id", None)) for obj in objs}
            rows = self.entries.filter(
                content_type_id=get_content_type_pk(model), object_id__in=language
            ).values_list("pk", "object_id", "title", "body")
            write_stems(
                self.write_connection,
                [(pk, language[object_id], title, body) for pk, object_id, title, body in rows],
            )

    class StemmedSQLiteCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText | Phrase):
                language = getattr(query, "language", None) or translation.get_language()
                stems = stem_text(query.query_string, language)
                if stems:  # a query of punctuation only is left to Wagtail
                    query = (
                        PlainText(stems, operator=query.operator, boost=query.boost)
                        if isinstance(query, PlainText)
                        else Phrase(stems)
                    )
            return super().build_search_query_content(query, config)

        def _build_rank_expression(self, vectors, config):
            rank = super()._build_rank_expression(vectors, config)
            bonus = _exact_title_bonus(
                self.query, "index_entry__title", EXACT_TITLE_BONUS, "index_entry__object_id"
            )
            # BM25 scores are negative and sorted ascending: subtract the bonus.
            return rank - bonus if bonus is not None else rank

    return StemmedSQLiteIndex, StemmedSQLiteCompiler


def fts_table() -> str:
    """SQLite's full-text table, Wagtail's index table's ``_fts`` twin."""
    return get_app_config().get_model("IndexEntry")._meta.db_table + "_fts"


def write_stems(connection, rows: Iterable[tuple[int, str | None, str, str | None]]) -> int:
    """Write the stems of ``(index row id, language, title, body)`` rows into
    SQLite's full-text table (the row of the same id). Returns how many."""
    stemmed = [
        (stem_text(title, language), stem_text(body, language), pk)
        for pk, language, title, body in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {fts_table()} SET title = %s, body = %s WHERE rowid = %s",  # noqa: S608
            stemmed,
        )
    return len(stemmed)


_average_title = {}
AVERAGE_TITLE_TIMEOUT = 24 * 3600


def average_title_length(using: str = DEFAULT_DB_ALIAS, refresh: bool = False) -> float:
    """The average number of lexemes in an indexed title, which Wagtail's
    title norm divides by each title's. Measuring it scans the whole index
    (0.8 s at a million rows), so it is kept in the process and in the shared
    cache for a day; ``refresh`` measures it again."""
    key = f"search:average-title:{using}"
    if not refresh and using in _average_title:
        return _average_title[using]
    value = None if refresh else cache.get(key)
    if value is None:
        table = get_app_config().get_model("IndexEntry")._meta.db_table
        with connections[using].cursor() as cursor:
            cursor.execute(f"SELECT AVG(length(title)) FROM {table} WHERE length(title) > 0")  # noqa: S608
            value = float(cursor.fetchone()[0] or 1.0)
        cache.set(key, value, AVERAGE_TITLE_TIMEOUT)
    _average_title[using] = value
    return value


try:
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
except ImportError:  # pragma: no cover  (django.contrib.postgres needs psycopg)
    PostgresSearchBackend = None


_indexing = threading.local()


def language_of(obj: object) -> str:
    """The language code of an indexed object: its locale's, else the default."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return settings.LANGUAGE_CODE
    return _locale_languages().get(locale_id, settings.LANGUAGE_CODE)


def _locale_languages():
    return dict(Locale.objects.values_list("pk", "language_code"))


if PostgresSearchBackend is not None:

    class LocalizedPostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            languages = _locale_languages()
            groups = {}
            for obj in objs:
                code = languages.get(getattr(obj, "locale_id", None), settings.LANGUAGE_CODE)
                groups.setdefault(self.backend.config_for(code), []).append(obj)
            for config, group in groups.items():
                with self.backend.indexing_with(config):
                    super().add_items(model, group)
            self._set_title_norms(model, objs)

        def _refresh_title_norms(self, full=False):
            """Wagtail recomputes the average title length over the whole index
            and then scans it for new rows after every save, which at a million
            rows costs about a second per saved object: only the full refresh
            is kept; new rows get their norm in ``_set_title_norms``."""
            if full:
                super()._refresh_title_norms(full=True)

        def _set_title_norms(self, model, objs):
            average = average_title_length(self.write_connection.alias)
            self.entries.filter(
                content_type_id=get_content_type_pk(model),
                object_id__in=[str(obj.pk) for obj in objs],
            ).annotate(title_length=Length("title")).filter(title_length__gt=0).update(
                title_norm=average / F("title_length")
            )

    class LocalizedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            rank = super()._build_rank_expression(vectors, config)
            bonus = _exact_title_bonus(
                self.query, "index_entries__title_text", EXACT_TITLE_BONUS, "pk"
            )
            return rank + bonus if bonus is not None else rank

    class LocalizedPostgresSearchBackend(PostgresSearchBackend):
        """``config`` is the configuration of the object being indexed, or
        else of the active language."""

        index_class = LocalizedPostgresIndex
        query_compiler_class = LocalizedPostgresSearchQueryCompiler

        def __init__(self, params):
            # Language code -> text-search configuration: SEARCH_LANGUAGE_CONFIGS
            # in the settings; a language missing there falls back to the
            # default language's configuration.
            self.language_configs = dict(params.get("LANGUAGE_CONFIGS", {}))
            super().__init__(params)

        @property
        def config(self):
            override = getattr(_indexing, "config", None)
            if override:
                return override
            return self.config_for(translation.get_language() or settings.LANGUAGE_CODE)

        @config.setter
        def config(self, value):
            # SEARCH_CONFIG, when set, replaces the default language's configuration.
            if value:
                self.language_configs[settings.LANGUAGE_CODE] = value

        def config_for(self, language_code):
            code = (language_code or settings.LANGUAGE_CODE).split("-")[0].lower()
            return self.language_configs.get(
                code, self.language_configs.get(settings.LANGUAGE_CODE, "simple")
            )

        @contextmanager
        def indexing_with(self, config):
            previous = getattr(_indexing, "config", None)
            _indexing.config = config
            try:
                yield
            finally:
                _indexing.config = previous
