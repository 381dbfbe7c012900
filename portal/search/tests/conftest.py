import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.news.factories import NewsPageFactory
from portal.publications.factories import PublicationPageFactory
from portal.publications.models import PublicationFile
from portal.publications.tests.files import pdf_bytes


@pytest.fixture
def news(page_at, terms):
    parent = page_at("/news/")
    return {
        "a": NewsPageFactory(
            parent=parent,
            title="Community policing workshop in Novi Sad",
            summary="Police officers and residents discussed neighbourhood safety.",
            date=datetime.date(2024, 3, 1),
            tags={
                "fields_of_work": [terms["policing"]],
                "countries": [terms["serbia"]],
                "structures": [terms["mission"]],
            },
        ),
        "b": NewsPageFactory(
            parent=parent,
            title="Police reform conference in Chisinau",
            summary="Experts compared approaches to police accountability.",
            date=datetime.date(2025, 3, 1),
            tags={"fields_of_work": [terms["policing"]], "countries": [terms["moldova"]]},
        ),
        "c": NewsPageFactory(
            parent=parent,
            title="Youth leaders meet in Belgrade",
            summary="Young people from the region talked about dialogue and policing.",
            date=datetime.date(2025, 6, 1),
            tags={"fields_of_work": [terms["youth"]], "countries": [terms["serbia"]]},
        ),
    }


def make_document(name, data):
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


@pytest.fixture
def decision(page_at):
    """An official document with a symbol and a French file whose extracted
    text is only in the file."""
    publication = PublicationPageFactory(
        parent=page_at("/resources/"),
        title="Decision on the unified budget",
        summary="The Permanent Council adopts the budget.",
        publication_type="official_document",
        symbol="PC.DEC/1162",
        date=datetime.date(2025, 1, 30),
    )
    PublicationFile.objects.create(
        page=publication,
        language="fr",
        document=make_document("decision-fr.pdf", pdf_bytes("Quarzolith appropriations annex")),
    )
    publication.save_revision().publish()
    return publication
