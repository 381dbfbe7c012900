"""Template tags of the listings: where each kind of content is listed."""

from django import template

from portal.core.context import context_locale_id
from portal.core.localized import in_language

from ..models import ListingPage

register = template.Library()


@register.simple_tag(takes_context=True)
def listing_urls(context, page=None):
    """``{% listing_urls as listings %}``: URL of the listing page of each kind
    ("news", "stories", "events", "publications", "projects") in the current
    locale (translated, else the English listing under the locale's prefix),
    for "See all" links. Two queries, memoized on the request."""
    request = context.get("request")
    locale_id = context_locale_id(context, page)
    cache_attr = f"_portal_listing_urls_{locale_id}"
    if request is not None and hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    urls = {}
    listings = ListingPage.objects.live().order_by("depth", "path")
    for listing in in_language(listings, locale_id):
        # The shallowest listing of a kind is the site-wide one (a field
        # operation may have its own news listing deeper in the tree).
        urls.setdefault(listing.listing_type, listing.get_url(request))
    if request is not None:
        setattr(request, cache_attr, urls)
    return urls
