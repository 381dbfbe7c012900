"""Template tags of the results page."""

from collections.abc import Iterable

from django import template

from ..help import HELP_LINKS

register = template.Library()


@register.simple_tag
def help_links(
    promoted: list[tuple[str, str, int]], *menus: Iterable[dict]
) -> list[tuple[str, str, int | None]]:
    """The popular pages of the help: those ``promoted``, else the first
    links with an address of these resolved menus (navigation's ``{% menu %}``
    tag), as (title, url, page id) triples::

        {% menu "main" as main_menu %}{% menu "meta" as meta_menu %}
        {% help_links help.promoted_pages main_menu meta_menu as popular_pages %}
    """
    if promoted:
        return list(promoted)
    links = []
    for menu in menus:
        for link in menu or []:
            if link.get("url") and len(links) < HELP_LINKS:
                links.append((link["title"], link["url"], None))
    return links
