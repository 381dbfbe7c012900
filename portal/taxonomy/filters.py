"""Reading the filters that listings and search share from a query string:
the tag filters (one per tag kind, by term slug) and the year.

Values are validated here once: a year is ASCII digits within
``MIN_YEAR``–``MAX_YEAR``; a tag value names an existing term of its kind.
Callers report what is invalid in their own words and ignore it."""

from __future__ import annotations

from collections.abc import Mapping

from portal.core.params import bounded_int

from .models import Term
from .registry import TagKind, tag_kinds
from .years import MAX_YEAR, MIN_YEAR

__all__ = ["MAX_YEAR", "MIN_YEAR", "param_value", "parse_tags", "parse_year"]

MAX_SLUG = 120


def param_value(params: Mapping[str, str], name: str) -> str:
    """The stripped value of ``name`` in ``params``, or ""."""
    return (params.get(name) or "").strip()


def parse_year(value: str) -> int | None:
    """``value`` as a year between MIN_YEAR and MAX_YEAR, else None. Only
    ASCII digits count (``int()`` would take "²" or Arabic-Indic digits)."""
    return bounded_int(value, MIN_YEAR, MAX_YEAR)


def parse_tags(params: Mapping[str, str]) -> tuple[dict[str, Term], list[tuple[TagKind, str]]]:
    """The terms named by the tag filters in ``params``: ({param: term},
    [(kind, value) of the values naming no term]). One query in all."""
    wanted = {}
    for kind in tag_kinds():
        value = param_value(params, kind.param)
        if value:
            wanted[kind.param] = (kind, value)
    if not wanted:
        return {}, []
    # A NUL byte or other control character never reaches the database.
    found = {
        (term.kind, term.slug): term
        for term in Term.objects.filter(
            slug__in=[value[:MAX_SLUG] for _kind, value in wanted.values() if value.isprintable()],
            kind__in=[kind.term_kind for kind, _value in wanted.values()],
        )
    }
    terms, invalid = {}, []
    for param, (kind, value) in wanted.items():
        term = found.get((kind.term_kind, value)) if value.isprintable() else None
        if term is None:
            invalid.append((kind, value))
        else:
            terms[param] = term
    return terms, invalid
