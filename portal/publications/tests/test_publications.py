"""The documents library: one record per document with a file per language,
stable file addresses, extracted text, public documents only."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.publications.extraction import extract_text
from portal.publications.factories import PublicationPageFactory
from portal.publications.models import PublicationFile, PublicationPage

from .files import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db
Document = get_document_model()


def make_document(name, data):
    document = Document(title=name)
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


@pytest.fixture
def resources(page_at):
    return page_at("/resources/")


def test_text_is_extracted_from_pdf_and_word():
    assert extract_text(pdf_bytes("Border security handbook"), "a.pdf") == (
        "Border security handbook"
    )
    assert extract_text(docx_bytes("Decision on the", "budget"), "b.docx") == (
        "Decision on the budget"
    )
    assert extract_text(b"%PDF-1.4 broken", "broken.pdf") == ""
    assert extract_text(b"\x00\x01", "image.png") == ""


def test_one_symbol_several_languages_is_one_record(client, resources):
    publication = PublicationPageFactory(
        parent=resources,
        title="Decision on the 2025 unified budget",
        publication_type="official_document",
        symbol="pc.dec / 1162",
    )
    for language, text in (("en", "Unified budget"), ("fr", "Budget unifie")):
        PublicationFile.objects.create(
            page=publication,
            language=language,
            document=make_document(f"decision-{language}.pdf", pdf_bytes(text)),
        )
    publication.refresh_from_db()
    assert publication.symbol == "PC.DEC/1162"
    assert (publication.issuing_body, publication.document_type) == ("PC", "DEC")
    assert [f.text for f in publication.files.all()] == ["Unified budget", "Budget unifie"]

    twin = PublicationPage(
        title="Same decision", symbol="PC.DEC/1162", date=publication.date, slug="twin"
    )
    twin.locale_id = publication.locale_id
    with pytest.raises(ValidationError, match="already exists"):
        twin.full_clean()

    html = client.get(publication.url).content.decode()
    assert "PC.DEC/1162" in html


def test_file_address_survives_replacing_the_file(client, resources):
    publication = PublicationPageFactory(parent=resources, title="Annual report")
    document = make_document("report-v1.pdf", pdf_bytes("First version"))
    PublicationFile.objects.create(page=publication, language="en", document=document)
    stable = publication.file_url("en")
    assert stable == publication.url + "file/en/"

    first = client.get(stable)
    assert first.status_code == 302
    assert first["Location"] == document.url

    document.file.save("report-v2.pdf", ContentFile(pdf_bytes("Second version")), save=False)
    document.file_hash = ""
    document._set_file_hash()
    document.save()
    second = client.get(stable)
    assert second.status_code == 302
    assert second["Location"].endswith("report-v2.pdf")
    assert PublicationFile.objects.get(page=publication).text == "Second version"

    assert client.get(publication.url + "file/ru/").status_code == 404


def test_restricted_documents_are_neither_listed_nor_served(client, resources):
    public = PublicationPageFactory(parent=resources, title="Public factsheet")
    restricted = PublicationPageFactory(
        parent=resources, title="Restricted note", distribution="restricted"
    )
    listing = client.get(resources.url).content.decode()
    assert public.url in listing
    assert restricted.url not in listing
    assert client.get(restricted.url).status_code == 404
    assert client.get(public.url).status_code == 200
    sitemap = client.get("/sitemaps/en-publication.xml").content.decode()
    assert public.url in sitemap
    assert restricted.url not in sitemap


def test_malformed_symbol_is_refused_with_a_message(resources):
    publication = PublicationPage(title="Bad", slug="bad", date="2025-01-01", symbol="XX.DEC/1")
    publication.locale_id = resources.locale_id
    with pytest.raises(ValidationError) as excinfo:
        publication.full_clean()
    assert "Unknown issuing body" in str(excinfo.value)


def test_publication_page_lists_its_files_by_stable_address(client, resources):
    publication = PublicationPageFactory(parent=resources, title="Handbook")
    for language in ("en", "ru"):
        PublicationFile.objects.create(
            page=publication,
            language=language,
            document=make_document(f"handbook-{language}.pdf", pdf_bytes("Handbook")),
        )
    html = client.get(publication.url).content.decode()
    assert f'href="{publication.url}file/en/"' in html
    assert f'href="{publication.url}file/ru/"' in html
    assert "Русский" in html
    assert "/documents/" not in html.split('id="main-content"')[1]
