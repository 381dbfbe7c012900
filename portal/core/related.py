"""Lists computed from tags.

Field-of-work, country, structure and meeting-series pages show the content
tagged with their term. Every such list goes through ``tagged`` so that each
one costs a single, bounded query whatever the volume of content.
"""

from django.apps import apps

from portal.taxonomy.models import tag_lookup

# (app_label, model) of every kind of tagged content.
NEWS = ("news", "NewsPage")
STORIES = ("news", "StoryPage")
EVENTS = ("events", "EventPage")
PUBLICATIONS = ("publications", "PublicationPage")
PROJECTS = ("projects", "ProjectPage")


def tagged(model_key, field, term, locale, limit=6, **filters):
    """The newest live items of one type tagged with ``term`` in ``field``.

    Returns a list (evaluated once, at most ``limit`` rows)."""
    if term is None:
        return []
    model = apps.get_model(*model_key)
    queryset = model.listing_queryset(locale).filter(**{tag_lookup(field): term}, **filters)
    return list(queryset[:limit])


def related_content(field, term, locale, limit=6):
    """News, stories, events and publications tagged with ``term``."""
    return {
        "news": tagged(NEWS, field, term, locale, limit),
        "stories": tagged(STORIES, field, term, locale, limit),
        "events": tagged(EVENTS, field, term, locale, limit),
        "publications": tagged(PUBLICATIONS, field, term, locale, limit),
    }
