"""The web app manifest and ``/favicon.ico`` (docs/open-data.md, "Icons and
manifest"). The icons are drawn from the site's mark by scripts/icons.py and
committed under portal/static/img/."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

FAVICON = Path(__file__).resolve().parent.parent / "static" / "img" / "favicon.ico"
THEME_COLOR = "#003a70"  # base.html's theme-color, the mark's blue
ICON_SIZES = (192, 512)


@require_GET
@cache_control(public=True, max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """The mark as an .ico (16, 32 and 48 px), where browsers and feed readers look first."""
    return HttpResponse(FAVICON.read_bytes(), content_type="image/vnd.microsoft.icon")


@require_GET
@cache_control(public=True, max_age=86400)
def manifest(request: HttpRequest) -> HttpResponse:
    """``/manifest.webmanifest``: the English manifest, whatever the visitor's
    cookie or headers (one answer for every cache)."""
    with translation.override(settings.LANGUAGE_CODE):
        return localized_manifest(request)


@require_GET
@cache_control(public=True, max_age=86400)
def localized_manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest in the language of the address
    (``/fr/manifest.webmanifest`` names the site in French)."""
    language = get_language() or settings.LANGUAGE_CODE
    data = {
        "name": gettext("Organization for Security and Co-operation in Europe"),
        "short_name": gettext("OSCE"),
        "description": gettext(
            "57 participating States working together for security, stability and "
            "democracy from Vancouver to Vladivostok."
        ),
        "lang": language,
        "dir": "ltr",
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "minimal-ui",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {
                "src": static(f"img/icon-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any",
            }
            for size in ICON_SIZES
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/manifest+json; charset=utf-8",
    )
