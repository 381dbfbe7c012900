"""Untranslated pages fall back to the default language, never to a 404.

Every page of the default language (English) has, besides its own address
``/en/<path>/``, an address in each other language: ``/fr/<path>/``. That is
the address links use while French is active and the French tree has no
translation of the page (menus, lists, the language switcher): the visitor
stays in French, the page is served in English with a notice in French and a
canonical link to ``/en/<path>/``. When a French translation exists, the
address redirects to it (its slug may differ). See docs/languages.md."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.models.pages import RouteResult

from portal.core.locales import active_language, code_of_locale, locale_id_of


def rewrite_url_parts(parts):
    """``Page.get_url_parts`` of a default-language page while another content
    language is active: the same path under the active language's prefix."""
    if not parts or not parts[2]:
        return parts
    default, language = settings.LANGUAGE_CODE, active_language()
    prefix = f"/{default}/"
    if language == default or not parts[2].startswith(prefix):
        return parts
    site_id, root_url, path = parts
    return site_id, root_url, f"/{language}/{path[len(prefix) :]}"


def install_url_fallback():
    """Give every page (specific or not: menus resolve plain ``Page`` objects)
    the fallback address, by wrapping ``Page.get_url_parts``, the one method
    Wagtail documents for custom page URLs and which ``url``, ``get_url`` and
    ``get_full_url`` all go through. Wrapped once; idempotent."""
    original = Page.get_url_parts
    if getattr(original, "_portal_fallback", False):
        return

    def get_url_parts(self, request=None):
        return rewrite_url_parts(original(self, request))

    get_url_parts._portal_fallback = True
    get_url_parts.__doc__ = original.__doc__
    Page.get_url_parts = get_url_parts


def own_url(page, request=None, full=True):
    """The address of ``page`` under its own language's prefix (no fallback
    rewriting): what canonical links, hreflang alternates and sitemaps give."""
    language = code_of_locale(page.locale_id) or settings.LANGUAGE_CODE
    with translation.override(language):
        return page.get_full_url(request) if full else page.get_url(request)


def _source_root(site):
    root = site.root_page
    default_id = locale_id_of(settings.LANGUAGE_CODE)
    if root.locale_id == default_id:
        return root
    return root.get_translations().filter(locale_id=default_id).first()


def fallback_route(request, path):
    """Route ``path`` through the default language's tree when the active
    language's tree has no page there.

    Returns ``None`` (no such page in English either: a real 404), a redirect
    to the page's translation when one is live, or the ``RouteResult`` of the
    English page to serve as it is. At most three queries beyond routing."""
    language = active_language()
    if language == settings.LANGUAGE_CODE:
        return None
    site = Site.find_for_request(request)
    root = _source_root(site) if site else None
    if root is None:
        return None
    try:
        result = root.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None
    page = result[0]
    if code_of_locale(page.locale_id) == language:
        return result
    translated = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale_id=locale_id_of(language))
        .first()
    )
    if translated is not None:
        own = page.url_path[len(root.url_path) :]
        remainder = path[len(own) :] if path.startswith(own) else ""
        target = translated.get_url(request)
        if target and target + remainder != request.path:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponseRedirect(target + remainder + (f"?{query}" if query else ""))
    return RouteResult(*result) if not isinstance(result, RouteResult) else result
