import hashlib

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from portal.core.cache import cached_by_content_version
from portal.navigation.menus import MENU_TIMEOUT, get_menu, menu_cache_key

register = template.Library()


@register.simple_tag(takes_context=True)
def menu(context, name):
    """``{% menu "main" as main_menu %}``: the resolved, cached menu."""
    return get_menu(name, context.get("request"))


def _urls(items):
    for item in items:
        if item.get("url"):
            yield item["url"]
        yield from _urls(item.get("children", []))


@register.simple_tag(takes_context=True)
def main_nav(context):
    """The rendered main menu, cached.

    The HTML depends only on the menu, the language and where the visitor is:
    which section contains the current page and which link, if any, is the
    current page. Those two facts are the cache key's variant, so every page
    outside the menu's links shares one rendering per section."""
    request = context.get("request")
    sections = get_menu("main", request)
    path = request.path if request else ""
    section = next((i for i, s in enumerate(sections) if s.get("url") and s["url"] in path), None)
    exact = path if path in set(_urls(sections)) else ""
    variant = hashlib.md5(f"{section}|{exact}".encode(), usedforsecurity=False).hexdigest()
    html = cached_by_content_version(
        f"{menu_cache_key('main:html')}:{variant}",
        lambda: render_to_string("components/main_nav.html", {"request": request}, request=request),
        MENU_TIMEOUT,
    )
    return mark_safe(html)  # noqa: S308 - rendered by our own template, autoescaped
