"""RSS and Atom feeds of any filtered listing (news, stories).

``/en/news/feed/rss/?field_of_work=policing`` is the feed of the news about
policing: the same ``ListingQuery`` as the page, so a feed never disagrees
with the list it is linked from."""

from django.contrib.syndication.views import Feed
from django.utils import feedgenerator
from django.utils.translation import gettext as _

from portal.core.locales import code_of_locale
from portal.taxonomy.registry import term_titles

FEED_SIZE = 30


class ListingFeed(Feed):
    def __init__(self, listing, request, atom):
        super().__init__()
        self.listing = listing
        self.query = listing.query(request)
        self.request = request
        self.feed_type = feedgenerator.Atom1Feed if atom else feedgenerator.Rss201rev2Feed
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

    def link(self):
        return self.listing.get_url(self.request)

    def description(self):
        return self.listing.summary

    def feed_url(self):
        return self.request.get_full_path()

    def items(self):
        return self.query.results(prefetch=["field_of_work_tags__term"])[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.term.name for tag in item.field_of_work_tags.all()]


def listing_feed(listing, request, atom):
    feed = ListingFeed(listing, request, atom)
    return feed(request)
