"""Which structures a section answers for: its own and every structure below
it in the tree (the Secretariat's groups answer for its departments)."""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q
from wagtail.models import Locale

from portal.structures.models import StructurePage


def structure_terms_below(keys: list[UUID]) -> dict[UUID, set[int]]:
    """{structure key: the terms of that structure and every structure below
    it}, read from the default language's tree. Two queries."""
    if not keys:
        return {}
    locale = Locale.get_default()
    paths = dict(
        StructurePage.objects.filter(translation_key__in=keys, locale=locale).values_list(
            "translation_key", "path"
        )
    )
    if not paths:
        return {}
    below = Q()
    for path in paths.values():
        below |= Q(path__startswith=path)
    rows = list(StructurePage.objects.filter(below, locale=locale).values_list("path", "term_id"))
    return {
        key: {term for path, term in rows if path.startswith(top) and term}
        for key, top in paths.items()
    }
