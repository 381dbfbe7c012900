"""Where permissions go: the structures' pages in every language, the shared
listing pages, the home page of each language, the publications listings.
Read as plain rows (``values``), a handful of queries for the whole tree."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from wagtail.models import Locale, Page

from portal.listings.models import ListingPage
from portal.structures.models import StructurePage

STEP = Page.steplen


@dataclass(frozen=True)
class StructureRow:
    pk: int
    translation_key: UUID
    path: str
    title: str
    live: bool
    locale_id: int
    term_id: int | None


class Places:
    """A snapshot of the tree's structures and listing pages."""

    def __init__(self, translation_key: UUID | None = None) -> None:
        rows = StructurePage.objects.values_list(
            "pk", "translation_key", "path", "title", "live", "locale_id", "term_id"
        )
        self.structures = [StructureRow(*row) for row in rows]
        self.structure_paths = {row.path: row for row in self.structures}
        self.default_locale_id = Locale.get_default().pk
        self.by_key: dict[UUID, list[StructureRow]] = {}
        for row in self.structures:
            self.by_key.setdefault(row.translation_key, []).append(row)
        listings = ListingPage.objects.values_list("pk", "path", "listing_type")
        self.shared_listings = [pk for pk, path, _kind in listings if not self.in_structure(path)]
        self.publication_listings = [pk for pk, _path, kind in listings if kind == "publications"]

    def in_structure(self, path: str) -> bool:
        """Whether the page at ``path`` lies below a structure page."""
        return any(path[:end] in self.structure_paths for end in range(STEP, len(path), STEP))

    def source(self, key: UUID) -> StructureRow | None:
        """The structure's page in the default language, else any of its pages."""
        rows = self.by_key.get(key, [])
        return next((r for r in rows if r.locale_id == self.default_locale_id), None) or (
            rows[0] if rows else None
        )

    def parent_title(self, row: StructureRow) -> str:
        parent = self.structure_paths.get(row.path[:-STEP])
        return parent.title if parent else ""


def root_page_ids() -> list[int]:
    return list(Page.objects.filter(depth=1).values_list("pk", flat=True))


def home_page_ids(language_code: str) -> list[int]:
    return list(
        Page.objects.filter(depth=2, locale__language_code=language_code).values_list(
            "pk", flat=True
        )
    )
