"""The API: one ``NinjaAPI``, its errors, and its operations, read from the
registries (one list and one detail operation per listed kind)."""

from typing import Annotated

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Path, Query, Swagger
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import Field
from wagtail.api.v3.errors import PROBLEM_JSON, problem_response

from portal.countries.models import CountryStatus
from portal.listings.kinds import ListedKind, listed_kinds
from portal.taxonomy.registry import tag_kinds

from . import items, search, terms
from .errors import BadRequest, bad_request, not_found
from .params import MAX_ID, Common, filter_schema
from .schemas import Index, ProblemDetail
from .types import item_schema, list_schema

VERSION = "1"
ERRORS = {400: ProblemDetail, 404: ProblemDetail, 429: ProblemDetail}
ItemId = Annotated[
    int, Path(ge=1, le=MAX_ID, description="A page id of the item, in any language.")
]

DESCRIPTION = (
    "The public, read-only API of the site's published content: news, stories, events, "
    "publications, projects and every other listed kind, the structures, the countries and "
    "search. Every item exists in every language: translated, or the English item marked "
    "`translated: false`. Lists are paged by an opaque cursor. See docs/api.md."
)


def index(request: HttpRequest):
    base = request.build_absolute_uri("/api/v1/")
    endpoints = [
        {
            "name": kind.key,
            "url": f"{base}pages/{kind.key}/",
            "description": _("%(kind)s, newest first, with filters.") % {"kind": kind.label},
        }
        for kind in listed_kinds()
    ]
    endpoints += [
        {"name": "structures", "url": f"{base}structures/", "description": _("Structures")},
        {"name": "countries", "url": f"{base}countries/", "description": _("Countries")},
        {"name": "search", "url": f"{base}search/?q=", "description": _("Search")},
        {"name": "openapi", "url": f"{base}openapi.json", "description": "OpenAPI"},
    ]
    return {
        "version": VERSION,
        "languages": [code for code, _name in settings.LANGUAGES],
        "endpoints": endpoints,
        "tag_filters": [tag.param for tag in tag_kinds()],
    }


def structures(request: HttpRequest, params: Query[Common]):
    return terms.structure_tree(params.language, request)


class CountryParams(Common):
    status: CountryStatus | None = Field(None, description="Only countries of this status.")


def countries(request: HttpRequest, params: Query[CountryParams]):
    return terms.countries(params.language, request, params.status)


def site_search(request: HttpRequest, params: Query[search.SearchFilters]):  # type: ignore[valid-type]
    return search.run(params, request)


def _add_kind(api: NinjaAPI, kind: ListedKind) -> None:
    """A list and a detail operation for one listed kind, typed from its model."""
    filters_schema = filter_schema(kind.key)

    def list_view(request: HttpRequest, filters: Query[filters_schema]):  # type: ignore[valid-type]
        return items.list_items(kind, filters, request)

    def detail_view(request: HttpRequest, id: ItemId, params: Query[Common]):  # noqa: A002
        page = items.get_item(kind, id, params.language, request)
        if page is None:
            raise Http404
        return page

    api.get(
        f"/pages/{kind.key}/",
        response={200: list_schema(kind.key), **ERRORS},
        operation_id=f"list_{kind.key}",
        url_name=f"list_{kind.key}",
        summary=f"List {kind.key}",
        description=f"{kind.label}: newest first, filtered, paged by cursor.",
        tags=["pages"],
    )(list_view)
    api.get(
        f"/pages/{kind.key}/{{id}}/",
        response={200: item_schema(kind.key), **ERRORS},
        operation_id=f"get_{kind.key}",
        url_name=f"get_{kind.key}",
        summary=f"One item of {kind.key}",
        description="Any language version's id finds the item; it is shown in `language`.",
        tags=["pages"],
    )(detail_view)


def _add_errors(api: NinjaAPI) -> None:
    @api.exception_handler(BadRequest)
    def _bad_request(request: HttpRequest, exc: BadRequest):
        return bad_request([{"loc": ["query", exc.param], "msg": exc.message}])

    @api.exception_handler(NinjaValidationError)
    def _invalid(request: HttpRequest, exc: NinjaValidationError):
        errors = [
            {"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", ""))}
            for error in exc.errors
        ]
        return bad_request(errors)

    @api.exception_handler(Http404)
    def _not_found(request: HttpRequest, exc: Http404):
        return not_found()

    @api.exception_handler(HttpError)
    def _http_error(request: HttpRequest, exc: HttpError):
        return problem_response(status=exc.status_code, detail=str(exc))


class PortalAPI(NinjaAPI):
    """Describes its errors as what they are: ``application/problem+json``."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[PROBLEM_JSON] = content.pop("application/json")
        return schema


def build_api(namespace: str = "api_v1") -> NinjaAPI:
    """The API as the registries describe it now: the site builds it once
    (``api``); a test that adds a listed kind builds another."""
    api = PortalAPI(
        title="OSCE Portal API",
        version=VERSION,
        description=DESCRIPTION,
        urls_namespace=namespace,
        openapi_url="/openapi.json",
        docs=Swagger(settings={"validatorUrl": None, "defaultModelsExpandDepth": 0}),
        docs_url="/docs/",
    )
    _add_errors(api)
    api.get(
        "/", response=Index, operation_id="index", summary="What this API offers", tags=["index"]
    )(index)
    for kind in listed_kinds():
        _add_kind(api, kind)
    api.get(
        "/structures/",
        response={200: terms.StructureTree, **ERRORS},
        operation_id="structures",
        summary="The structures as a tree",
        tags=["structures and countries"],
    )(structures)
    api.get(
        "/countries/",
        response={200: terms.Countries, **ERRORS},
        operation_id="countries",
        summary="The countries, their status and Chairpersonships",
        tags=["structures and countries"],
    )(countries)
    api.get(
        "/search/",
        response={200: search.SearchResults, **ERRORS},
        operation_id="search",
        summary="Search the site",
        tags=["search"],
    )(site_search)
    return api


api = build_api()
