"""The query parameters of the API, declared for the OpenAPI description and
checked by pydantic (a wrong type or a value out of bounds is a 400), then
read here into what the listing index understands.

Each list's filters are built from the registries: one parameter per tag kind
(a term's slug or id), one per facet of the page type (``listing_facets``;
renamed ``<search type>_<name>`` where it would take one of the API's own
names, as a publication's ``language`` of files becomes
``publication_language``)."""

import datetime
import re
from functools import cache
from typing import Annotated, Literal

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import BeforeValidator, Field, create_model

from portal.core.params import bounded_int
from portal.listings.kinds import listed_kind
from portal.taxonomy.filters import MAX_SLUG
from portal.taxonomy.models import Term
from portal.taxonomy.registry import TagKind, tag_kinds

from .errors import BadRequest

ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ISO_MOMENT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?$")


def _written_as(pattern: re.Pattern, what: str):
    """Only ISO 8601 text: pydantic would also read a number as a Unix time."""

    def check(value):
        if isinstance(value, str) and not pattern.match(value):
            raise ValueError(f"Not {what}.")
        return value

    return BeforeValidator(check)


IsoDate = Annotated[datetime.date, _written_as(ISO_DATE, "a date (YYYY-MM-DD)")]
IsoMoment = Annotated[datetime.datetime, _written_as(ISO_MOMENT, "an ISO 8601 moment")]
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_ID = 2**31 - 1
Language = Literal[tuple(code for code, _name in settings.LANGUAGES)]  # type: ignore[valid-type]
RESERVED = {"language", "limit", "cursor", "date_from", "date_to", "updated_since", "when"}


class Common(Schema):
    language: Language = Field(  # type: ignore[valid-type]
        settings.LANGUAGE_CODE,
        description="The language of the items: each is its translation, or the English "
        "item with `translated: false`.",
    )


class Paged(Common):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")
    cursor: str | None = Field(
        None, max_length=80, description="The `next_cursor` of the previous page."
    )


def facet_params(key: str) -> dict[str, str]:
    """{API parameter: the listing index's facet} of a listed kind's own facets."""
    kind = listed_kind(key)
    facets = getattr(kind.model_class(), "listing_facets", {})
    return {(f"{kind.search_type}_{name}" if name in RESERVED else name): name for name in facets}


@cache
def filter_schema(key: str) -> type[Schema]:
    """The filters of one listed kind's list, from both registries."""
    kind = listed_kind(key)
    model = kind.model_class()
    fields = {}
    for tag in tag_kinds():
        fields[tag.param] = (
            str | None,
            Field(
                None,
                max_length=120,
                description=f"Items tagged with this {tag.param.replace('_', ' ')}: "
                "a term's slug or id.",
            ),
        )
    facets = getattr(model, "listing_facets", {})
    for api_name, name in facet_params(key).items():
        _field, choices, label = facets[name]
        values = tuple(str(value) for value, _text in choices())
        fields[api_name] = (
            Literal[values] | None,  # type: ignore[valid-type]
            Field(None, description=f"{label}."),
        )
    fields["date_from"] = (
        IsoDate | None,
        Field(None, description="Items dated on or after this day (YYYY-MM-DD)."),
    )
    fields["date_to"] = (
        IsoDate | None,
        Field(None, description="Items dated on or before this day (YYYY-MM-DD)."),
    )
    fields["updated_since"] = (
        IsoMoment | None,
        Field(None, description="Items published or republished since this moment (ISO 8601)."),
    )
    return create_model(f"{model.__name__}Filters", __base__=Paged, **fields)


def no_term(kind: TagKind, value: str) -> str:
    return _("There is no %(facet)s “%(value)s”.") % {
        "facet": str(kind.label).lower(),
        "value": value[:80],
    }


def tag_filters(filters: Schema) -> dict[str, Term]:
    """The terms the tag filters name, by slug or by id: {param: term}. One
    query; ``BadRequest`` for a value that names no term of its kind."""
    wanted: dict[str, tuple[TagKind, str | int]] = {}
    for tag in tag_kinds():
        value = (getattr(filters, tag.param, None) or "").strip()
        if not value:
            continue
        if value.isascii() and value.isdigit():
            term_id = bounded_int(value, 1, MAX_ID)
            if term_id is None:
                raise BadRequest(tag.param, no_term(tag, value))
            wanted[tag.param] = (tag, term_id)
        elif not value.isprintable():
            raise BadRequest(tag.param, no_term(tag, value))
        else:
            wanted[tag.param] = (tag, value[:MAX_SLUG])
    if not wanted:
        return {}
    ids = [value for _tag, value in wanted.values() if isinstance(value, int)]
    slugs = [value for _tag, value in wanted.values() if isinstance(value, str)]
    found = Term.objects.filter(
        Q(pk__in=ids) | Q(slug__in=slugs), kind__in=[tag.term_kind for tag, _v in wanted.values()]
    )
    by_id = {(term.kind, term.pk): term for term in found}
    by_slug = {(term.kind, term.slug): term for term in by_id.values()}
    terms = {}
    for param, (tag, value) in wanted.items():
        term = (by_id if isinstance(value, int) else by_slug).get((tag.term_kind, value))
        if term is None:
            raise BadRequest(param, no_term(tag, str(value)))
        terms[param] = term
    return terms


def choice_filters(key: str, filters: Schema) -> dict[str, str]:
    """The page type's own facets, by the listing index's names."""
    params: dict[str, str] = {}
    for api_name, name in facet_params(key).items():
        value = getattr(filters, api_name, None)
        if value:
            params[name] = value
    return params
