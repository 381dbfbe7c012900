"""One schema per listed kind: ``ItemBase`` plus the fields its page type
declares in ``api_fields``, typed by Wagtail API v3's read-schema generator
(model fields typed from the model, a reverse relation such as a publication's
``files`` as a list of its own ``api_fields``, anything else as any JSON)."""

from functools import cache

from ninja import Schema
from pydantic import Field, create_model
from wagtail.api.v3.schemas.generators import read_generator

from portal.listings.kinds import listed_kind

from .schemas import ItemBase


@cache
def item_schema(key: str) -> type[Schema]:
    model = listed_kind(key).model_class()
    return read_generator.build_schema(
        model,
        name=f"{model.__name__}Item",
        base_class=ItemBase,
        follow_reverse_related=True,
    )


@cache
def list_schema(key: str) -> type[Schema]:
    model = listed_kind(key).model_class()
    return create_model(
        f"{model.__name__}List",
        __base__=Schema,
        language=(str, ...),
        items=(list[item_schema(key)], ...),
        next_cursor=(
            str | None,
            Field(None, description="Pass it as `cursor` for the next page; null on the last."),
        ),
        next=(str | None, Field(None, description="The address of the next page.")),
    )
