"""Resolve menus into cached plain data.

A menu is resolved once per (menu, locale, version) and then served from the
cache; the version changes whenever a menu is saved or a page is published,
unpublished, moved or deleted, so links never go stale."""

import datetime

from django.utils.translation import get_language
from wagtail.models import Locale, Page

from portal.core.cache import cached_by_content_version
from portal.core.locales import code_of_locale
from portal.core.restrictions import public
from portal.countries.models import Chairpersonship, CountryPage

from .models import NavigationMenu


def _list_items(raw):
    """Values of a ListBlock's raw data, in either of its storage formats."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
        for item in raw or []
    ]


def _page_ids(raw_items):
    """Every page id a menu's raw data refers to."""
    ids = set()
    for block in raw_items:
        value = block["value"]
        if block["type"] == "link":
            ids.add(value.get("page"))
            continue
        ids.add(value.get("page"))
        for group in _list_items(value.get("groups")):
            ids.add(group["link"].get("page"))
            ids.update(child.get("page") for child in _list_items(group.get("children")))
    ids.discard(None)
    return ids


def _localized_pages(ids):
    """{page id: the live page to link to, in the active locale where a
    translation exists}, in two queries whatever the size of the menu. Pages
    under a view restriction are left out, as if unpublished."""
    pages = {p.pk: p for p in public(Page.objects.filter(pk__in=ids))}
    locale = Locale.get_active()
    translations = {
        p.translation_key: p
        for p in public(Page.objects.all()).filter(
            translation_key__in=[p.translation_key for p in pages.values()], locale=locale
        )
    }
    resolved = {}
    for pk, page in pages.items():
        target = translations.get(page.translation_key, page)
        if target.live:
            resolved[pk] = target
    return resolved


def _link(value, pages, request):
    page = pages.get(value.get("page")) if value.get("page") else None
    if value.get("page"):
        if page is None:
            return None  # deleted or unpublished
        url = page.get_url(request) + (value.get("route") or "")
        link = {"title": value.get("title") or page.title, "url": url, "page_id": page.pk}
        language = code_of_locale(page.locale_id)
        if not value.get("title") and language != (get_language() or "en"):
            # The page's own title, not yet translated: the link says so (docs/languages.md).
            link["lang"] = language
        return link
    if value.get("url"):
        return {"title": value.get("title") or value["url"], "url": value["url"], "external": True}
    return None


def _chair_page_ids():
    """Pages of the country holding this year's Chairpersonship (any locale)."""
    term_id = Chairpersonship.current_term_id()
    if term_id is None:
        return set()
    return set(CountryPage.objects.filter(term_id=term_id).values_list("pk", flat=True))


def _mark_chair(links, chair_ids, year):
    for link in links:
        if link.get("page_id") in chair_ids:
            link["chair_year"] = year


def _resolve(menu, request):
    raw_items = list(menu.items.raw_data)
    pages = _localized_pages(_page_ids(raw_items))
    chair_ids = _chair_page_ids()
    year = datetime.date.today().year
    resolved = []
    for block in raw_items:
        value = block["value"]
        if block["type"] == "link":
            link = _link(value, pages, request)
            if link:
                resolved.append(link)
            continue
        groups = []
        for group in _list_items(value.get("groups")):
            link = _link(group["link"], pages, request)
            if link is None:
                continue
            children = (
                _link(child, pages, request) for child in _list_items(group.get("children"))
            )
            link["children"] = [child for child in children if child]
            _mark_chair(link["children"], chair_ids, year)
            groups.append(link)
        landing = pages.get(value.get("page"))
        resolved.append(
            {
                "title": value["title"],
                "url": landing.get_url(request) if landing else None,
                "children": groups,
            }
        )
    return resolved


MENU_TIMEOUT = 24 * 3600


def menu_cache_key(name):
    """What a menu's cache entry depends on besides the language and the
    content version. The year is part of it: the Chairpersonship marker
    changes with the year."""
    return f"navigation:{name}:{datetime.date.today().year}"


def get_menu(name, request=None):
    """The resolved menu in the active language (else the default one), cached."""

    def build():
        language = get_language() or "en"
        menus = NavigationMenu.objects.filter(name=name).select_related("locale")
        menu = (
            menus.filter(locale__language_code=language).first()
            or menus.filter(locale=Locale.get_default()).first()
        )
        return _resolve(menu, request) if menu else []

    return cached_by_content_version(menu_cache_key(name), build, MENU_TIMEOUT)
