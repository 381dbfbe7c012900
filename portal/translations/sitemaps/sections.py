"""The sections of the sitemap and the ``Sitemap`` that lists one.

A section is one language and one page type: ``en-news`` holds the English
news items, ``ru-standard`` the Russian standard pages. Which sections exist,
how many pages each holds and when each last changed come from one grouped
query over the site's live public pages (``section_table``), cached with the
content version: the index costs no query per section.

A section lists its pages in tree order, ``SECTION_SIZE`` per file (``?p=2``
after that). Each file costs a fixed number of queries whatever its length:
the pages, then every translation of those pages for the alternates."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q, QuerySet
from django.http import HttpRequest
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from portal.core.cache import cached_by_content_version
from portal.core.locales import code_of_locale

from ..fallback import own_url

# The protocol allows 50,000 URLs and 50 MB per file. An entry with six
# alternates is about 1.5 KB (more with Cyrillic addresses, percent-encoded),
# so 10,000 keeps a file near 15 MB and its build well under a second.
SECTION_SIZE = 10_000


@dataclass(frozen=True)
class Section:
    name: str  # "en-news"
    locale_id: int
    content_type_id: int
    count: int  # live public pages (pages may still leave themselves out: get_sitemap_urls)
    latest: datetime.datetime | None  # the newest last_published_at of its pages


def type_name(model) -> str:
    """A page type's short name in section names: ``NewsPage`` -> ``news``."""
    name = model._meta.model_name
    return name.removesuffix("page") or name


def site_of(request: HttpRequest) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.select_related("root_page").get(is_default_site=True)
    return site


def under_site(site: Site) -> Q:
    """Pages under the site's home page in any language (each language's
    home page is a translation of the site's root page)."""
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    under = Q(pk__in=[])
    for path in roots.values_list("path", flat=True):
        under |= Q(path__startswith=path)
    return under


def _language_rank(locale_id) -> int:
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    code = code_of_locale(locale_id)
    return codes.index(code) if code in codes else len(codes)


def section_table(request: HttpRequest) -> dict[str, Section]:
    """Every section of the request's site, by name, in language order then
    by type name. Cached until published content changes, by host: a
    request that finds it cached makes no query at all."""

    def build() -> dict[str, Section]:
        site = site_of(request)
        rows = list(
            Page.objects.live()
            .public()
            .filter(under_site(site))
            .values_list("locale_id", "content_type_id")
            .annotate(count=Count("pk"), latest=Max("last_published_at"))
            .order_by()
        )
        types = ContentType.objects.in_bulk({content_type for _l, content_type, _n, _d in rows})
        sections = []
        for locale_id, content_type_id, count, latest in rows:
            model = types[content_type_id].model_class()
            code = code_of_locale(locale_id)
            if model is None or code is None:  # a page type or locale since removed
                continue
            name = f"{code}-{type_name(model)}"
            sections.append(Section(name, locale_id, content_type_id, count, latest))
        sections.sort(key=lambda s: (_language_rank(s.locale_id), s.name))
        return {section.name: section for section in sections}

    return cached_by_content_version(f"sitemap:sections:{request.get_host()}", build)


class _Counted:
    """A queryset whose length is already known (from ``section_table``), so
    that paginating it asks no ``COUNT(*)``; built only when a page of it is
    read, so that the index, which only counts pages, makes no query."""

    def __init__(self, queryset: Callable[[], QuerySet], count: int):
        self.queryset, self._count = queryset, count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self.queryset()[index]


class SectionSitemap(Sitemap):
    """One section: its pages, each at its own address (never a fallback
    address), with its live public translations as alternates and an
    ``x-default`` (the default language's version)."""

    limit = SECTION_SIZE

    def __init__(self, request: HttpRequest, section: Section):
        super().__init__(request)
        self.section = section

    def items(self):
        model = ContentType.objects.get_for_id(self.section.content_type_id).model_class()
        return (
            model.objects.live()
            .public()
            .filter(
                under_site(site_of(self.request)),
                locale_id=self.section.locale_id,
                content_type_id=self.section.content_type_id,
            )
            .order_by("path")
            .defer_streamfields()
        )

    @property
    def paginator(self) -> Paginator:
        return Paginator(_Counted(self.items, self.section.count), self.limit)

    def get_latest_lastmod(self):
        return self.section.latest

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        others = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in items})
            .only("url_path", "translation_key", "locale_id", "path", "depth")
        )
        for other in others:
            translations[other.translation_key].append(other)
        urls, last_mods = [], set()
        addresses = {}  # page id -> address: each page appears once per translation

        def address(page):
            if page.pk not in addresses:
                addresses[page.pk] = own_url(page, self.request)
            return addresses[page.pk]

        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["location"] = address(item)
                alternates = [
                    {"lang_code": code_of_locale(t.locale_id), "location": address(t)}
                    for t in sorted(
                        translations[item.translation_key],
                        key=lambda t: _language_rank(t.locale_id),
                    )
                ]
                default = next(
                    (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None
                )
                if len(alternates) > 1:
                    if default:
                        alternates.append(
                            {"lang_code": "x-default", "location": default["location"]}
                        )
                    url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
