"""The one place that describes each kind of term and each kind of tag.

A *term kind* is a language-independent vocabulary (fields of work,
countries, structures, meeting series); each has a page type whose pages
*are* its terms (``topics.FieldOfWorkPage``...). A *tag kind* is a term kind
that content pages can be tagged with: it has a through table, a child
relation on pages, a URL parameter, a label and an admin panel.

Listings, their counts and feeds, search and its facets, the admin's tag
panels, the tag links on pages and the reference-content loader all read
this module; none of them names a tag kind itself. Adding a kind of tag is
therefore: a ``TermKind`` member, an entry in ``TERM_PAGES`` and in
``TAG_KINDS`` here, and its through model in ``models.py`` (see
docs/architecture.md).

Page models are named by label (``"topics.FieldOfWorkPage"``) and resolved
through Django's app registry, so this layer never imports the area apps
above it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultipleChooserPanel, Panel
from wagtail.models import Page

from portal.core.cache import cached_by_content_version, content_version
from portal.core.localized import in_language, source_locale_id

if TYPE_CHECKING:
    from wagtail.models import Locale


class TermKind(models.TextChoices):
    FIELD_OF_WORK = "field_of_work", _("Field of work")
    COUNTRY = "country", _("Country")
    STRUCTURE = "structure", _("Structure")
    MEETING_SERIES = "meeting_series", _("Meeting series")
    DONOR = "donor", _("Donor")


# The page type whose pages are the terms of each kind.
TERM_PAGES: dict[str, str] = {
    TermKind.FIELD_OF_WORK: "topics.FieldOfWorkPage",
    TermKind.COUNTRY: "countries.CountryPage",
    TermKind.STRUCTURE: "structures.StructurePage",
    TermKind.MEETING_SERIES: "meetings.MeetingSeriesPage",
    TermKind.DONOR: "projects.DonorPage",
}


@dataclass(frozen=True)
class TagKind:
    """A kind of tag that news, stories, events, publications, projects and
    structures carry."""

    name: str  # a page's tags of this kind, and the reference content's key: "fields_of_work"
    param: str  # URL parameter, listing and search facet, listing-index facet: "field_of_work"
    term_kind: str  # the TermKind of its terms
    label: Promise  # one value: "Field of work"
    plural_label: Promise  # a group of values: "Fields of work"
    relation: str  # the pages' child relation to the through model: "field_of_work_tags"
    through: str  # the through model: "taxonomy.PageFieldOfWork"
    # Listing filters drive the index scan from the most selective kind (lowest first).
    selectivity: int = 100
    panel_heading: Promise | None = None  # the admin panel's heading, when not plural_label
    # The page types whose editors show its panel, by label ("projects.ProjectPage"),
    # subclasses included; empty: every tagged page type.
    page_types: tuple[str, ...] = ()

    @property
    def lookup(self) -> str:
        """The queryset lookup for pages tagged with a term: ``{kind.lookup: term}``."""
        return f"{self.relation}__term"

    @property
    def page_model(self) -> str:
        return TERM_PAGES[self.term_kind]

    def applies_to(self, model: type[models.Model]) -> bool:
        """Whether pages of ``model`` are tagged with this kind in the editor.
        Read by label, so it answers while the models are being defined."""
        if not self.page_types:
            return True
        labels = {getattr(getattr(cls, "_meta", None), "label", None) for cls in model.__mro__}
        return not labels.isdisjoint(self.page_types)

    def through_model(self) -> type[models.Model]:
        return apps.get_model(self.through)

    def page_class(self) -> type[Page]:
        return apps.get_model(self.page_model)

    def panel(self, heading: Promise | str | None = None, help_text: Promise | str = "") -> Panel:
        """The admin panel choosing a page's tags of this kind."""
        return MultipleChooserPanel(
            self.relation,
            chooser_field_name="term",
            heading=heading or self.panel_heading or self.plural_label,
            help_text=help_text,
        )


# In the order they are shown: on pages, in filter forms and in the admin.
TAG_KINDS: tuple[TagKind, ...] = (
    TagKind(
        name="fields_of_work",
        param="field_of_work",
        term_kind=TermKind.FIELD_OF_WORK,
        label=_("Field of work"),
        plural_label=_("Fields of work"),
        relation="field_of_work_tags",
        through="taxonomy.PageFieldOfWork",
        selectivity=40,
    ),
    TagKind(
        name="countries",
        param="country",
        term_kind=TermKind.COUNTRY,
        label=_("Country"),
        plural_label=_("Countries"),
        relation="country_tags",
        through="taxonomy.PageCountry",
        selectivity=20,
    ),
    TagKind(
        name="structures",
        param="structure",
        term_kind=TermKind.STRUCTURE,
        label=_("Structure"),
        plural_label=_("Structures"),
        relation="structure_tags",
        through="taxonomy.PageStructure",
        selectivity=10,
        panel_heading=_("Structures (offices, institutions, field operations)"),
    ),
    TagKind(
        name="donors",
        param="donor",
        term_kind=TermKind.DONOR,
        label=_("Donor"),
        plural_label=_("Donors"),
        relation="donor_tags",
        through="taxonomy.PageDonor",
        selectivity=30,
        panel_heading=_("Donors (the States and organizations funding the project)"),
        page_types=("projects.ProjectPage",),
    ),
)


def tag_kinds() -> tuple[TagKind, ...]:
    return TAG_KINDS


def tag_kinds_for(model: type[models.Model]) -> tuple[TagKind, ...]:
    """The tag kinds whose panels the editor of ``model``'s pages shows
    (``TagKind.page_types``), in the registry's order."""
    return tuple(kind for kind in TAG_KINDS if kind.applies_to(model))


def tag_kind(key: str) -> TagKind:
    """The tag kind named ``key``: its URL parameter (``country``) or its
    name (``countries``). Raises ``KeyError`` for anything else."""
    for kind in TAG_KINDS:
        if key in (kind.param, kind.name):
            return kind
    raise KeyError(key)


def tag_params() -> list[str]:
    return [kind.param for kind in TAG_KINDS]


def tag_kind_of_term(term_kind: str) -> TagKind | None:
    return next((kind for kind in TAG_KINDS if kind.term_kind == term_kind), None)


def term_page_class(term_kind: str) -> type[Page] | None:
    label = TERM_PAGES.get(term_kind)
    return apps.get_model(label) if label else None


def term_pages(term_kind: str, term_ids: Iterable[Any], locale: Locale | int | None) -> list[Any]:
    """The live pages of the terms ``term_ids`` of one kind, shown in
    ``locale``: each term's page translated there, else its source page marked
    ``is_fallback`` (``portal.core.localized``); sorted by the titles shown.
    Empty if the kind has no pages. Two queries."""
    model = term_page_class(term_kind)
    if model is None:
        return []
    locale_id = getattr(locale, "pk", locale)
    pages = model.objects.live().filter(term_id__in=list(term_ids))
    return in_language(pages, locale_id, sort_by_title=True)


def _term_titles_shown(term_kind: str, locale_id: int | None) -> dict[int, tuple[str, bool]]:
    """{term id: (title shown in the locale, whether it is the untranslated
    source page's)} for every term of one kind that has a live page, cached
    until published content changes. Two queries when it is built, none after."""

    def build() -> dict[int, tuple[str, bool]]:
        if term_page_class(term_kind) is None:
            return {}
        model = term_page_class(term_kind)
        pages = in_language(
            model.objects.live().exclude(term_id=None), locale_id, sort_by_title=True
        )
        return {page.term_id: (page.title, bool(page.is_fallback)) for page in pages}

    return cached_by_content_version(f"term-titles-shown:{term_kind}:{locale_id}", build)


def term_labels(terms: Iterable[Any], locale_id: int | None) -> dict[int, str]:
    """{term id: how lists name it in the locale}: its page's title there (the
    translation's, else the source page's), else the term's own name, followed
    by "(not yet translated)" when that is English outside the source language
    (docs/languages.md). The labels of the tag facets of listings and search.
    No query once the titles of their kinds are cached."""
    source = locale_id is None or locale_id == source_locale_id()
    mark = " " + gettext("(not yet translated)")
    shown_by_kind: dict[str, dict[int, tuple[str, bool]]] = {}
    labels: dict[int, str] = {}
    for term in terms:
        if term.kind not in shown_by_kind:  # one cache read per kind, not per term
            shown_by_kind[term.kind] = _term_titles_shown(term.kind, locale_id)
        shown = shown_by_kind[term.kind].get(term.pk)
        label, in_english = (term.name, not source) if shown is None else shown
        labels[term.pk] = label + mark if in_english else label
    return labels


_terms: tuple[int, dict[int, Any]] | None = None  # (content version, terms by id)


def terms_by_id() -> dict[int, Any]:
    """{id: term} for every term, kept by the process for the content version
    it was read under (a few hundred terms at most: the vocabularies grow with
    the organization, not with its content). Saving or deleting a term changes
    the version (``apps.py``). Kept in the process, not the cache: unpickling a
    few hundred terms would cost more than the query it saves. Read only."""
    global _terms
    version = content_version()
    if _terms is None or _terms[0] != version:
        term_model = apps.get_model("taxonomy", "Term")
        _terms = (version, {term.pk: term for term in term_model.objects.all()})
    return _terms[1]


def term_titles(terms: Iterable[Any], locale_id: int | None) -> dict[int, str]:
    """{term id: title of its page as shown in the locale} (the translation's
    title, else the source page's), for the terms that have a live page.
    No query when the titles of their kinds are cached (``_term_titles_shown``)."""
    titles: dict[int, str] = {}
    shown_by_kind: dict[str, dict[int, tuple[str, bool]]] = {}
    for term in terms:
        if term.kind not in shown_by_kind:  # one cache read per kind, not per term
            shown_by_kind[term.kind] = _term_titles_shown(term.kind, locale_id)
        shown = shown_by_kind[term.kind].get(term.pk)
        if shown is not None:
            titles[term.pk] = shown[0]
    return titles
