"""A Permanent Council meeting of 2024 with its journal and a decision that
has a corrigendum and a revision, each with files in English and Russian."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.meetings.factories import MeetingPageFactory
from portal.publications.factories import PublicationPageFactory
from portal.publications.models import PublicationFile
from portal.publications.tests.files import pdf_bytes

PC = "/our-work/meetings-and-conferences/plenary-meetings-of-the-permanent-council/"


def document(name, text):
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(pdf_bytes(text)), save=False)
    document.save()
    return document


def official(resources, symbol, title, day, meeting=None, languages=("en", "ru"), **extra):
    page = PublicationPageFactory(
        parent=resources,
        title=title,
        publication_type="official_document",
        symbol=symbol,
        date=day,
        meeting=meeting,
        **extra,
    )
    for language in languages:
        PublicationFile.objects.create(
            page=page, language=language, document=document(f"{symbol}-{language}.pdf", title)
        )
    return page


@pytest.fixture
def pc_meeting(page_at):
    series = page_at(PC)
    resources = page_at("/resources/")
    meeting = MeetingPageFactory(
        parent=series,
        title="1480th Plenary Meeting of the Permanent Council",
        number=1480,
        start=datetime.date(2024, 6, 13),
        venue="Hofburg, Vienna",
        webcast_url="https://webcast.example.org/pc/1480",
    )
    serbia = page_at("/countries/serbia/").term
    meeting.set_tags("countries", [serbia.pk])
    meeting.save()
    day = datetime.date(2024, 6, 13)
    decision = official(resources, "PC.DEC/1520", "Decision on a test mandate", day, meeting)
    corrigendum = official(
        resources,
        "PC.DEC/1520/Corr.1",
        "Corrigendum to the decision on a test mandate",
        day + datetime.timedelta(days=5),
    )
    revision = official(
        resources, "PC.DEC/1520/Rev.1", "Revised decision on a test mandate", day, meeting
    )
    journal = official(resources, "PC.JOUR/1480", "Journal of the 1480th meeting", day, meeting)
    return {
        "series": series,
        "meeting": meeting,
        "decision": decision,
        "corrigendum": corrigendum,
        "revision": revision,
        "journal": journal,
    }
