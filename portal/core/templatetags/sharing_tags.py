"""``{% sharing_meta page url alternates %}``: OpenGraph and Twitter card tags."""

from typing import Any

from django import template
from django.utils.translation import get_language

from portal.core.locales import language_of
from portal.core.sharing import og_locale, share_description, share_image_or_default

register = template.Library()


@register.inclusion_tag("components/sharing_meta.html")
def sharing_meta(page: Any, url: str, alternates: list[tuple[str, str]] = ()) -> dict[str, Any]:
    """``url`` is the page's canonical address; ``alternates`` the page's
    hreflang alternates (``hreflang_alternates``), whose languages become
    ``og:locale:alternate``. The page's own language is ``og:locale``."""
    language = language_of(page) or get_language()
    others = sorted({code for code, _url in alternates if code not in ("x-default", language)})
    return {
        "title": getattr(page, "seo_title", "") or page.title,
        "description": share_description(page),
        "type": getattr(page, "og_type", "website"),
        "url": url,
        "image": share_image_or_default(page, url) if url else None,
        "locale": og_locale(language),
        "alternate_locales": [og_locale(code) for code in others],
    }
