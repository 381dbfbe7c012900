"""What template tags read from a template context: the page being rendered
and the locale to show things in."""

from typing import Any

from .localized import reading_locale_id


def context_locale_id(context: Any, page: Any = None) -> int | None:
    """The locale the lists of ``page`` (or of the page being rendered) are
    shown in: its own for a translation, the reader's for an English page
    (``localized.reading_locale_id``)."""
    return reading_locale_id(page or context.get("page"), context.get("request"))
