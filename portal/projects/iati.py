"""Projects as IATI activities (IATI Activity Standard 2.03): the filtered
projects listing at ``…/projects/iati/``, streamed a batch of activities
at a time so that any number of projects is written in constant memory.

Each project is one ``<iati-activity>``: its identifier (the reporting
organisation's identifier, a dash, the English page's id), the reporting
organisation, its title and summary in every language it is published in,
its donors (participating organisations, role 1: funding) and implementing
structures (role 4; the Organization itself when none is tagged), its
status and dates, its recipient countries and its budget. The shape is
checked against the official XSD in ``tests/test_iati.py``."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from portal.core.restrictions import public
from portal.countries.models import CountryPage
from portal.listings.errors import bad_filters_response
from portal.taxonomy.models import Term, TermKind

from .models import DonorPage, ProjectPage, ProjectStatus

VERSION = "2.03"
BATCH = 500
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation.
ACTIVITY_STATUS = {
    ProjectStatus.PLANNED: "1",
    ProjectStatus.ONGOING: "2",
    ProjectStatus.COMPLETED: "3",
}
MULTILATERAL = "40"  # IATI OrganisationType of an intergovernmental organisation


def reporting_org() -> tuple[str, str]:
    """(identifier, name) of the organisation publishing the data."""
    return settings.IATI_REPORTING_ORG_REF, settings.IATI_REPORTING_ORG_NAME


def _narratives(parent: etree._Element, texts: dict[str, str]) -> None:
    """One ``<narrative>`` per language: English first, without ``xml:lang``
    (the activity's default language), then the translations."""
    for language, text in sorted(texts.items(), key=lambda pair: pair[0] != "en"):
        if not text:
            continue
        narrative = etree.SubElement(parent, "narrative")
        narrative.text = text
        if language != "en":
            narrative.set(XML_LANG, language)


class Lookups:
    """What every activity reads about terms, built once per export: donors
    (name, IATI identifier and type), structures' names, countries' ISO codes."""

    def __init__(self) -> None:
        self.donors = {
            page.term_id: page
            for page in DonorPage.objects.live()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .only("term_id", "title", "iati_identifier", "donor_kind")
        }
        self.names = dict(
            Term.objects.filter(kind__in=[TermKind.STRUCTURE, TermKind.DONOR]).values_list(
                "pk", "name"
            )
        )
        self.iso_codes = dict(
            CountryPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            .exclude(iso_code="")
            .values_list("term_id", "iso_code")
        )


def activity(
    project: ProjectPage,
    translations: Iterable[ProjectPage],
    lookups: Lookups,
    today: datetime.date,
) -> etree._Element:
    ref, name = reporting_org()
    element = etree.Element("iati-activity")
    if project.last_published_at:
        element.set("last-updated-datetime", project.last_published_at.isoformat())
    element.set(XML_LANG, "en")
    if project.budget_currency:
        element.set("default-currency", project.budget_currency)
    etree.SubElement(element, "iati-identifier").text = f"{ref}-{project.pk}"
    reporting = etree.SubElement(element, "reporting-org", ref=ref, type=MULTILATERAL)
    _narratives(reporting, {"en": name})
    versions = [project, *translations]
    _narratives(
        etree.SubElement(element, "title"),
        {p.locale.language_code: p.title for p in versions},
    )
    description = etree.SubElement(element, "description", type="1")
    summaries = {p.locale.language_code: p.summary for p in versions}
    _narratives(description, summaries if any(summaries.values()) else {"en": project.title})

    for term_id in project.tag_ids("donors"):
        donor = lookups.donors.get(term_id)
        org = etree.SubElement(element, "participating-org", role="1")
        if donor is not None:
            if donor.iati_identifier:
                org.set("ref", donor.iati_identifier)
            org.set("type", donor.iati_type)
        _narratives(org, {"en": donor.title if donor else lookups.names.get(term_id, "")})
    structures = [lookups.names[t] for t in project.tag_ids("structures") if t in lookups.names]
    for structure in structures or [name]:
        org = etree.SubElement(element, "participating-org", role="4", type=MULTILATERAL)
        _narratives(org, {"en": structure})

    status = project.status(today)
    etree.SubElement(element, "activity-status", code=ACTIVITY_STATUS[status])
    started = project.date <= today
    etree.SubElement(
        element, "activity-date", type="2" if started else "1", **{"iso-date": str(project.date)}
    )
    if project.end_date:
        ended = project.end_date < today
        etree.SubElement(
            element,
            "activity-date",
            type="4" if ended else "3",
            **{"iso-date": str(project.end_date)},
        )
    for term_id in project.tag_ids("countries"):
        code = lookups.iso_codes.get(term_id)
        if code:
            etree.SubElement(element, "recipient-country", code=code)
    if project.budget_amount is not None and project.budget_currency:
        end = project.end_date or project.date + datetime.timedelta(days=364)
        budget = etree.SubElement(element, "budget", type="1", status="1")
        etree.SubElement(budget, "period-start", **{"iso-date": str(project.date)})
        etree.SubElement(budget, "period-end", **{"iso-date": str(end)})
        value = etree.SubElement(
            budget,
            "value",
            currency=project.budget_currency,
            **{"value-date": str(project.date)},
        )
        value.text = str(Decimal(project.budget_amount).quantize(Decimal("0.01")))
    return element


def activities(ids: Iterable[int], today: datetime.date) -> Iterator[bytes]:
    """The ``<iati-activity>`` elements of the projects ``ids`` (English
    pages or the listing's representatives), serialized, in that order.
    Three queries per batch of ``BATCH``."""
    lookups = Lookups()
    batch: list[int] = []

    def flush() -> Iterator[bytes]:
        pages = {
            p.pk: p
            for p in ProjectPage.objects.filter(pk__in=batch)
            .select_related("locale")
            .prefetch_related("donor_tags", "structure_tags", "country_tags")
        }
        keys = [p.translation_key for p in pages.values()]
        translations = defaultdict(list)
        for other in public(
            ProjectPage.objects.live()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .only("translation_key", "title", "summary", "locale__language_code")
        ):
            translations[other.translation_key].append(other)
        for pk in batch:
            project = pages.get(pk)
            if project is None:
                continue
            others = [
                p for p in translations[project.translation_key] if p.locale_id != project.locale_id
            ]
            yield etree.tostring(activity(project, others, lookups, today), encoding="utf-8")

    for pk in ids:
        batch.append(pk)
        if len(batch) == BATCH:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def document(ids: Iterable[int], today: datetime.date | None = None) -> Iterator[bytes]:
    """The whole ``<iati-activities>`` document, in pieces."""
    today = today or timezone.localdate()
    generated = timezone.now().replace(microsecond=0).isoformat()
    yield (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + f'<iati-activities version="{VERSION}" generated-datetime="{generated}">\n'.encode()
    )
    for piece in activities(ids, today):
        yield piece + b"\n"
    yield b"</iati-activities>\n"


def listing_iati_view(listing, request: HttpRequest) -> HttpResponse:
    """``…/projects/iati/``: the listing's projects, with its filters."""
    if not settings.IATI_REPORTING_ORG_REF:
        raise Http404(_("This site does not publish IATI data."))
    query = listing.query(request)
    if query.errors:
        return bad_filters_response(query.errors)
    ids = query.ordered().values_list("item_id", flat=True).iterator(chunk_size=2000)
    response = StreamingHttpResponse(document(ids), content_type="application/xml")
    response["Content-Disposition"] = 'inline; filename="iati-activities.xml"'
    return response
