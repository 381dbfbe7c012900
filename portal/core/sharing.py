"""What a page says when it is shared: the OpenGraph and Twitter card data of
``components/sharing_meta.html`` (docs/front-end.md, "Sharing tags")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from django.templatetags.static import static
from django.utils.translation import gettext, to_locale

# The rendition sharing services show best (Facebook, LinkedIn, Mastodon, X).
SHARE_IMAGE_SPEC = "fill-1200x630"
# The site's own image, for pages with neither a social nor a listing image
# (drawn by scripts/icons.py from the mark).
DEFAULT_SHARE_IMAGE = ("img/share.png", 1200, 630)

# OpenGraph wants language_TERRITORY; the territory of each content language.
OG_LOCALES = {
    "en": "en_GB",
    "fr": "fr_FR",
    "de": "de_DE",
    "it": "it_IT",
    "ru": "ru_RU",
    "es": "es_ES",
}


def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code) or to_locale(language_code)


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int
    height: int
    alt: str


def share_description(page: Any) -> str:
    """The search description if the editor wrote one, else the summary."""
    return (getattr(page, "search_description", "") or getattr(page, "summary", "") or "").strip()


def share_image(page: Any, page_url: str) -> ShareImage | None:
    """The social image, else the listing image, as a 1200×630 rendition
    addressed absolutely from ``page_url`` (unless storage already gives an
    absolute address). Costs the image's query and its rendition's (cached)."""
    image = getattr(page, "social_image", None) or getattr(page, "image", None)
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    return ShareImage(
        url=urljoin(page_url, rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=image.default_alt_text,
    )


def default_share_image(page_url: str) -> ShareImage:
    """The site's sharing image (the mark on the brand blue)."""
    path, width, height = DEFAULT_SHARE_IMAGE
    return ShareImage(
        url=urljoin(page_url, static(path)),
        width=width,
        height=height,
        alt=gettext("Organization for Security and Co-operation in Europe"),
    )


def share_image_or_default(page: Any, page_url: str) -> ShareImage:
    """The social image, else the listing image, else the site's own."""
    return share_image(page, page_url) or default_share_image(page_url)
