"""The dated page types, whose dates search keeps in ``PageDate`` (written by
the bulk indexer, ``bulk._write_dates``)."""

from django.apps import apps


def dated_models():
    """The concrete page types with a content ``date`` (every ``TaggedPage``)."""
    from portal.listings.models import TaggedPage

    return [
        model
        for model in apps.get_models()
        if issubclass(model, TaggedPage) and not model._meta.abstract
    ]
