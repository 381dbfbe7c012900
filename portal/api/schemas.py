"""What every answer of the API shares: an item's own fields, a tag, a list's
envelope. A listed kind's item adds its typed ``api_fields`` (``types.py``)."""

import datetime

from ninja import Schema
from pydantic import Field
from wagtail.api.v3.errors import ProblemDetail

__all__ = ["ItemBase", "ProblemDetail", "ShownPage", "TermRef"]


class TermRef(Schema):
    """A tag: a term (field of work, country, structure...), named as its page
    is titled in the language asked for (else in English)."""

    id: int
    slug: str
    title: str


class ShownPage(Schema):
    """The resolvers of every page shown in the language asked for (an item, a
    structure, a country): the code that chose the page, its translation or
    the English one (``portal.core.localized``), set ``api_url``,
    ``api_language`` and ``api_content_language`` on it. No fields of its
    own: each schema declares its fields in its own order."""

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.api_url

    @staticmethod
    def resolve_language(obj) -> str:
        return obj.api_language

    @staticmethod
    def resolve_translated(obj) -> bool:
        return not obj.is_fallback

    @staticmethod
    def resolve_content_language(obj) -> str:
        return obj.api_content_language


class ItemBase(ShownPage):
    """An item of a listed kind, in the language asked for: its translation, or
    the English page with ``translated: false``. Never left out."""

    id: int = Field(description="The id of the page shown (the translation, or the English page).")
    translation_key: str = Field(description="The same for every language version of the item.")
    kind: str = Field(description="The listed kind: news, events, publications...")
    type: str = Field(description="The page type, e.g. news.NewsPage.")
    title: str
    slug: str
    url: str
    language: str = Field(description="The language asked for.")
    translated: bool = Field(
        description="False when no translation is published: the English item is shown."
    )
    content_language: str = Field(description="The language of the text shown.")
    date: datetime.date
    summary: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    tags: dict[str, list[TermRef]] = Field(
        description="The item's tags, by tag kind (fields_of_work, countries, structures...)."
    )

    @staticmethod
    def resolve_translation_key(obj) -> str:
        return str(obj.translation_key)

    @staticmethod
    def resolve_kind(obj) -> str:
        return obj.api_kind

    @staticmethod
    def resolve_type(obj) -> str:
        return obj._meta.label

    @staticmethod
    def resolve_tags(obj) -> dict:
        return obj.api_tags


class Endpoint(Schema):
    name: str
    url: str
    description: str


class Index(Schema):
    """What the API offers: its endpoints, the listed kinds and the tag kinds."""

    version: str
    languages: list[str]
    endpoints: list[Endpoint]
    tag_filters: list[str] = Field(description="The query parameters filtering by tag kind.")
