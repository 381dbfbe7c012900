"""RSS and Atom feeds of any filtered listing (news, stories).

``/en/news/feed/rss/?field_of_work=policing`` is the feed of the news about
policing: the same ``ListingQuery`` as the page, so a feed never disagrees
with the list it is linked from."""

from django.contrib.syndication.views import Feed
from django.utils import feedgenerator
from django.utils.translation import gettext as _

FEED_SIZE = 30


class ListingFeed(Feed):
    def __init__(self, listing, request, atom):
        super().__init__()
        self.listing = listing
        self.query = listing.query(request)
        self.request = request
        self.feed_type = feedgenerator.Atom1Feed if atom else feedgenerator.Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        return self.listing.apply_cache_policy(request, response)

    def title(self):
        parts = [self.listing.title]
        for value in self.query.filters.values():
            parts.append(getattr(value, "name", None) or str(value))
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
