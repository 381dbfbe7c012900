"""The data page: one per home page, under each language, listing every
feed, calendar, download and the API (``catalogue``), described in JSON-LD
as a DataCatalog of Datasets, one per download (docs/open-data.md)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from portal.core import structured_data
from portal.core.blocks import BodyBlock
from portal.core.localized import reading_locale_id
from portal.core.models import BasePage

from .catalogue import absolute, api_links, listing_sources


class DataPage(BasePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    template = "opendata/data_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    schema_type = "DataCatalog"

    class Meta:
        verbose_name = _("open data page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["sources"] = listing_sources(reading_locale_id(self, request), request)
        context["api_links"] = api_links()
        return context

    def get_schema_org(self, request: HttpRequest | None = None) -> dict[str, Any]:
        """A DataCatalog with a Dataset for each listing that has downloads,
        one DataDownload per format, at its absolute address."""
        data = super().get_schema_org(request)
        url = data.get("url")
        if not url:
            return data
        publisher = structured_data.organization(url)
        datasets = []
        for source in listing_sources(self.locale_id, request):
            if not source.downloads:
                continue
            listing = source.listing
            description = listing.summary or str(listing.kind.label)
            datasets.append(
                {
                    "@type": "Dataset",
                    "name": listing.title,
                    "description": description,
                    "url": listing.get_full_url(request),
                    "inLanguage": listing.locale.language_code,
                    "isAccessibleForFree": True,
                    "creator": publisher,
                    "distribution": [
                        {
                            "@type": "DataDownload",
                            "encodingFormat": link.media_type,
                            "contentUrl": absolute(url, link.url),
                        }
                        for link in source.downloads
                    ],
                }
            )
        if datasets:
            data["dataset"] = datasets
        return data
