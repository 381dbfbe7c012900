"""Template tags of the listings: where each kind of content is listed."""

from django import template

from portal.core.context import context_locale_id

from ..models import ListingPage

register = template.Library()


@register.simple_tag(takes_context=True)
def listing_urls(context, page=None):
    """``{% listing_urls as listings %}``: URL of the listing page of each kind
    ("news", "stories", "events", "publications", "projects") in the current
    locale, for "See all" links. One query, memoized on the request."""
    request = context.get("request")
    locale_id = context_locale_id(context, page)
    cache_attr = f"_portal_listing_urls_{locale_id}"
    if request is not None and hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    urls = {}
    for listing in ListingPage.objects.live().filter(locale_id=locale_id).order_by("depth", "path"):
        # The shallowest listing of a kind is the site-wide one (a field
        # operation may have its own news listing deeper in the tree).
        urls.setdefault(listing.listing_type, listing.get_url(request))
    if request is not None:
        setattr(request, cache_attr, urls)
    return urls
