"""``/sitemap.xml`` (the index) and ``/sitemaps/<language>-<type>.xml`` (a
section), rendered by Django's sitemap views.

Both are cached with the content version (per scheme and host, since the
index names its sections by the address it was asked at), so a repeated
request costs no page query; both are public for ``PAGE_CACHE_MAX_AGE`` and
carry ``Last-Modified`` (the newest publication they list), answering
``If-Modified-Since`` with a 304 before anything is rendered."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe

from portal.core.cache import cached_by_content_version
from portal.core.models import BasePage
from portal.core.params import bounded_int

from .sections import Section, SectionSitemap, section_table


def _sections(request: HttpRequest) -> dict[str, Section]:
    # Outside the language prefixes: one cache entry whatever the visitor's language.
    with translation.override(settings.LANGUAGE_CODE):
        return section_table(request)


def _index_modified(request: HttpRequest) -> datetime.datetime | None:
    return max((s.latest for s in _sections(request).values() if s.latest), default=None)


def _section_modified(request: HttpRequest, section: str) -> datetime.datetime | None:
    found = _sections(request).get(section)
    return found.latest if found else None


def _public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The pages' cache policy on every answer, 304s included."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return BasePage.apply_cache_policy(request, view(request, *args, **kwargs))

    return wrapper


def _cached(request: HttpRequest, key: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    """``render()``'s response, rendered once per content version and address
    (in the default language, whatever the visitor's: the sitemap lies
    outside the language prefixes and each page's address is its own)."""

    def build() -> HttpResponse:
        response = render()
        response.render()
        # ``condition`` gives the whole index's or section's date instead.
        del response["Last-Modified"]
        return response

    with translation.override(settings.LANGUAGE_CODE):
        return cached_by_content_version(
            f"sitemap:{request.scheme}://{request.get_host()}:{key}", build
        )


@_public
@require_safe
@condition(last_modified_func=_index_modified)
def index(request: HttpRequest) -> HttpResponse:
    """The sitemap index: every section, and every page of a long one, each
    with the newest publication date of its pages."""
    sections = _sections(request)

    def render() -> HttpResponse:
        response = sitemap_views.index(
            request,
            {name: SectionSitemap(request, section) for name, section in sections.items()},
            sitemap_url_name="sitemap_section",
        )
        # Django names the sections by the address asked; we publish SITE_URL's.
        if settings.SITE_URL:
            asked = f"{request.scheme}://{request.get_host()}"
            for item in response.context_data["sitemaps"]:
                item.location = settings.SITE_URL + item.location.removeprefix(asked)
        return response

    return _cached(request, "index", render)


@_public
@require_safe
@condition(last_modified_func=_section_modified)
def section(request: HttpRequest, section: str) -> HttpResponse:
    """One section of the sitemap, ``?p=2`` for its second file."""
    found = _sections(request).get(section)
    if found is None:
        raise Http404(_("There is no sitemap section “%(name)s”.") % {"name": section[:40]})
    number = request.GET.get("p", "1")
    pages = max(1, math.ceil(found.count / SectionSitemap.limit))
    if bounded_int(number, 1, pages) is None:
        shown = number[:20] if number.isprintable() else ""
        raise Http404(_("There is no page %(number)s of these results.") % {"number": shown})
    return _cached(
        request,
        f"section:{section}:{bounded_int(number, 1, pages)}",
        lambda: sitemap_views.sitemap(
            request, {section: SectionSitemap(request, found)}, section=section
        ),
    )
