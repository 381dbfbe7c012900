"""Document families: a base document and its revisions, corrigenda and
addenda (``PC.DEC/1162``, ``PC.DEC/1162/Corr.1``, ``.../Rev.1/Corr.1``) are
separate records sharing ``family_symbol``; each record holds its language
versions as files. A record's page lists the others of its family, and a
variant names the document it amends (docs/meetings.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portal.core.localized import localize, source_locale_id
from portal.taxonomy import symbols


@dataclass
class Member:
    page: Any  # a PublicationPage in the reader's language (or its fallback)
    label: str  # "Original", "Corrigendum 1", "Corrigendum 1 to revision 2"
    current: bool  # the page being read
    corrected: bool  # the document the page being read amends


def family_of(publication, locale_id: int | None) -> list[Member]:
    """Every public member of ``publication``'s family, base first, then its
    variants in symbol order; the members are read once in English (with their
    files) and localized. Empty for a document without a symbol or alone in
    its family. Three queries (members, their files, translations)."""
    if not publication.family_symbol:
        return []
    model = type(publication)
    prefetch = ("files__document",)
    sources = list(
        model.listable()
        .filter(family_symbol=publication.family_symbol, locale_id=source_locale_id())
        .defer("body")
        .prefetch_related(*prefetch)
    )
    if len(sources) < 2:
        return []
    pages = localize(
        sources,
        locale_id,
        translations=model.objects.defer("body").prefetch_related(*prefetch),
    )
    parsed = symbols.parse(publication.symbol)
    members = []
    for page in pages:
        symbol = symbols.parse(page.symbol)
        members.append(
            Member(
                page=page,
                label=symbol.variant_label,
                current=page.translation_key == publication.translation_key,
                corrected=str(symbol) == parsed.corrects,
            )
        )
    members.sort(key=lambda m: symbols.parse(m.page.symbol).variant_sort_key)
    return members


def meeting_of(publication, locale_id: int | None):
    """The meeting that adopted ``publication``, in the reader's language
    (or English, marked ``is_fallback``); ``None`` if none or not live."""
    meeting = publication.meeting
    if meeting is None or not meeting.live:
        return None
    return localize([meeting], locale_id)[0]
