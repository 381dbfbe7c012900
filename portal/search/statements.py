"""The SQL of a ``WagtailEngine`` search on SQLite, built once per shape.

Wagtail's SQLite backend builds each search as Django querysets: a filter on
the full-text table, a ranking subquery, the exact-title bonus, the page
filters. Building and compiling them costs more than running them (about 3 ms
of a 10 ms search on the reference content). Yet two searches with the same
filters, sort, language and content version compile to the same SQL: only the
words change, and they reach the SQL in three kinds of parameters only:

- the ``MATCH`` expression of the full-text table (the stems of the words);
- the exact-title bonus's ``LIKE`` pattern (the text as typed);
- the ids of the pages the text names (``names.py``).

So each statement is compiled once for its shape with stand-ins for those
three (a word no text holds, a title no page has, ids no page has); the
positions of the stand-ins among the parameters are recorded (a statement
that counts needs no ranking, so only the ``MATCH``), and a later
search of that shape fills in its own values: its ``MATCH`` expression
compiled by Wagtail's own compiler, its ``LIKE`` pattern as Django's lookup
would escape it, its named ids. The shape includes the content version
(restrictions and the types of pages are part of the SQL), the filters with
their values, the sort, whether there is an exact title and how many pages
it names. ``tests/test_statements.py`` compares both ways on many searches.

Anything this cannot read (another backend, a query Wagtail treats
specially, a stand-in that does not come back exactly once per place) falls
back to the querysets, for that shape."""

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

from django.db import connection
from django.db.models import QuerySet
from modelsearch.query import MatchAll, Not
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.core.cache import content_version

from .backends import TitleQuery

STAND_IN_MARK = "qzxjvw"  # in both stand-ins, in no language
STAND_IN_WORD = "qzxjvwstandin"  # stems to itself
STAND_IN_TITLE = "qzxjvw stand-in title"
STAND_IN_FIRST_ID = -910_000  # page ids are positive
MAX_SHAPES = 512
UNUSABLE = object()  # a shape the querysets answer


class Template(NamedTuple):
    sql: str
    params: tuple
    # (position, "match" | "title" | "named", index into the named ids)
    slots: tuple[tuple[int, str, int], ...]


class Words(NamedTuple):
    """What a search's words put into its SQL."""

    tokens: tuple[str, ...]
    exact: str
    named: tuple[int, ...]
    language: str | None


_shapes: OrderedDict = OrderedDict()
_lock = threading.Lock()


def sqlite_backend() -> bool:
    return connection.vendor == "sqlite" and hasattr(
        get_search_backend().query_compiler_class, "build_search_query"
    )


def statement(
    name: str,
    shape: tuple,
    words: Words,
    build: Callable[[Words], QuerySet],
) -> tuple[str, list] | None:
    """``(sql, params)`` of ``build(words)`` compiled, read from the shape's
    template; None when the querysets must answer (then run ``build``)."""
    words = words._replace(named=_padded(words.named))
    key = (name, content_version(), bool(words.exact.strip()), len(words.named), *shape)
    with _lock:
        template = _shapes.get(key)
        if template is not None:
            _shapes.move_to_end(key)
    if template is None:
        template = _template(build, words)
        with _lock:
            _shapes[key] = template
            while len(_shapes) > MAX_SHAPES:
                _shapes.popitem(last=False)
    if template is UNUSABLE:
        return None
    match = match_parameter(words)
    if match is None:
        return None
    title = connection.ops.prep_for_like_query(words.exact.strip())
    params = list(template.params)
    for position, kind, index in template.slots:
        if kind == "match":
            params[position] = match
        elif kind == "title":
            params[position] = title
        else:
            params[position] = str(words.named[index])
    return template.sql, params


def _padded(named: tuple[int, ...]) -> tuple[int, ...]:
    """The named ids, the last repeated up to the next power of two: they only
    ever fill an ``IN`` list, where a repeat changes nothing, and each length
    is a shape of its own."""
    if not named:
        return named
    return named + named[-1:] * ((1 << (len(named) - 1).bit_length()) - len(named))


def _stand_ins(words: Words) -> Words:
    return Words(
        tokens=(STAND_IN_WORD,),
        exact=STAND_IN_TITLE if words.exact.strip() else "",
        named=tuple(STAND_IN_FIRST_ID - n for n in range(len(words.named))),
        language=words.language,
    )


def _template(build: Callable[[Words], QuerySet], words: Words) -> Template | object:
    stand_ins = _stand_ins(words)
    match = match_parameter(stand_ins)
    if match is None or STAND_IN_WORD not in match:
        return UNUSABLE
    sql, params = build(stand_ins).query.sql_with_params()
    title = connection.ops.prep_for_like_query(stand_ins.exact)
    named = {str(pk): n for n, pk in enumerate(stand_ins.named)}
    slots = []
    for position, value in enumerate(params):
        if value == match:
            slots.append((position, "match", 0))
        elif stand_ins.exact and value == title:
            slots.append((position, "title", 0))
        elif value in named:
            slots.append((position, "named", named[value]))
        elif (isinstance(value, str) and STAND_IN_MARK in value) or (
            isinstance(value, int) and value <= STAND_IN_FIRST_ID
        ):
            return UNUSABLE  # the words reached the SQL in a form not known here
    if not any(kind == "match" for _position, kind, _index in slots):
        return UNUSABLE
    return Template(sql, tuple(params), tuple(slots))


def match_parameter(words: Words) -> str | None:
    """The full-text table's ``MATCH`` expression for these words, as Wagtail's
    SQLite compiler writes it (stems included); None for a query it treats
    otherwise (nothing to match, a negation)."""
    return _match_parameter(words.tokens, words.language)


@functools.lru_cache(maxsize=1024)
def _match_parameter(tokens: tuple[str, ...], language: str | None) -> str | None:
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize

    backend = get_search_backend()
    query = TitleQuery(" ".join(tokens), language=language, operator="and")
    compiler = backend.query_compiler_class(Page.objects.none(), query)
    normalized = normalize(query)
    if isinstance(normalized, MatchAll | Not):
        return None
    search_query = compiler.build_search_query(normalized, config=compiler.get_config(backend))
    expression = MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, search_query)
    _sql, params = expression.as_sql(
        Page.objects.none().query.get_compiler(connection=connection), connection
    )
    return params[0] if len(params) == 1 else None


def clear() -> None:
    with _lock:
        _shapes.clear()
    _match_parameter.cache_clear()
