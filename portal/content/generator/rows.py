"""Plain rows, without model instances: ``RowWriter`` inserts dicts into one
model's table (``COPY`` on PostgreSQL, ``executemany`` on SQLite),
``allocate_ids`` takes primary keys up front, ``chunks`` keeps ``IN (...)``
lists within SQLite's limit on query parameters."""

import json
from collections.abc import Iterable, Iterator

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.db.models.fields import AutoFieldMixin

from .errors import GeneratorError

# Keeps every IN (...) list under SQLite's limit on query parameters.
IN_CHUNK = 900


class RowWriter:
    """Inserts plain rows (dicts of attribute name -> Python value) into one
    model's own table, without building model instances: ``COPY`` on
    PostgreSQL, one ``executemany`` on SQLite. Missing values take the field's
    default; dates, datetimes, UUIDs and JSON are adapted as the ORM would.
    Bypasses ``save()`` and signals on purpose: callers supply every value."""

    def __init__(
        self, model: type[Model], connection: BaseDatabaseWrapper, with_pk: bool = False
    ) -> None:
        if connection.vendor not in ("postgresql", "sqlite"):
            raise GeneratorError("generate_content works on PostgreSQL and SQLite only.")
        self.connection = connection
        self.fields = [
            f
            for f in model._meta.local_concrete_fields
            if with_pk or not isinstance(f, AutoFieldMixin)
        ]
        self.defaults = [f.default if f.has_default() else f.get_default() for f in self.fields]
        self.adapters = [self._adapter(f) for f in self.fields]
        quote = connection.ops.quote_name
        table = quote(model._meta.db_table)
        columns = ", ".join(quote(f.column) for f in self.fields)
        if connection.vendor == "postgresql":
            self.sql = f"COPY {table} ({columns}) FROM STDIN"
        else:
            placeholders = ", ".join(["%s"] * len(self.fields))
            self.sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"

    def _adapter(self, field):
        ops = self.connection.ops
        kind = field.get_internal_type()
        if kind == "DateTimeField":
            return ops.adapt_datetimefield_value
        if kind == "DateField":
            return ops.adapt_datefield_value
        if kind == "UUIDField" and not self.connection.features.has_native_uuid_field:
            return lambda value: value.hex
        if kind == "JSONField":
            encoder = getattr(field, "encoder", None)
            return lambda value: json.dumps(value, cls=encoder)
        return None

    def write(self, rows: Iterable[dict]) -> int:
        """Insert ``rows`` (any iterable of dicts); returns how many."""
        attnames = [f.attname for f in self.fields]
        values = []
        for row in rows:
            out = []
            for name, default, adapt in zip(attnames, self.defaults, self.adapters, strict=True):
                value = row[name] if name in row else (default() if callable(default) else default)
                out.append(adapt(value) if adapt is not None and value is not None else value)
            values.append(out)
        if not values:
            return 0
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                with cursor.cursor.copy(self.sql) as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, values)
        return len(values)


def allocate_ids(model: type[Model], count: int, connection: BaseDatabaseWrapper) -> list[int]:
    """``count`` new primary keys for ``model``, taken before inserting so that
    the related rows can be written in the same batch. PostgreSQL: from the
    column's sequence (safe with concurrent writers). SQLite: after the highest
    id ever used (AUTOINCREMENT's sqlite_sequence included); the caller has
    already written in this transaction, so it holds SQLite's write lock."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), column, count],
            )
            return sorted(row[0] for row in cursor.fetchall())
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT max({quote(column)}) FROM {quote(table)}")
        highest = cursor.fetchone()[0] or 0
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        first = max(highest, row[0] if row else 0) + 1
        return list(range(first, first + count))


def chunk_size(connection: BaseDatabaseWrapper) -> int:
    """How many values an IN (...) list may hold: SQLite limits the number of
    query parameters, PostgreSQL does not."""
    return IN_CHUNK if connection.vendor == "sqlite" else 10_000


def chunks(values: Iterable, size: int = IN_CHUNK) -> Iterator[list]:
    """``values`` in lists of at most ``size``."""
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]
