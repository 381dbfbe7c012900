"""Rows by primary key from SQL compiled once per shape.

Django compiles a queryset's SQL anew every time it runs. For a page model
with a few dozen fields behind ``wagtailcore_page`` that costs about 0.4 ms,
more than running the query, and some reads run once per request on pages
that change each time (the facts of search results, say).

``by_ids(model, ids)`` gives the instances with those primary keys (fields
named in ``defer`` left deferred) from SQL compiled once per model, deferred
fields, database and length of the id list (padded to the next power of
two, so that lengths share a shape): the queryset is compiled with stand-in
ids, the positions of the stand-ins among its parameters are kept, and each
call fills in its own ids, runs the SQL, applies the fields' converters and
builds the instances as Django's own iterable would (``Model.from_db``).

Only what reads by a list of ids uses it; anything that filters otherwise
stays an ordinary queryset.
"""

import threading
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model

STAND_IN_FIRST_ID = -920_000  # primary keys used here are positive integers


class _Shape(NamedTuple):
    sql: str
    params: tuple
    slots: tuple[int, ...]  # the position of each stand-in id among the parameters
    compiler: Any
    converters: dict
    attnames: tuple[str, ...]


_shapes: dict[tuple, _Shape | None] = {}
_lock = threading.Lock()


def padded(ids: list[int]) -> list[int]:
    """``ids`` with the last repeated up to the next power of two in length."""
    if not ids:
        return ids
    return ids + ids[-1:] * ((1 << (len(ids) - 1).bit_length()) - len(ids))


def by_ids(
    model: type[Model],
    ids: Iterable[int],
    defer: tuple[str, ...] = (),
    using: str = DEFAULT_DB_ALIAS,
) -> list[Model]:
    """The instances of ``model`` whose primary keys are in ``ids``, in no
    particular order, with the fields in ``defer`` deferred."""
    ids = padded(list(dict.fromkeys(ids)))
    if not ids:
        return []
    key = (model, defer, len(ids), using)
    shape = _shapes.get(key, False)
    if shape is False:
        shape = _compile(model, defer, len(ids), using)
        with _lock:
            _shapes[key] = shape
    if shape is None:  # the stand-ins did not come back as expected: the ORM answers
        return list(model._base_manager.using(using).filter(pk__in=ids).defer(*defer))
    params = list(shape.params)
    for position, pk in zip(shape.slots, ids, strict=True):
        params[position] = pk
    with connections[using].cursor() as cursor:
        cursor.execute(shape.sql, params)
        rows = cursor.fetchall()
    if shape.converters:
        rows = shape.compiler.apply_converters(rows, shape.converters)
    return [model.from_db(using, shape.attnames, row) for row in rows]


def _compile(model, defer, length, using) -> _Shape | None:
    stand_ins = [STAND_IN_FIRST_ID - n for n in range(length)]
    queryset = model._base_manager.using(using).filter(pk__in=stand_ins).defer(*defer)
    compiler = queryset.query.get_compiler(using=using)
    sql, params = compiler.as_sql()
    positions = {value: n for n, value in enumerate(params) if value in set(stand_ins)}
    if len(positions) != length or sum(value in positions for value in params) != length:
        return None
    if compiler.klass_info is None or compiler.klass_info.get("related_klass_infos"):
        return None  # not one model's own columns
    select = compiler.select
    attnames = tuple(column.target.attname for column, _sql, _alias in select)
    converters = compiler.get_converters([column for column, _sql, _alias in select])
    return _Shape(
        sql,
        tuple(params),
        tuple(positions[value] for value in stand_ins),
        compiler,
        converters,
        attnames,
    )


def clear() -> None:
    with _lock:
        _shapes.clear()
