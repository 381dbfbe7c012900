"""Factories for tests and for generating volume. Items are created as live
children of the reference listing pages, tagged with real terms."""

import datetime

import factory
import wagtail_factories

from .postings import index_items


def _date(n):
    return datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 700)


class TaggedPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Generated item {n}")
    summary = factory.Faker("sentence", nb_words=12)
    date = factory.Sequence(_date)
    live = True

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        """``tags={"fields_of_work": [term], "countries": [...], "structures": [...]}``"""
        if not extracted:
            return
        for name, terms in extracted.items():
            obj.set_tags(name, [term.pk for term in terms])
        if create:
            obj.save()

    @factory.post_generation
    def listed(obj, create, extracted, **kwargs):
        """Write the item's listing index rows, as publishing does (factories
        save live pages directly, without the publish signal)."""
        if create:
            index_items(type(obj), [obj.translation_key])

    class Meta:
        abstract = True
        skip_postgeneration_save = True
