"""Resolve menus into cached plain data.

A menu is resolved once per (menu, locale, version) and then served from the
cache; the version changes whenever a menu is saved or a page is published,
unpublished, moved or deleted, so links never go stale."""

import datetime

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale

from .models import NavigationMenu

VERSION_KEY = "navigation:version"


def bump_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def _version():
    return cache.get_or_set(VERSION_KEY, 1, None)


def _link(value, request):
    page = value.get("page")
    if page is not None:
        page = page.localized
        if not page.live:
            return None
        url = page.get_url(request) + (value.get("route") or "")
        return {"title": value.get("title") or page.title, "url": url, "page_id": page.pk}
    if value.get("url"):
        return {"title": value.get("title") or value["url"], "url": value["url"], "external": True}
    return None


def _chair_page_ids():
    """Pages of the country holding this year's Chairpersonship (any locale)."""
    from portal.countries.models import Chairpersonship, CountryPage

    term_id = Chairpersonship.current_term_id()
    if term_id is None:
        return set()
    return set(CountryPage.objects.filter(term_id=term_id).values_list("pk", flat=True))


def _mark_chair(links, chair_ids, year):
    for link in links:
        if link.get("page_id") in chair_ids:
            link["chair_year"] = year


def _resolve(menu, request):
    chair_ids = _chair_page_ids()
    year = datetime.date.today().year
    resolved = []
    for block in menu.items:
        if block.block_type == "link":
            link = _link(block.value, request)
            if link:
                resolved.append(link)
            continue
        section = block.value
        groups = []
        for group in section["groups"]:
            link = _link(group["link"], request)
            if link is None:
                continue
            link["children"] = [c for c in (_link(v, request) for v in group["children"]) if c]
            _mark_chair(link["children"], chair_ids, year)
            groups.append(link)
        landing = section["page"]
        resolved.append(
            {
                "title": section["title"],
                "url": landing.localized.get_url(request) if landing else None,
                "children": groups,
            }
        )
    return resolved


def menu_cache_key(name):
    """Cache key of a menu in the active language. The year is part of it: the
    Chairpersonship marker changes with the year."""
    language = get_language() or "en"
    return f"navigation:{name}:{language}:{datetime.date.today().year}:{_version()}"


def get_menu(name, request=None):
    language = get_language() or "en"
    key = menu_cache_key(name)
    data = cache.get(key)
    if data is None:
        menus = NavigationMenu.objects.filter(name=name).select_related("locale")
        menu = (
            menus.filter(locale__language_code=language).first()
            or menus.filter(locale=Locale.get_default()).first()
        )
        data = _resolve(menu, request) if menu else []
        cache.set(key, data, 24 * 3600)
    return data
