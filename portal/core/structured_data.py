"""The parts of schema.org JSON-LD that every page type shares: the
publisher, the image, the breadcrumbs. Each page type says what it is in its
``get_schema_org`` (``BasePage`` and its overrides); ``base.html`` renders it
and ``breadcrumb_schema`` (docs/open-data.md, "Structured data")."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from django.templatetags.static import static
from django.utils.translation import gettext

from .sharing import share_image_or_default

CONTEXT = "https://schema.org"
LOGO = ("img/icon-512.png", 512)


def absolute_static(page_url: str, path: str) -> str:
    """A static file's address, absolute from the page's own (from ``SITE_URL``)."""
    return urljoin(page_url, static(path))


def pixels(value: int) -> dict[str, Any]:
    """A width or height: schema.org wants a QuantitativeValue (E37: pixels)."""
    return {"@type": "QuantitativeValue", "value": value, "unitCode": "E37"}


def organization(page_url: str) -> dict[str, Any]:
    """The Organization that publishes the site, with its logo."""
    logo, size = LOGO
    return {
        "@type": "Organization",
        "name": gettext("Organization for Security and Co-operation in Europe"),
        "alternateName": gettext("OSCE"),
        "url": urljoin(page_url, "/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute_static(page_url, logo),
            "width": pixels(size),
            "height": pixels(size),
        },
    }


def image(page: Any, page_url: str) -> dict[str, Any]:
    """The page's sharing image (social, else listing, else the site's) as an ImageObject."""
    found = share_image_or_default(page, page_url)
    return {
        "@type": "ImageObject",
        "url": found.url,
        "width": pixels(found.width),
        "height": pixels(found.height),
    }


def breadcrumb_schema(page: Any, request: Any = None) -> dict[str, Any] | None:
    """The page's place in the tree as a BreadcrumbList, from the home page
    down to the page itself, in the page's own language (one query)."""
    if not getattr(page, "pk", None):
        return None
    trail = [*page.get_ancestors().filter(depth__gt=1).order_by("path"), page]
    items = []
    for position, crumb in enumerate(trail, start=1):
        url = crumb.get_full_url(request)
        if not url:
            return None
        name = gettext("Home") if crumb.depth == 2 else crumb.title
        items.append(
            {"@type": "ListItem", "position": position, "name": name, "item": {"@id": url}}
        )
    return {"@context": CONTEXT, "@type": "BreadcrumbList", "itemListElement": items}
