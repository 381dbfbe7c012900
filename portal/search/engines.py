"""How a ``SiteSearch`` finds, counts and ranks its matches.

- ``EntryEngine`` (PostgreSQL with the database backend): reads
  ``search.Entry`` alone. Matching is one read of the partial GIN index of
  visible rows; language, type, tags, year and document language are columns
  of the same rows, so counting the facets of the matches and ranking them
  touch no other table.
- ``WagtailEngine`` (SQLite, or a search server): Wagtail's search backend
  over the live, public pages of the visitor's language, with the facets
  counted by joining the match ids to the page, date, file and tag tables.

Both stop counting and ranking at ``MAX_MATCHES`` matches (``EntryEngine``
at ``RECENT`` for a broad query, and says so under "cap"), and both answer
``counts()`` in the same shape: ``{"total": {"": n}, "type": {kind: n},
"term": {term id: n}, "year": {year: n}, "language": {code: n},
"choice": {"param:value": n}}`` (keys as strings; "choice" holds the page
types' own facets, ``definitions.choice_facets``).
"""

import functools

from django.apps import apps
from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, When
from modelsearch.backends.database.postgres.weights import get_sql_weights
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.core.restrictions import public_by_path

from . import statements
from .backends import EXACT_TITLE_BONUS, TitleQuery
from .definitions import (
    MAX_MATCHES,
    choice_facets,
    document_models,
    entries_enabled,
    files_relation,
    tag_table_of,
    tag_tables,
)
from .models import PageDate
from .ranking import ranked_statement
from .statements import Words

# A query with more matches than this among the recent pages is counted and
# ranked on that many of them (EntryEngine).
RECENT = 2_000
EXTERNAL_BACKEND_LIMIT = 1000  # results taken from a non-database backend
# How many matches (in a cheap first order) are ranked by relevance: a multiple
# of the page size, so that no page of results straddles the boundary.
RANKED = 500


def _tsquery_text(tokens):
    """``'w1' & 'w2'``: each word a quoted lexeme for ``to_tsquery`` (the
    suggestions' prefix query). Tokens are ``\\w+`` only; quotes and
    backslashes are escaped all the same."""
    quoted = ("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in tokens)
    return " & ".join(quoted)


# The query as PostgreSQL's own parser reads the text typed, with the
# language's configuration: the same parser that built the vectors, so that
# "1043/21" or "e-mail" are single tokens on both sides. plainto_tsquery
# reads no operators, so nothing typed is syntax.
TSQUERY = "plainto_tsquery(%s::regconfig, %s)"


class EntryEngine:
    """Matching, counting and ranking on ``search.Entry`` (PostgreSQL)."""

    def __init__(self, search):
        self.search = search
        backend = get_search_backend()
        self.config = backend.config_for(search.language)
        self._page_ids = None  # (offset, limit, ids) computed with the counts

    def _text(self):
        """The text typed (cleaned, bounded in length)."""
        return self.search.query

    def _where(self, tokens=None, text_match=True):
        """The WHERE clause and its parameters for the query (or ``tokens``)
        and the filters; without the text match if ``text_match`` is false."""
        search = self.search
        clauses = ["e.visible", "e.locale_id = %s"]
        params = [search.locale.pk if search.locale else 0]
        if text_match:
            clauses.append(f"(e.heading || e.body) @@ {TSQUERY}")
            params += [self.config, " ".join(tokens) if tokens is not None else self._text()]
        for param, value in search.filters.items():
            if param == "type":
                clauses.append("e.kind = %s")
                params.append(value)
            elif param == "year":
                clauses.append("e.date >= make_date(%s, 1, 1) AND e.date < make_date(%s, 1, 1)")
                params += [value, value + 1]
            elif param == "language":
                clauses.append("e.languages @> ARRAY[%s]::varchar[]")
                params.append(value)
            elif param in search.choice_params():  # a page type's own facet
                clauses.append("e.choices @> ARRAY[%s]::varchar[]")
                params.append(search.choice_params()[param].value(value))
            else:  # a tag facet: the term
                clauses.append("e.terms @> ARRAY[%s]::integer[]")
                params.append(value.pk)
        return " AND ".join(clauses), params

    # Ranking. Ranking every match costs about 5 µs a row (two ts_rank calls
    # on vectors that must be decompressed), which for a broad word is most of
    # a search's time. So the matches are first put in a cheap order (exact
    # title, every word in the title, newest), the first RANKED of that order
    # are ranked by Wagtail's formula and shown first, and any further
    # matches follow in the cheap order. A query with fewer matches than
    # RANKED is ranked in full, exactly as Wagtail ranks it.

    def _matches(self):
        """The matches to count and rank, as the CTE ``m`` with the columns
        counts and the cheap order need, and a CTE ``cap`` (how many it holds
        at most); and their parameters.

        A broad query (more than RECENT matches in the recent tier: undated
        pages and the newest dated ones) is answered from the first RECENT
        matches found in that tier, read through its own, smaller index;
        any other query from the first MAX_MATCHES matches found in all."""
        where, params = self._where()
        # The page titled as typed, looked up by title alone (its index), never
        # through the text match, which for a broad word reads every match.
        titled, titled_params = self._where(text_match=False)
        text = self._text()
        # "Exact": titled as typed, or named by it (an alias: ``names.py``).
        exact = "(lower(e.title) = lower(%s) OR e.page_id = ANY(%s::integer[]))"
        named = self.search.named_pages()
        columns = (
            f"e.page_id, e.kind, e.date, e.terms, e.languages, e.choices, {exact} AS exact, "
            f"e.heading @@ {TSQUERY} AS in_title"
        )
        column_params = [self.search.query, named, self.config, text]
        sql = (
            f"r AS MATERIALIZED (SELECT {columns} FROM search_entry e "  # noqa: S608
            f"WHERE {where} AND e.recent LIMIT {RECENT + 1}), "
            f"broad AS (SELECT count(*) > {RECENT} AS yes FROM r), "
            f"f AS MATERIALIZED (SELECT {columns} FROM search_entry e "
            f"WHERE {where} AND NOT (SELECT yes FROM broad) LIMIT {MAX_MATCHES + 1}), "
            "c AS (SELECT * FROM r WHERE (SELECT yes FROM broad) UNION ALL SELECT * FROM f), "
            # A page titled exactly as typed is always among them, wherever it lies.
            f"x AS (SELECT {columns} FROM search_entry e "
            f"WHERE {titled} AND {exact} LIMIT 10), "
            "m AS MATERIALIZED (SELECT * FROM c UNION ALL "
            "SELECT * FROM x WHERE x.page_id NOT IN (SELECT c.page_id FROM c)), "
            f"cap AS (SELECT CASE WHEN yes THEN {RECENT} ELSE {MAX_MATCHES} END AS n FROM broad)"
        )
        return sql, [
            *column_params,
            *params,
            *column_params,
            *params,
            *column_params,
            *titled_params,
            self.search.query,
            named,
        ]

    def _page(self, offset, limit):
        """A SELECT of (page_id, position) for one page of results, reading the
        CTE ``m``; and its parameters."""
        if self.search.sort == "date":
            order = "m.date DESC NULLS LAST, m.page_id DESC"
            return (
                f"SELECT m.page_id, row_number() OVER (ORDER BY {order}) AS n FROM m "
                f"ORDER BY {order} OFFSET %s LIMIT %s"
            ), [offset, limit]
        cheap = "m.exact DESC, m.in_title DESC, m.date DESC NULLS LAST, m.page_id DESC"
        parts, params = [], []
        if offset < RANKED:
            weights = get_sql_weights()
            query = TSQUERY
            text = self._text()
            parts.append(
                "SELECT r.page_id, r.n FROM (SELECT q.page_id, row_number() OVER "  # noqa: S608
                "(ORDER BY q.rank DESC, q.page_id DESC) AS n FROM (SELECT e.page_id, "
                f"ts_rank('{weights}', e.heading, {query}) * e.title_norm "
                f"+ ts_rank('{weights}', e.body, {query}) "
                "+ CASE WHEN c.exact THEN %s ELSE 0 END AS rank "
                f"FROM (SELECT m.page_id, m.exact FROM m ORDER BY {cheap} LIMIT {RANKED}) c "
                "JOIN search_entry e ON e.page_id = c.page_id) q) r "
                "ORDER BY r.n OFFSET %s LIMIT %s"
            )
            params += [self.config, text, self.config, text, EXACT_TITLE_BONUS]
            params += [offset, min(limit, RANKED - offset)]
        if offset + limit > RANKED:
            start = max(offset, RANKED)
            parts.append(
                f"SELECT m.page_id, row_number() OVER (ORDER BY {cheap}) AS n FROM m "
                f"ORDER BY {cheap} OFFSET %s LIMIT %s"
            )
            params += [start, offset + limit - start]
        return " UNION ALL ".join(f"({part})" for part in parts), params

    def finds(self, tokens: list[str]) -> bool:
        """Whether these words (with the same filters) match anything."""
        where, params = self._where(tokens)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM search_entry e WHERE {where})", params)  # noqa: S608
            return cursor.fetchone()[0]

    def counts(self) -> dict[str, dict[str, int]]:
        """The facet counts and, in the same pass over the matches, the ids of
        the page of results the search expects to show (``page_hint``), kept
        for ``page_ids``."""
        matches, params = self._matches()
        offset, limit = self.search.page_hint or (0, 0)
        page, page_params = self._page(offset, limit)
        sql = (
            f"WITH {matches} "  # noqa: S608
            "SELECT 'total', '', COUNT(*) FROM m "
            "UNION ALL SELECT 'cap', '', n FROM cap "
            "UNION ALL SELECT 'type', m.kind, COUNT(*) FROM m GROUP BY m.kind "
            "UNION ALL SELECT 'year', CAST(CAST(EXTRACT(YEAR FROM m.date) AS integer) AS text), "
            "COUNT(*) FROM m WHERE m.date IS NOT NULL GROUP BY 2 "
            "UNION ALL SELECT 'term', CAST(t.id AS text), COUNT(*) "
            "FROM m, unnest(m.terms) AS t(id) GROUP BY t.id "
            "UNION ALL SELECT 'language', l.code, COUNT(*) "
            "FROM m, unnest(m.languages) AS l(code) "
            "WHERE cardinality(m.languages) > 0 GROUP BY l.code "
            "UNION ALL SELECT 'choice', c.value, COUNT(*) "
            "FROM m, unnest(m.choices) AS c(value) "
            "WHERE cardinality(m.choices) > 0 GROUP BY c.value "
            f"UNION ALL SELECT 'ids', CAST(p.page_id AS text), p.n FROM ({page}) p"
        )
        counts = _grouped(sql, [*params, *page_params])
        ids = counts.pop("ids", {})
        self._page_ids = (offset, limit, [int(pk) for pk in sorted(ids, key=ids.get)])
        return counts

    def page_ids(self, offset: int, limit: int) -> list[int]:
        """The ids of one page of results, in order."""
        if self._page_ids is not None:
            first, size, ids = self._page_ids
            if first == offset and limit <= size:
                return ids[:limit]
        matches, params = self._matches()
        page, page_params = self._page(offset, limit)
        sql = f"WITH {matches} SELECT p.page_id FROM ({page}) p ORDER BY p.n"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *page_params])
            return [row[0] for row in cursor.fetchall()]

    def autocomplete(self, tokens: list[str], limit: int) -> list[int]:
        """Pages whose title words start with what was typed (the last word a
        prefix): structural pages (no date) first, then the newest items."""
        text = _tsquery_text([t.lower() for t in tokens]) + ":*"  # the last word a prefix
        sql = (
            "SELECT e.page_id FROM search_entry e "
            "WHERE e.visible AND e.locale_id = %s AND e.words @@ to_tsquery('simple', %s) "
            "ORDER BY e.date IS NOT NULL, e.date DESC, e.page_id DESC LIMIT %s"
        )
        locale_id = self.search.locale.pk if self.search.locale else 0
        with connection.cursor() as cursor:
            cursor.execute(sql, [locale_id, text, limit])
            return [row[0] for row in cursor.fetchall()]


def _grouped(sql, params):
    counts = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, count in cursor.fetchall():
            counts.setdefault(facet, {})[str(value)] = count
    return counts


class WagtailEngine:
    """Matching through Wagtail's search backend (SQLite, search servers)."""

    def __init__(self, search):
        self.search = search
        self._matches = None

    def base_queryset(self) -> QuerySet:
        """The live, public pages of the visitor's language, filtered."""
        search = self.search
        locale_id = search.locale.pk if search.locale else 0
        queryset = public_by_path(Page.objects.live()).filter(locale_id=locale_id, depth__gt=1)
        for param, value in search.filters.items():
            if param == "type":
                queryset = queryset.filter(content_type__in=search.types()[0][value])
            elif param == "year":
                queryset = queryset.filter(
                    id__in=PageDate.objects.filter(year=value).values("page_id")
                )
            elif param == "language":
                queryset = queryset.filter(_with_files_in(value))
            elif param in search.choice_params():  # a page type's own facet
                facet = search.choice_params()[param]
                pages = facet.model._default_manager.filter(**{facet.field: value})
                queryset = queryset.filter(id__in=pages.values("pk"))
            else:  # a tag facet: any of the three tag tables holds the term
                through = apps.get_model(tag_table_of(value.kind))
                queryset = queryset.filter(
                    id__in=through.objects.filter(term=value).values("page_id")
                )
        return queryset

    def _words(self, tokens: list[str] | None = None) -> Words:
        search = self.search
        return Words(
            tokens=tuple(search.tokens if tokens is None else tokens),
            exact=search.query,
            named=tuple(search.named_pages()),
            language=search.language,
        )

    def _search(self, words: Words, by_relevance: bool):
        query = TitleQuery(
            " ".join(words.tokens),
            exact_title=words.exact,
            language=words.language,
            named=words.named,
            operator="and",
        )
        backend = get_search_backend()
        return backend.search(query, self.base_queryset(), order_by_relevance=by_relevance)

    def finds(self, tokens: list[str]) -> bool:
        """Whether these words (with the same filters) match anything."""
        return bool(list(self._search(self._words(tokens), by_relevance=False)[:1]))

    def matches(self) -> QuerySet:
        """The matching pages, ordered by relevance or date (a queryset)."""
        if self._matches is None:
            self._matches = self._matches_for(self._words())
        return self._matches

    def _matches_for(self, words: Words) -> QuerySet:
        by_relevance = self.search.sort == "relevance"
        results = self._search(words, by_relevance)
        if hasattr(results, "get_queryset"):
            queryset = results.get_queryset()
        else:  # a search server: take its best results and keep their order
            ids = [page.pk for page in results[:EXTERNAL_BACKEND_LIMIT]]
            queryset = Page.objects.filter(pk__in=ids).order_by(
                Case(
                    *[When(pk=pk, then=n) for n, pk in enumerate(ids)],
                    output_field=IntegerField(),
                )
            )
        hidden = _hidden_documents()
        if hidden is not None:
            queryset = queryset.exclude(hidden)
        if not by_relevance:
            queryset = queryset.order_by(F("search_date__date").desc(nulls_last=True), "-pk")
        return queryset

    def _sql(self, name: str, build) -> tuple[str, list]:
        """``build(words)``'s SQL: from the shape's template on SQLite
        (``statements.py``), else compiled from the querysets."""
        if statements.sqlite_backend():
            params = self.search.selected_params()
            params.pop("q", None)
            shape = (self.search.language, tuple(sorted(params.items())))
            found = statements.statement(name, shape, self._words(), build)
            if found is not None:
                return found
        sql, params = build(None).query.sql_with_params()
        return sql, list(params)

    def _matching(self, words: Words | None) -> QuerySet:
        """The matches of ``words``; of the search's own words when None."""
        return self.matches() if words is None else self._matches_for(words)

    def counts(self) -> dict[str, dict[str, int]]:
        """Every facet of the (first MAX_MATCHES) matches in one statement:
        the matching ids are computed once (a CTE) and grouped by each facet."""
        ids_sql, ids_params = self._sql(
            "ids", lambda words: self._matching(words).order_by().values("pk")[: MAX_MATCHES + 1]
        )
        page_table = Page._meta.db_table
        parts = [
            "SELECT 'total', '', COUNT(*) FROM m",
            f"SELECT 'type', CAST(p.content_type_id AS TEXT), COUNT(*) FROM {page_table} p "
            "WHERE p.id IN (SELECT id FROM m) GROUP BY p.content_type_id",
            f"SELECT 'year', CAST(d.year AS TEXT), COUNT(*) FROM {PageDate._meta.db_table} d "
            "WHERE d.page_id IN (SELECT id FROM m) GROUP BY d.year",
        ]
        files = files_relation()
        if files is not None:
            parts.append(
                f"SELECT 'language', f.language, COUNT(*) FROM {files} f "
                "WHERE f.page_id IN (SELECT id FROM m) GROUP BY f.language"
            )
        for facet in choice_facets():
            parts.append(
                f"SELECT 'choice', '{facet.param}:' || x.{facet.column}, COUNT(*) "
                f"FROM {facet.table} x WHERE x.{facet.page_column} IN (SELECT id FROM m) "
                f"AND x.{facet.column} <> '' GROUP BY x.{facet.column}"
            )
        for label in tag_tables():
            table = apps.get_model(label)._meta.db_table
            parts.append(
                f"SELECT 'term', CAST(t.term_id AS TEXT), COUNT(*) FROM {table} t "
                "WHERE t.page_id IN (SELECT id FROM m) GROUP BY t.term_id"
            )
        sql = f"WITH m(id) AS ({ids_sql}) " + " UNION ALL ".join(parts)  # noqa: S608
        raw = _grouped(sql, ids_params)
        # Content types -> search types, and a term tagged twice counted once per table.
        _ids, reverse = self.search.types()
        kinds = {}
        for content_type, n in raw.pop("type", {}).items():
            kind = reverse.get(int(content_type), "page")
            kinds[kind] = kinds.get(kind, 0) + n
        raw["type"] = kinds
        return raw

    def autocomplete(self, tokens: list[str], limit: int) -> list[int]:
        """Wagtail's autocomplete over titles, restricted documents left out."""
        backend = get_search_backend()
        found = backend.autocomplete(" ".join(tokens), self.base_queryset())
        ids = [page.pk for page in found[: limit * 2]]
        condition = _hidden_documents()
        if condition is not None:
            hidden = set(Page.objects.filter(condition, pk__in=ids).values_list("pk", flat=True))
            ids = [pk for pk in ids if pk not in hidden]
        return ids[:limit]

    def page_ids(self, offset: int, limit: int) -> list[int]:
        """The ids of one page of results, in order."""
        capped = self.search.counts().get("total", {}).get("", 0) > MAX_MATCHES
        # The paginator asks for what is left on the last page (7 of 20, say): asking
        # for the next power of two instead keeps the statement's shapes few.
        fetched = 1 << max(limit - 1, 0).bit_length()

        def build(words):
            matches = self._matching(words)
            if capped:
                matches = matches.filter(pk__in=matches.order_by().values("pk")[:MAX_MATCHES])
            return matches.values_list("pk", flat=True)[offset : offset + fetched]

        found = None
        if self.search.sort == "relevance" and statements.sqlite_backend():
            found = self._ranked(offset, fetched, capped)
        sql, params = found or self._sql(f"page:{offset}:{fetched}:{capped}", build)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()][:limit]

    def _ranked(self, offset: int, limit: int, capped: bool) -> tuple[str, list] | None:
        """SQLite: the page of results by relevance in one pass over the
        matches (``ranking.py``), the matches being those the counts read
        (the first ``MAX_MATCHES`` when capped)."""
        cap = MAX_MATCHES if capped else MAX_MATCHES + 1
        ids_sql, ids_params = self._sql(
            "ids" if not capped else "ids:capped",
            lambda words: self._matching(words).order_by().values("pk")[:cap],
        )
        return ranked_statement(ids_sql, ids_params, self._words(), offset, limit)


def _with_files_in(language: str) -> Q:
    """Pages with a declared file (``SearchDocuments``) in ``language``."""
    condition = Q(pk__in=[])  # nothing, when no page model declares files
    for declared in document_models():
        files = declared.files_of(**{declared.declaration.language_field: language})
        condition |= Q(id__in=files)
    return condition


@functools.cache
def _hidden_documents() -> Exists | None:
    """Pages hidden by their model's ``SearchDocuments.hidden`` (restricted
    documents: indexed for the admin's search, never shown), as an anti-join
    probed once per match, whatever their number; None when none are. Built
    once per process: it names no data, and a query using it resolves a copy."""
    condition = None
    for declared in document_models():
        hidden = declared.hidden_pages()
        if hidden is not None:
            exists = Exists(hidden.filter(pk=OuterRef("pk")))
            condition = exists if condition is None else condition | exists
    return condition


def engine_for(search) -> EntryEngine | WagtailEngine:
    """The engine for a search: ``search.Entry`` where it exists."""
    return EntryEngine(search) if entries_enabled() else WagtailEngine(search)
