"""Template tags for the six languages: the page's language, its translations
(hreflang alternates) and the language switcher.

The translations of the page being rendered are read in one query and kept on
the request, so the <head> alternates and the switcher share them."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from portal.core.locales import (
    active_language,
    code_of_locale,
    content_languages,
    language_of,
    locale_id_of,
)
from portal.core.localized import localize

from ..fallback import own_url
from ..middleware import with_choice

register = template.Library()


@register.simple_tag
def page_language(page):
    """``{% page_language page as code %}``: the language code of the page's
    content ("en"), or "" when there is no page. No query."""
    return (language_of(page) or "") if page is not None else ""


@register.simple_tag(takes_context=True)
def own_page_url(context, page):
    """``{% own_page_url page %}``: the absolute address of ``page`` under its
    own language's prefix (the canonical address of a fallback page)."""
    return own_url(page, context.get("request"))


def _translations(request, page):
    """{language code: live page} for every translation of ``page``, itself
    included when live. One query, memoized on the request."""
    key = f"_portal_translations_{page.pk}"
    if request is not None and hasattr(request, key):
        return getattr(request, key)
    pages = {}
    if getattr(page, "translation_key", None) and page.pk:
        others = Page.objects.live().filter(translation_key=page.translation_key)
        for other in others.only("url_path", "locale_id", "translation_key", "path", "depth"):
            pages[code_of_locale(other.locale_id)] = other
    if request is not None:
        setattr(request, key, pages)
    return pages


@register.simple_tag(takes_context=True)
def hreflang_alternates(context, page):
    """``{% hreflang_alternates page as alternates %}``: ``[(hreflang, url)]`` for
    each live translation of ``page`` in the content languages' order, then
    ``x-default`` (the default language's version). Empty for a page without
    translations. Costs the one query of the page's translations."""
    request = context.get("request")
    pages = _translations(request, page)
    if len(pages) < 2:
        return []
    alternates = [
        (code, own_url(pages[code], request))
        for code, _name in content_languages()
        if code in pages
    ]
    default = pages.get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append(("x-default", own_url(default, request)))
    return alternates


def _swap_prefix(path, code):
    parts = path.split("/", 2)
    codes = {c for c, _name in content_languages()}
    if len(parts) > 2 and parts[1] in codes:
        return f"/{code}/{parts[2]}"
    return f"/{code}/"


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """``{% language_links page as links %}``: one entry per content language,
    ``{"code", "name", "url", "choose", "current", "translated"}`` (``choose``
    is ``url`` marked as the visitor's choice of language).

    On a page: its translation's address where one is live (keeping a
    routable sub-path and the query string), else the English page under that
    language's prefix, served as a fallback (``translated`` is False). Without a
    page (search results, errors): the same path under the other prefix.
    Costs the one query of the page's translations."""
    request = context.get("request")
    current = active_language()
    links = []
    pages = _translations(request, page) if page is not None and getattr(page, "pk", None) else {}
    remainder = query = ""
    if request is not None:
        query = request.META.get("QUERY_STRING", "")
        here = page.get_url(request) if pages else None
        if here and request.path.startswith(here):
            remainder = request.path[len(here) :]
    source = pages.get(settings.LANGUAGE_CODE)
    for code, name in content_languages():
        translated = code in pages
        if translated:
            with translation.override(code):
                url = pages[code].get_url(request)
            url = (url or f"/{code}/") + remainder
        elif source is not None:
            url = _swap_prefix(own_url(source, request, full=False) or "/", code) + remainder
        elif pages:
            url = f"/{code}/"
        else:
            translated = True
            url = _swap_prefix(request.path if request is not None else "/", code)
        if query:
            url = f"{url}?{query}"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "translated": translated,
                # The switcher's link: the visitor's choice is remembered (middleware).
                "choose": url if code == current else with_choice(url, code),
            }
        )
    return links


@register.simple_tag
def breadcrumb_trail(page):
    """``{% breadcrumb_trail page as crumbs %}``: the page's ancestors from the
    home page down (the tree root excluded). One query; on a page shown in
    another language than its own (an untranslated page), a second one puts
    each ancestor's translation in the visitor's language in its place."""
    if page is None or not getattr(page, "pk", None):
        return []
    ancestors = list(page.get_ancestors().filter(depth__gt=1).order_by("path"))
    active = locale_id_of(active_language())  # known without a query
    if not ancestors or active is None or page.locale_id == active:
        return ancestors
    return localize(ancestors, active, translations=Page.objects.all())
