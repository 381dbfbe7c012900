"""RSS and Atom feeds of any filtered listing (news, stories).

``/en/news/feed/rss/?field_of_work=policing`` is the feed of the news about
policing: the same ``ListingQuery`` as the page, so a feed never disagrees
with the list it is linked from, and filters the page refuses (400 with a
message) are refused by the feed in the same words (``errors.py``).

Dates are the item's own: an item is published on its ``date`` (midnight in
the site's time zone), not when it was loaded into this site, and updated
when it was last published (never before its date). The feed itself was
last updated when its newest item was."""

import datetime
import zoneinfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import feedgenerator
from django.utils.translation import gettext as _

from portal.core.locales import code_of_locale
from portal.taxonomy.registry import term_titles

from .errors import bad_filters_response

FEED_SIZE = 30


def item_published(item) -> datetime.datetime:
    """An item's own date as an aware datetime in the site's time zone: its
    start for a scheduled item (an event), else midnight of its ``date``."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    start = getattr(item, "start", None)
    if start is not None:
        return start.astimezone(tz)
    return datetime.datetime.combine(item.date, datetime.time.min, tzinfo=tz)


def item_updated(item) -> datetime.datetime:
    """When the item last changed: its last publication, but never earlier
    than its own date (content loaded before the day it is dated)."""
    published = item_published(item)
    if item.last_published_at is None:
        return published
    return max(published, item.last_published_at.astimezone(published.tzinfo))


class _EmptyFeedDate:
    """A feed without items was last updated when its listing was, not "now"
    (Django's default), so that its ``Last-Modified`` holds still."""

    def latest_post_date(self):
        if not self.items and self.feed.get("listing_updated"):
            return self.feed["listing_updated"]
        return super().latest_post_date()


class AtomFeed(_EmptyFeedDate, feedgenerator.Atom1Feed):
    pass


class RssFeed(_EmptyFeedDate, feedgenerator.Rss201rev2Feed):
    pass


class ListingFeed(Feed):
    def __init__(self, listing, request, atom):
        super().__init__()
        self.listing = listing
        self.query = listing.query(request)
        self.request = request
        self.feed_type = AtomFeed if atom else RssFeed
        self.language = code_of_locale(listing.locale_id)  # the feed's xml:lang / <language>

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        return self.listing.apply_cache_policy(request, response)

    def title(self):
        """The listing's title in its language, then each filter, with the
        terms named as their pages are in that language ("Actualités – Serbie
        – OSCE"); a term without a page there keeps its English name. One
        query per kind of term filtered on."""
        values = list(self.query.filters.values())
        terms = [value for value in values if hasattr(value, "name")]
        titles = term_titles(terms, self.listing.locale_id) if terms else {}
        parts = [self.listing.title]
        for value in values:
            if hasattr(value, "name"):
                parts.append(titles.get(value.pk) or value.name)
            else:
                parts.append(str(value))
        return " – ".join([*parts, _("OSCE")])

    # Absolute addresses from the Site (kept at SITE_URL), never from the Host
    # header: Django's syndication only prefixes relative ones with it.
    def link(self):
        return self.listing.get_full_url(self.request)

    def description(self):
        return self.listing.summary

    def feed_url(self):
        return (settings.SITE_URL or "") + self.request.get_full_path()

    def feed_extra_kwargs(self, obj):
        return {"listing_updated": self.listing.last_published_at}

    def items(self):
        return self.query.results(prefetch=["field_of_work_tags__term"])[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item_published(item)

    def item_updateddate(self, item):
        return item_updated(item)

    def item_categories(self, item):
        return [tag.term.name for tag in item.field_of_work_tags.all()]


def listing_feed(listing, request: HttpRequest, atom: bool) -> HttpResponse:
    """The listing's feed, or the page's 400 when a filter cannot be used."""
    feed = ListingFeed(listing, request, atom)
    if feed.query.errors:
        return listing.apply_cache_policy(request, bad_filters_response(feed.query.errors))
    return feed(request)
