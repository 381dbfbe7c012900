"""What the data page lists: every feed, calendar and download of the site's
listings, read from the listed kinds' registry (``portal.listings.kinds``),
and the read-only API. A kind that registers a feed, a calendar or an
export appears here with no change to this module."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from django.utils.translation import gettext_lazy as _

from portal.core.localized import in_language
from portal.listings.models import ListingPage

# The read-only API (docs/api.md), at fixed, versioned addresses.
API_BASE = "/api/v1/"
API_SCHEMA = "/api/v1/openapi.json"
API_DOCS = "/api/v1/docs/"


@dataclass(frozen=True)
class Link:
    label: Any  # a lazy translation
    url: str  # relative to the site
    media_type: str
    kind: str  # "feed", "calendar", "export", "api"


@dataclass
class Source:
    """One listing and what it offers."""

    listing: ListingPage
    links: list[Link] = field(default_factory=list)

    @property
    def downloads(self) -> list[Link]:
        return [link for link in self.links if link.kind == "export"]


def listing_sources(locale_id: int, request: Any = None) -> list[Source]:
    """The site-wide listing of each kind (the shallowest), in ``locale_id``
    (translated, else English marked ``is_fallback``), with its feeds,
    calendar and downloads. Two queries."""
    seen: set[str] = set()
    sources = []
    listings = ListingPage.objects.live().order_by("depth", "path")
    for listing in in_language(listings, locale_id):
        if listing.listing_type in seen:
            continue
        seen.add(listing.listing_type)
        base = listing.get_url(request)
        links = []
        if listing.has_feed:
            links.append(Link(_("RSS feed"), base + "feed/rss/", "application/rss+xml", "feed"))
            links.append(Link(_("Atom feed"), base + "feed/atom/", "application/atom+xml", "feed"))
        if "ical" in listing.kind.views:
            links.append(Link(_("Calendar (.ics)"), base + "ical/", "text/calendar", "calendar"))
        if listing.has_export:
            links.append(Link(_("Download (CSV)"), base + "export/csv/", "text/csv", "export"))
            links.append(
                Link(_("Download (JSON)"), base + "export/json/", "application/json", "export")
            )
        if links:
            sources.append(Source(listing, links))
    return sources


def api_links() -> list[Link]:
    return [
        Link(_("API"), API_BASE, "application/json", "api"),
        Link(_("OpenAPI description"), API_SCHEMA, "application/vnd.oai.openapi+json", "api"),
        Link(_("API documentation"), API_DOCS, "text/html", "api"),
    ]


def absolute(page_url: str, url: str) -> str:
    return urljoin(page_url, url)
