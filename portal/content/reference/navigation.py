"""The ``navigation.yaml`` section: the main menu's sections and groups and
the link menus (meta, footer, secondary footer, social), stored as
``NavigationMenu`` snippets of a locale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wagtail.models import Locale

from portal.navigation.models import NavigationMenu

from . import schema
from .streamdata import normalize

if TYPE_CHECKING:
    from .loader import Loader

LINK_MENUS = ("meta", "footer", "footer_secondary", "social")


def load_navigation(loader: Loader, data: schema.NavigationFile) -> dict[str, list[dict]]:
    """Save the English menus; returns them (menu name -> StreamField raw
    data) for the translations to follow."""

    def link(item, location):
        page_id = None
        if item.page:
            page_id = loader.page_at(item.page, "navigation.yaml", location).pk
        return {
            "page": page_id,
            "url": item.url or "",
            "title": item.title,
            "route": item.route or "",
        }

    def section(entry, location):
        groups = []
        for g, group in enumerate(entry.groups):
            where = f"{location}.groups[{g}]"
            children = [
                link(child, f"{where}.children[{c}]") for c, child in enumerate(group.children)
            ]
            if group.children_of:
                parent = loader.page_at(
                    group.children_of, "navigation.yaml", f"{where}.children_of"
                )
                children += [
                    {"page": child.pk, "url": "", "title": "", "route": ""}
                    for child in parent.get_children().live().order_by("path")
                ]
            groups.append({"link": link(group, where), "children": children})
        landing = (
            loader.page_at(entry.page, "navigation.yaml", f"{location}.page")
            if entry.page
            else None
        )
        return {"title": entry.title, "page": landing.pk if landing else None, "groups": groups}

    menus = {
        "main": [
            {"type": "section", "value": section(entry, f"main[{i}]")}
            for i, entry in enumerate(data.main)
        ]
    }
    for name in LINK_MENUS:
        menus[name] = [
            {"type": "link", "value": link(item, f"{name}[{i}]")}
            for i, item in enumerate(getattr(data, name))
        ]
    for name, items in menus.items():
        save_menu(loader, name, loader.locale, items)
    return menus


def save_menu(
    loader: Loader,
    name: str,
    locale: Locale,
    items: list[dict],
    source: NavigationMenu | None = None,
) -> NavigationMenu:
    """Create or update the menu ``name`` of ``locale`` (a translation of
    ``source`` when given); counted in the loader's stats like a page."""
    menu = NavigationMenu.objects.filter(name=name, locale=locale).first()
    if menu is None:
        extra = {"translation_key": source.translation_key} if source else {}
        menu = NavigationMenu.objects.create(name=name, locale=locale, items=items, **extra)
        loader.stats["created"] += 1
    elif normalize(list(menu.items.raw_data)) != normalize(items):
        menu.items = items
        menu.save()
        loader.stats["updated"] += 1
    else:
        loader.stats["unchanged"] += 1
    return menu
