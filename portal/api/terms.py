"""The organization's structures as a tree, and the countries with their
status and Chairpersonships, in the language asked for (translated pages,
else the English ones marked ``translated: false``; never left out).

Both read the term pages through the tag-kinds registry (``term_page_class``);
the typed fields are the page types' ``api_fields``."""

from __future__ import annotations

from django.db.models import QuerySet
from ninja import Schema
from pydantic import Field
from wagtail.api.v3.schemas.generators import read_generator

from portal.core.locales import code_of_locale, locale_id_of
from portal.core.localized import localize, source_locale_id, title_key
from portal.core.restrictions import public
from portal.countries.models import Chairpersonship
from portal.taxonomy.registry import TermKind, term_page_class

from .schemas import ShownPage


class TermPageBase(ShownPage):
    """A page that is a term (a structure, a country), in the language asked for."""

    id: int
    title: str
    slug: str
    url: str
    language: str
    translated: bool
    content_language: str
    term_id: int | None = Field(description="The tag's id: filter lists by it.")
    term_slug: str | None = Field(description="The tag's slug: filter lists by it.")

    @staticmethod
    def resolve_term_slug(obj) -> str | None:
        return obj.term.slug if obj.term_id else None


StructureFields = read_generator.build_schema(
    term_page_class(TermKind.STRUCTURE),
    name="StructureFields",
    base_class=TermPageBase,
    follow_reverse_related=False,
)
CountryFields = read_generator.build_schema(
    term_page_class(TermKind.COUNTRY),
    name="CountryFields",
    base_class=TermPageBase,
    follow_reverse_related=False,
)


class StructureNode(StructureFields):  # type: ignore[misc, valid-type]
    children: list[StructureNode] = Field(default_factory=list)

    @staticmethod
    def resolve_children(obj) -> list:
        return obj.api_children


StructureNode.model_rebuild()


class StructureTree(Schema):
    language: str
    structures: list[StructureNode]


class Country(CountryFields):  # type: ignore[misc, valid-type]
    chairpersonships: list[int] = Field(description="The years this country chaired.")

    @staticmethod
    def resolve_chairpersonships(obj) -> list[int]:
        return obj.api_chairs


class Countries(Schema):
    language: str
    countries: list[Country]


def _shown(model, language: str, request, queryset: QuerySet | None = None) -> list:
    """[(English page, page shown)] of the model's live, public pages, in tree
    order, each shown in ``language`` or as its English fallback. Two queries."""
    pages = public(model.objects.live()).select_related("term")
    sources = (queryset if queryset is not None else pages).filter(locale_id=source_locale_id())
    sources = list(sources.order_by("path"))
    shown = localize(sources, locale_id_of(language), translations=pages)
    for page in shown:
        page.api_language = language
        page.api_url = page.get_full_url(request) or ""
        page.api_content_language = code_of_locale(page.locale_id) or language
    return list(zip(sources, shown, strict=True))


def structure_tree(language: str, request) -> dict:
    """Every structure under its parent structure, in the tree's order."""
    roots: list = []
    stack: list[tuple[str, object]] = []
    for source, page in _shown(term_page_class(TermKind.STRUCTURE), language, request):
        path = source.path
        page.api_children = []
        while stack and not path.startswith(stack[-1][0]):
            stack.pop()
        (stack[-1][1].api_children if stack else roots).append(page)
        stack.append((path, page))
    return {"language": language, "structures": roots}


def countries(language: str, request, status: str | None = None) -> dict:
    """Every country with its status and the years it chaired, sorted by the titles shown."""
    model = term_page_class(TermKind.COUNTRY)
    queryset = public(model.objects.live()).select_related("term")
    if status:
        queryset = queryset.filter(status=status)
    chairs: dict[int, list[int]] = {}
    for year, term_id in Chairpersonship.objects.order_by("year").values_list("year", "country_id"):
        chairs.setdefault(term_id, []).append(year)
    shown = [page for _source, page in _shown(model, language, request, queryset)]
    for page in shown:
        page.api_chairs = chairs.get(page.term_id, [])
    shown.sort(key=lambda page: title_key(page.title))
    return {"language": language, "countries": shown}
