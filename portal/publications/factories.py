import factory

from portal.listings.factories import TaggedPageFactory

from .models import PublicationPage


class PublicationPageFactory(TaggedPageFactory):
    publication_type = factory.Iterator(["report", "manual", "official_document", "factsheet"])

    class Meta:
        model = PublicationPage
