"""The one place that describes each kind of listed content.

A *listed kind* is a page type whose items are gathered by type wherever
they live in the tree, filtered, counted and paged by a listing page
(``ListingPage.listing_type``), written to the listing index, offered as a
search type, and optionally published as a feed or a calendar.

The listing page, the listing index, the counts, the feeds, the "see all"
links, search's types and the content generator all read this module.
Adding a kind of listed content is one entry here plus its page model (which
inherits ``TaggedPage``); see docs/architecture.md.

Models and views are named by label and dotted path and resolved lazily, so
this layer never imports the area apps that provide them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ListedKind:
    key: str  # ListingPage.listing_type and the listing index's ``listing``: "news"
    label: Promise  # the listing's name: "News"
    model: str  # its page type: "news.NewsPage"
    search_type: str  # its value of search's ``type`` filter: "news"
    search_label: Promise  # that value's label in search
    feed: bool = False  # RSS and Atom feeds of any filtered list
    # Extra routes of the listing page, provided by the area app: route name
    # -> dotted path of a view ``(listing, request) -> HttpResponse``;
    # "export" names ``(listing, request, format)``, the CSV and JSON downloads
    # (``portal.listings.exports.export_view`` reads the type's export_fields).
    views: dict[str, str] = field(default_factory=dict)
    # Upcoming/past/all, ordered by start: the model has ``start``/``end`` and MAX_DURATION.
    scheduled: bool = False
    # The model's date-time field after which an item leaves the listing, its
    # counts and its feeds by itself ("deadline" for vacancies): a rule applied
    # when the listing is read, with no publication needed. The index keeps
    # it as the posting's ``end``.
    closes_at: str = ""
    # Names of the model's own facets (``listing_facets``) that site search
    # offers too, under the same URL parameter, for the pages of this kind
    # (portal/search/definitions.py, ``choice_facets``).
    search_facets: tuple[str, ...] = ()

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def view(self, name: str) -> Callable[..., Any] | None:
        path = self.views.get(name)
        return import_string(path) if path else None


LISTED_KINDS: tuple[ListedKind, ...] = (
    ListedKind("news", _("News"), "news.NewsPage", "news", _("News"), feed=True),
    ListedKind("stories", _("Stories"), "news.StoryPage", "story", _("Stories"), feed=True),
    ListedKind(
        "events",
        _("Events"),
        "events.EventPage",
        "event",
        _("Events"),
        views={
            "month": "portal.events.calendar.month_view",
            "ical": "portal.events.ics.listing_calendar_view",
            "export": "portal.listings.exports.export_view",
        },
        scheduled=True,
    ),
    ListedKind(
        "publications",
        _("Resources"),
        "publications.PublicationPage",
        "publication",
        _("Publications"),
        views={
            "export": "portal.listings.exports.export_view",
            "decisions": "portal.publications.decisions.decisions_view",
        },
    ),
    ListedKind(
        "projects",
        _("Projects"),
        "projects.ProjectPage",
        "project",
        _("Projects"),
        views={"iati": "portal.projects.iati.listing_iati_view"},
    ),
    ListedKind(
        "elections",
        _("Elections"),
        "elections.ElectionPage",
        "election",
        _("Elections"),
        feed=True,
        search_facets=("election_type",),
    ),
    ListedKind(
        "vacancies",
        _("Vacancies"),
        "vacancies.VacancyPage",
        "vacancy",
        _("Vacancies"),
        feed=True,
        closes_at="deadline",
    ),
)


def listed_kinds() -> tuple[ListedKind, ...]:
    return LISTED_KINDS


def listed_kind(key: str) -> ListedKind:
    """The listed kind ``key`` (``news``...); ``KeyError`` for anything else."""
    for kind in LISTED_KINDS:
        if kind.key == key:
            return kind
    raise KeyError(key)


def listing_choices() -> list[tuple[str, Promise]]:
    return [(kind.key, kind.label) for kind in LISTED_KINDS]


def listing_model(key: str) -> type[models.Model]:
    return listed_kind(key).model_class()


def listed_kind_of(model: type[models.Model]) -> ListedKind | None:
    """The listed kind of a page model (or of a subclass of one), if any."""
    for kind in LISTED_KINDS:
        if issubclass(model, kind.model_class()):
            return kind
    return None
