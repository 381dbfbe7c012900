"""What both sides of site search share: the search types, facets, sorts and
limits, and how a page model tells search about its attached documents.

The read side (``query``, ``engines``, ``results``, ``help``, ``service``,
``views``) and the write side (``bulk``, ``entries``, ``signals``, ``dates``,
``vocabulary``, ``backends``) both import this module, and it imports neither:
it is the bottom of ``portal.search``. It names page models by their labels
only and imports no area app, so that any page model may import it to declare
``SearchDocuments``.

Page models are read through Django's and Wagtail's registries
(``apps.get_model``, ``get_page_models``) when a search or an index write asks
for them, never when this module is imported.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext_lazy
from wagtail.models import get_page_models

from portal.core.cache import content_version
from portal.listings.kinds import listed_kinds
from portal.taxonomy.registry import TERM_PAGES, TermKind, tag_kinds

# -- limits -------------------------------------------------------------------------------

MAX_QUERY_LENGTH = 200  # characters of a query; longer ones are refused (400)
MAX_TERMS = 12  # words and numbers of a query sent to the engine
PER_PAGE = 20  # results per page
MAX_PAGE = 500  # the highest page number accepted
SNIPPET_SOURCE = 20_000  # characters of indexed text searched for a snippet
# Beyond this many matches, counts and ranking use the first MAX_MATCHES found,
# so that a query matching most of the site costs no more than a narrow one.
MAX_MATCHES = 5_000

# -- what a visitor chooses -------------------------------------------------------------------

# Search "types": URL value -> (page model labels, label). The listed kinds
# (``listings.kinds``) and the pages that are terms of a tag kind
# (``taxonomy.registry``) each give one; a page of any other model is of type "page".
TYPES = {
    **{kind.search_type: ([kind.model], kind.search_label) for kind in listed_kinds()},
    **{kind.param: ([kind.page_model], kind.plural_label) for kind in tag_kinds()},
    "leadership": (
        ["structures.LeadershipPostPage", "structures.PersonPage"],
        gettext_lazy("Leadership"),
    ),
    "meeting_series": ([TERM_PAGES[TermKind.MEETING_SERIES]], gettext_lazy("Meeting series")),
    "meeting": (["meetings.MeetingPage"], gettext_lazy("Meetings")),
    "page": (
        [
            "core.StandardPage",
            "listings.ListingPage",
            "countries.CountryIndexPage",
            "home.HomePage",
        ],
        gettext_lazy("Pages"),
    ),
}

SORTS = {"relevance": gettext_lazy("Relevance"), "date": gettext_lazy("Date, newest first")}

# The URL parameters of search itself, which no facet of a page type may take.
OWN_PARAMS = {"q", "type", "year", "language", "sort", "page"}


@dataclass(frozen=True)
class ChoiceFacet:
    """A facet of one page type's own field with fixed choices (the type of
    an election), offered by site search: a listed kind names it in
    ``ListedKind.search_facets`` among its model's ``listing_facets``, and
    search filters and counts it under the same URL parameter as the
    listing. On PostgreSQL the entries keep the values as ``param:value``
    in their ``choices`` column."""

    param: str  # the URL parameter, "election_type"
    search_type: str  # the search type whose pages have it, "election"
    model: type[Model]
    field: str  # the model's field, "election_type"
    label: object  # the facet's label (lazy)
    choices: Callable[[], list[tuple[str, object]]]  # (value, label) pairs

    @property
    def column(self) -> str:
        return self.model._meta.get_field(self.field).column

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    @property
    def page_column(self) -> str:
        return self.model._meta.pk.column

    def value(self, value: str) -> str:
        """The entries' ``choices`` element for ``value``."""
        return f"{self.param}:{value}"


_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")


@cache
def choice_facets() -> tuple[ChoiceFacet, ...]:
    """Every facet the listed kinds offer to site search
    (``ListedKind.search_facets``), resolved. Call it once the apps are loaded."""
    reserved = OWN_PARAMS | {kind.param for kind in tag_kinds()}
    found = []
    for kind in listed_kinds():
        model = kind.model_class()
        for name in kind.search_facets:
            field, choices, label = model.listing_facets[name]
            if name in reserved or not _IDENTIFIER.match(name):
                raise ValueError(f"{kind.key}: {name!r} cannot be a parameter of site search")
            reserved.add(name)
            found.append(ChoiceFacet(name, kind.search_type, model, field, label, choices))
    return tuple(found)


_type_content_types: dict = {}


def type_content_types(using: str | None = None) -> tuple[dict[str, list[int]], dict[int, str]]:
    """URL type value -> list of content type ids; and id -> type value. Kept
    in the process per database and content version (every search reads
    them); the caller must not change them."""
    key = (using, content_version())
    found = _type_content_types.get(key)
    if found is None:
        found = _build_type_content_types(using)
        _type_content_types.clear()
        _type_content_types[key] = found
    return found


def _build_type_content_types(using):
    models = {
        key: [apps.get_model(label) for label in labels] for key, (labels, _l) in TYPES.items()
    }
    flat = [m for ms in models.values() for m in ms]
    manager = ContentType.objects.db_manager(using) if using else ContentType.objects
    by_model = manager.get_for_models(*flat)
    ids = {key: [by_model[m].pk for m in ms] for key, ms in models.items()}
    reverse = {ct: key for key, cts in ids.items() for ct in cts}
    return ids, reverse


def tag_tables() -> list[str]:
    """The labels of the tag tables search counts and filters by (one per tag kind)."""
    return [kind.through for kind in tag_kinds()]


def tag_table_of(kind: str) -> str:
    """The label of the tag table of a kind of term."""
    return next(tag.through for tag in tag_kinds() if tag.term_kind == kind)


def entries_enabled(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether search runs on ``search.Entry``: PostgreSQL with the database
    backend (SQLite uses Wagtail's FTS5 index; a search server its own)."""
    return connections[using].vendor == "postgresql" and settings.SEARCH_BACKEND == "database"


# -- documents attached to pages -----------------------------------------------------------


@dataclass(frozen=True)
class SearchDocuments:
    """What a page model tells search about the documents attached to its
    pages, as a class attribute ``search_documents``::

        class ReportPage(Page):
            search_documents = SearchDocuments(
                files="files", symbol_field="symbol", hidden=Q(distribution="restricted")
            )

    - ``files``: the name of the page's reverse relation to its files (a model
      with a foreign key to the page, one row per language);
    - ``language_field``, ``text_field``, ``document_field``: the file's
      language code (the "document language" facet), its extracted text (which
      the page's own ``search_fields`` index) and its Wagtail document (a
      replaced document reindexes the pages using it);
    - ``symbol_field``: the page's document symbol, if it has one: a symbol
      typed in the search box goes straight to the page, and suggestions offer
      the pages whose symbol starts with what is typed;
    - ``hidden``: the pages of the model that public search never shows,
      although they stay in Wagtail's index for the admin's search.

    Search finds the models that declare it through Wagtail's page registry
    (``document_models``) and reads their tables and columns from ``_meta``.
    Only the model that sets the attribute itself counts, not its subclasses.
    """

    files: str = "files"
    language_field: str = "language"
    text_field: str = "text"
    document_field: str = "document"
    symbol_field: str = ""
    hidden: Q | None = None


@dataclass(frozen=True)
class DocumentModel:
    """A page model's ``SearchDocuments``, resolved against the models' ``_meta``."""

    page_model: type[Model]
    declaration: SearchDocuments
    files_model: type[Model]
    page_attname: str  # the files' foreign key to the page, as an attribute ("page_id")
    page_column: str  # ... and as a column

    @property
    def files_table(self) -> str:
        return self.files_model._meta.db_table

    @property
    def language_column(self) -> str:
        return self.files_model._meta.get_field(self.declaration.language_field).column

    def pages(self, using: str = DEFAULT_DB_ALIAS) -> QuerySet:
        """Every page of the model, unordered."""
        return self.page_model._default_manager.db_manager(using).order_by()

    def hidden_pages(self, using: str = DEFAULT_DB_ALIAS) -> QuerySet | None:
        """The pages public search never shows (their ``pk`` only), or None."""
        if self.declaration.hidden is None:
            return None
        return self.pages(using).filter(self.declaration.hidden).values("pk")

    def files_of(self, **lookups: object) -> QuerySet:
        """The page ids of the files matching ``lookups``."""
        return self.files_model._default_manager.filter(**lookups).values(self.page_attname)


def _resolve(model: type[Model], declaration: SearchDocuments) -> DocumentModel:
    relation = model._meta.get_field(declaration.files)
    files_model = relation.related_model
    for name in (declaration.language_field, declaration.text_field, declaration.document_field):
        files_model._meta.get_field(name)  # FieldDoesNotExist names a wrong declaration
    if declaration.symbol_field:
        model._meta.get_field(declaration.symbol_field)
    return DocumentModel(
        page_model=model,
        declaration=declaration,
        files_model=files_model,
        page_attname=relation.field.attname,
        page_column=relation.field.column,
    )


@cache
def document_models() -> tuple[DocumentModel, ...]:
    """The page models that declare ``search_documents``, resolved. Call it
    once the apps are loaded."""
    return tuple(
        _resolve(model, model.__dict__["search_documents"])
        for model in get_page_models()
        if isinstance(model.__dict__.get("search_documents"), SearchDocuments)
        and not model._meta.abstract
    )


def files_relation() -> str | None:
    """SQL for a relation ``(page_id, language)`` of every declared file,
    to be aliased by the caller; None when no page model declares files."""
    declared = document_models()
    if not declared:
        return None
    if len(declared) == 1 and (declared[0].page_column, declared[0].language_column) == (
        "page_id",
        "language",
    ):
        return declared[0].files_table
    parts = (
        f"SELECT {d.page_column} AS page_id, {d.language_column} AS language FROM {d.files_table}"
        for d in declared
    )
    return "(" + " UNION ALL ".join(parts) + ")"


def hidden_sql(page_id: str, using: str = DEFAULT_DB_ALIAS) -> tuple[str, list]:
    """A SQL condition, true when the page whose id is the SQL expression
    ``page_id`` is hidden by a declaration (``SearchDocuments.hidden``), and
    its parameters; ``FALSE`` when none hides pages."""
    conditions, params = [], []
    for declared in document_models():
        hidden = declared.hidden_pages(using)
        if hidden is None:
            continue
        sql, hidden_params = hidden.query.get_compiler(using).as_sql()
        conditions.append(f"EXISTS (SELECT 1 FROM ({sql}) h(id) WHERE h.id = {page_id})")
        params += hidden_params
    return (" OR ".join(conditions) or "FALSE"), params
