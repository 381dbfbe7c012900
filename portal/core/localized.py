"""One rule for every list the site computes from its pages, in every language.

English is the source language: every page exists first in the English tree,
and a translation is the same page (same ``translation_key``) in another
locale. A list shown to a French reader — the structures serving a field of
work, the field operations in a country, the org chart, the map, the tags of a
page — is therefore computed from the English pages and then *localized*: each
item becomes its live French translation where there is one, else stays the
English page, marked ``is_fallback`` so that templates say "not yet translated"
and set ``lang``. An item is never dropped because nobody translated it, and a
French list never claims "nothing here" when the English one has items.

Listings (news, events...) follow the same rule through the listing index
(``portal.listings.query.ListingQuery.pages``); everything else goes through
``localize`` or ``in_language`` below. See docs/languages.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .locales import active_language, locale_id_of
from .restrictions import public


def source_locale_id() -> int | None:
    """The locale id of the source language (English). No query once known."""
    return locale_id_of(settings.LANGUAGE_CODE)


def reading_locale_id(page: Any = None, request: Any = None) -> int | None:
    """The locale a page's lists are shown in.

    A translated page is read in its own language. An English page is read in
    the visitor's language: under ``/fr/`` an untranslated English page is
    served as a fallback, and its lists are French (with their own fallbacks).
    Previews show a page as it will read under its own prefix."""
    own = getattr(page, "locale_id", None)
    if own and (own != source_locale_id() or getattr(request, "is_preview", False)):
        return own
    return locale_id_of(active_language()) or own


def title_key(title: str) -> str:
    """A sort key for titles in any of the six languages: accents and case
    ignored ("Émirats" sorts with "E"), Cyrillic after Latin."""
    decomposed = unicodedata.normalize("NFKD", title)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _translations_of(pages: list[Any]) -> Any:
    types = {type(page) for page in pages}
    if len(types) == 1:
        return types.pop()._default_manager.all()
    return Page.objects.specific()


def localize(
    pages: Iterable[Any],
    locale_id: int | None,
    translations: Any = None,
    sort_by_title: bool = False,
) -> list[Any]:
    """Each of ``pages`` in ``locale_id``: its live translation there when one
    exists, else the page itself with ``is_fallback = True``.

    Keeps the order of ``pages`` (the tree's, or a date's) unless
    ``sort_by_title``, which sorts by the titles shown. ``translations`` is
    the queryset translations are read from (the pages' own model by default;
    give one with the same ``only()``/``select_related()`` as the sources);
    a translation under a view restriction is never swapped in.
    One query, none when every page is already in ``locale_id``."""
    pages = list(pages)
    if not pages or locale_id is None:
        return pages
    elsewhere = {page.translation_key for page in pages if page.locale_id != locale_id}
    found: dict[Any, Any] = {}
    if elsewhere:
        queryset = translations if translations is not None else _translations_of(pages)
        found = {
            page.translation_key: page
            for page in public(queryset).filter(
                live=True, locale_id=locale_id, translation_key__in=elsewhere
            )
        }
    result = []
    for page in pages:
        shown = found.get(page.translation_key, page)
        shown.is_fallback = shown.locale_id != locale_id
        result.append(shown)
    if sort_by_title:
        result.sort(key=lambda page: title_key(page.title))
    return result


def in_language(queryset: Any, locale_id: int | None, sort_by_title: bool = False) -> list[Any]:
    """``localize`` the source-language pages of ``queryset``.

    ``queryset`` carries the caller's filters (kind, tags, live...) but no
    locale: tags, terms and kinds are copied onto translations, so the same
    filters find the translations. Pages under a view restriction are left
    out (``restrictions.public``). Two queries."""
    queryset = public(queryset)
    return localize(
        queryset.filter(locale_id=source_locale_id()),
        locale_id,
        translations=queryset,
        sort_by_title=sort_by_title,
    )


def source_of(page: Any) -> Any:
    """The source-language version of ``page`` (itself when it is English);
    ``page`` itself when it has none. At most one query."""
    source_id = source_locale_id()
    if page.locale_id == source_id:
        return page
    source = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=source_id)
        .specific()
        .first()
    )
    return source or page


def children_in_language(page: Any, locale_id: int | None, queryset: Any = None) -> list[Any]:
    """The live, public children of ``page`` in ``locale_id``, read from the
    source page's children (tree order), each localized. ``queryset`` narrows
    the children (``Page.objects.specific()`` by default)."""
    source = source_of(page)
    if not source.numchild:
        return []
    base = queryset if queryset is not None else Page.objects.all()
    children = base.child_of(source).live().public()
    if queryset is None:
        children = children.specific()
    children = list(children.order_by("path"))
    if all(child.locale_id == locale_id for child in children):
        return localize(children, locale_id)  # no query
    # ``public()`` reads the view restrictions: only when translations are read.
    translations = base.public() if queryset is not None else base.public().specific()
    return localize(children, locale_id, translations=translations)


def untranslated_text(page: Any) -> dict[str, Any]:
    """{field name: the source page's value} for each text field (StreamField
    or rich text) that ``page``, a translation, leaves empty while its live
    source page fills it. Empty for a source page. One query on translations."""
    source_id = source_locale_id()
    if not getattr(page, "pk", None) or page.locale_id == source_id:
        return {}
    fields = [
        field.name
        for field in page._meta.concrete_fields
        if isinstance(field, StreamField | RichTextField) and not getattr(page, field.name)
    ]
    if not fields:
        return {}
    source = (
        type(page)
        ._default_manager.filter(translation_key=page.translation_key, locale_id=source_id)
        .live()
        .only(*fields)
        .first()
    )
    if source is None:
        return {}
    return {name: getattr(source, name) for name in fields if getattr(source, name)}
