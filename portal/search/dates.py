"""The dated page types, whose dates search keeps in ``PageDate`` (written by
the bulk indexer, ``bulk._write_dates``): the year facet, the year filter and
the sort by date.

Every listed item (``TaggedPage``) is dated by its ``date``. Any other page
type is dated when it names the field search keeps as its date in a class
attribute, ``search_date_field`` (a meeting: ``"start"``, the first day of
the session). Search reads the attribute; it imports no area app."""

import datetime

from django.apps import apps
from django.db.models import Model

from portal.listings.models import TaggedPage


def date_field(model: type[Model]) -> str | None:
    """The name of the field search keeps as the date of ``model``'s pages, or None."""
    declared = getattr(model, "search_date_field", None)
    if declared:
        return declared
    return "date" if issubclass(model, TaggedPage) else None


def dated_models() -> list[type[Model]]:
    """The concrete page types with a content date (every ``TaggedPage``, and
    the types that declare ``search_date_field``)."""
    return [
        model
        for model in apps.get_models()
        if date_field(model) is not None and not model._meta.abstract
    ]


def date_of(obj: Model) -> datetime.date | None:
    """The date search keeps for ``obj`` (a page of a dated type), or None."""
    field = date_field(type(obj))
    value = getattr(obj, field, None) if field else None
    if isinstance(value, datetime.datetime):
        return value.date()
    return value
