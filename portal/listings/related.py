"""Lists computed from tags.

Field-of-work, country, structure and meeting-series pages show the content
tagged with their term. Every such list is a ``ListingQuery`` — the same
filtered query as the listing pages — cut to a few items, so each list costs
one bounded query whatever the volume of content, and its "see all" link is
the listing filtered the same way.
"""

from .query import ListingQuery


def tagged(listing_type, param, term, locale, limit=6, **filters):
    """The newest live items of one type whose ``param`` tag (``field_of_work``,
    ``country``, ``structure``) is ``term``, with optional extra filters
    (``type="report"``). Returns a list of at most ``limit`` items."""
    if term is None:
        return []
    query = ListingQuery(listing_type, locale)
    query.filters = {param: term, **filters}
    return query.results()[:limit]


def related_content(param, term, locale, limit=6):
    """News, stories, events and publications tagged with ``term``."""
    return {
        "news": tagged("news", param, term, locale, limit),
        "stories": tagged("stories", param, term, locale, limit),
        "events": tagged("events", param, term, locale, limit),
        "publications": tagged("publications", param, term, locale, limit),
    }
