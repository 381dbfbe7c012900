"""One page of results by relevance on SQLite, in one pass over the matches.

Wagtail's SQLite backend orders a search by a correlated subquery: for each
matching page it runs the full-text ``MATCH`` again and scans its rows for
that page's to read the score. A search with n matches reads the full-text
index n + 1 times; on the reference content that is 0.85 ms of a 6 ms search,
and it grows with the square of the matches.

``ranked_statement`` gives the same page of results, in the same order, with
the full-text table read once: the matches (the search's filtered page ids,
``ids_sql``, a CTE) are joined to the rows of the ``MATCH``, each scored by
the same formula as Wagtail's (BM25 on the title, weighted by its norm, plus
BM25 on the body, less the bonus of an exact title or of a page the text
names, ``backends._exact_title_bonus``), ordered by score, then by id
descending. ``tests/test_statements.py`` compares its pages of results with
the querysets' on many searches, so a change of Wagtail's formula shows there.
"""

from django.db import connection
from modelsearch.conf import get_app_config
from wagtail.models import Page

from .backends import EXACT_TITLE_BONUS, fts_table
from .statements import Words, match_parameter


def ranked_statement(
    ids_sql: str, ids_params: list, words: Words, offset: int, limit: int
) -> tuple[str, list] | None:
    """``(sql, params)`` of the ids of results ``offset`` to ``offset + limit``
    by relevance among the pages ``ids_sql`` selects; None when Wagtail's
    querysets must answer (a query its compiler treats otherwise)."""
    match = match_parameter(words)
    if match is None:
        return None
    fts = fts_table()
    entries = get_app_config().get_model("IndexEntry")._meta.db_table
    pages = Page._meta.db_table
    score = f"((bm25({fts}) * e.title_norm) + (bm25({fts}) * 1.0))"
    params = [*ids_params, match]
    exact = words.exact.strip()
    if exact:
        conditions = ["e.title LIKE %s ESCAPE '\\'"]
        params_bonus = [connection.ops.prep_for_like_query(exact)]
        if words.named:
            conditions.append(f"e.object_id IN ({', '.join(['%s'] * len(words.named))})")
            params_bonus += [str(pk) for pk in words.named]
        score = (
            f"({score} - CASE WHEN ({' OR '.join(conditions)}) "
            f"THEN {EXACT_TITLE_BONUS!r} ELSE 0.0 END)"
        )
        params = [*ids_params, *params_bonus, match]
    sql = (
        f"WITH m(id) AS ({ids_sql}) "  # noqa: S608 - table names only; values are parameters
        f"SELECT p.id, {score} AS score FROM {fts} "
        f"JOIN {entries} e ON e.id = {fts}.rowid "
        f"JOIN {pages} p ON p.id = CAST(e.object_id AS INTEGER) "
        "AND p.content_type_id = e.content_type_id "
        f"WHERE {fts} MATCH %s AND p.id IN (SELECT id FROM m) "
        "ORDER BY score ASC, p.id DESC LIMIT %s OFFSET %s"
    )
    return sql, [*params, limit, offset]
