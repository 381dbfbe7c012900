"""Decisions by issuing body and year: a view of the documents library with
its own addresses and feeds (docs/meetings.md).

Under the publications listing (``ListingPage.decisions`` routes
``decisions/...`` here through ``ListedKind.views``)::

    decisions/                      the bodies that adopted decisions, with counts
    decisions/pc/                   every decision of the Permanent Council
    decisions/pc/2024/              its decisions of 2024
    decisions/pc/2024/feed/rss/     the same list as RSS (or .../feed/atom/)

The list is the listing's own ``ListingQuery`` with ``document_type=DEC``,
``body`` and ``year``: the same index, counts and order as the filtered
documents library (``?document_type=DEC&body=PC&year=2024``), so the two
never disagree."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

from portal.core.params import MAX_PAGE_NUMBER, bounded_int
from portal.listings.feeds import ListingFeed
from portal.listings.query import ListingQuery, shown
from portal.taxonomy import symbols
from portal.taxonomy.years import MAX_YEAR, MIN_YEAR

PER_PAGE = 20


class Decisions:
    """What the address asks for: a body (or none), a year (or none), a feed."""

    def __init__(self, listing, parts):
        self.listing = listing
        self.body = self.year = self.feed = None
        parts = list(parts)
        if len(parts) >= 2 and parts[-2] == "feed":
            if parts[-1] not in ("rss", "atom"):
                raise Http404(_("There is no such feed."))
            self.feed = parts[-1]
            parts = parts[:-2]
            if not parts:
                raise Http404(_("Choose an issuing body for a feed of decisions."))
        if len(parts) > 2:
            raise Http404(_("There is no such list of decisions."))
        if parts:
            body = parts[0].upper()
            if body not in symbols.ISSUING_BODIES:
                raise Http404(
                    _("There is no issuing body “%(body)s”.") % {"body": shown(parts[0], 20)}
                )
            self.body = body
        if len(parts) == 2:
            year = bounded_int(parts[1], MIN_YEAR, MAX_YEAR)
            if year is None:
                raise Http404(
                    _("“%(value)s” is not a year between %(min)s and %(max)s.")
                    % {"value": shown(parts[1], 20), "min": MIN_YEAR, "max": MAX_YEAR}
                )
            self.year = year

    @property
    def body_name(self):
        return symbols.ISSUING_BODIES[self.body] if self.body else ""

    def params(self):
        params = QueryDict(mutable=True)
        params["document_type"] = "DEC"
        if self.body:
            params["body"] = self.body
        if self.year:
            params["year"] = str(self.year)
        return params

    def query(self):
        return ListingQuery(self.listing.listing_type, self.listing.locale, self.params())

    def url(self, body=None, year=None, feed=None):
        """The address of another list of decisions under the same listing."""
        parts = ["decisions"]
        if body:
            parts.append(body.lower())
            if year:
                parts.append(str(year))
        if feed:
            parts += ["feed", feed]
        return self.listing.url + "/".join(parts) + "/"

    def title(self):
        if self.body and self.year:
            return _("Decisions of the %(body)s in %(year)s") % {
                "body": self.body_name,
                "year": self.year,
            }
        if self.body:
            return _("Decisions of the %(body)s") % {"body": self.body_name}
        return _("Decisions by body and year")


class DecisionsFeed(ListingFeed):
    """The RSS or Atom feed of one body's decisions (of one year)."""

    def __init__(self, listing, request, decisions, atom):
        self.decisions = decisions
        super().__init__(listing, request, atom)
        self.query = decisions.query()

    def title(self):
        return " – ".join([self.decisions.title(), _("OSCE")])

    def link(self):
        relative = self.decisions.url(self.decisions.body, self.decisions.year)
        return self.listing.get_full_url(self.request) + relative[len(self.listing.url) :]


def decisions_view(listing, request, parts=()):
    decisions = Decisions(listing, parts)
    if decisions.feed:
        return DecisionsFeed(listing, request, decisions, atom=decisions.feed == "atom")(request)
    query = decisions.query()
    facets = {facet.name: facet for facet in query.facets()}
    bodies = [
        {
            "code": option.value,
            "name": option.label,
            "count": option.count,
            "url": decisions.url(option.value, decisions.year),
            "current": option.value == decisions.body,
        }
        for option in facets["body"].options
    ]
    years = [
        {
            "year": option.value,
            "count": option.count,
            "url": decisions.url(decisions.body, option.value),
            "current": option.selected,
        }
        for option in facets["year"].options
    ]
    items = None
    paginator = None
    if decisions.body:
        paginator = Paginator(query.results(), PER_PAGE)
        asked = request.GET.get("page") or "1"
        try:
            items = paginator.page(bounded_int(asked, 1, MAX_PAGE_NUMBER) or 0)
        except (PageNotAnInteger, EmptyPage) as exc:
            raise Http404(
                _("There is no page %(number)s of these results.") % {"number": shown(asked, 20)}
            ) from exc
    return listing.render(
        request,
        template="publications/decisions.html",
        context_overrides={
            "decisions": decisions,
            "decisions_title": decisions.title(),
            "bodies": bodies,
            "years": years if decisions.body else [],
            "items": items,
            "paginator": paginator,
            "feed_rss": decisions.url(decisions.body, decisions.year, "rss")
            if decisions.body
            else "",
            "feed_atom": decisions.url(decisions.body, decisions.year, "atom")
            if decisions.body
            else "",
            "all_years_url": decisions.url(decisions.body) if decisions.year else "",
        },
    )
