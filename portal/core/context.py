"""What template tags read from a template context: the page being rendered
and the locale to show things in."""

from typing import Any

from wagtail.models import Locale


def context_locale_id(context: Any, page: Any = None) -> int | None:
    """The locale of ``page`` (or of the page being rendered), else the active one."""
    page = page or context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        return page.locale_id
    try:
        return Locale.get_active().pk
    except Locale.DoesNotExist:
        return None
