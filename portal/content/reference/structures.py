"""The ``structures.yaml`` section (the tree of structures, each block under
its parent page, tagged with the countries and fields of work it covers) and
``leadership.yaml`` (the posts, linked to their structure's term)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from wagtail.models import Page

from portal.core.models import StandardPage
from portal.structures.models import LeadershipPostPage, PersonPage, StructurePage, Tenure
from portal.taxonomy.models import TermKind

from . import schema
from .streamdata import prose

if TYPE_CHECKING:
    from .loader import Loader


def load_structures(loader: Loader, blocks: list[schema.StructureBlock]) -> None:
    for number, block in enumerate(blocks):
        parent = loader.page_at(block.parent, "structures.yaml", f"[{number}].parent")
        for index, item in enumerate(block.items):
            load_structure(loader, parent, item, f"[{number}].items[{index}]")


def load_structure(
    loader: Loader, parent: Page, entry: schema.StructureEntry, location: str
) -> None:
    """``entry`` below ``parent``, then its children below it."""
    if entry.type == "standard":
        page = loader.upsert(
            parent,
            StandardPage,
            entry.title,
            entry.slug,
            {"summary": entry.summary, "body": prose(entry.body)},
        )
    else:
        page = loader.upsert(
            parent,
            StructurePage,
            entry.title,
            entry.slug,
            {
                "summary": entry.summary,
                "body": prose(entry.body),
                "kind": entry.kind,
                "acronym": entry.acronym,
                "headquarters": entry.headquarters,
                "established": entry.established,
                "closed": entry.closed,
                "mandate": entry.mandate,
            },
            tags={
                "countries": loader.terms(
                    TermKind.COUNTRY,
                    entry.countries,
                    "structures.yaml",
                    f"{location}.countries",
                ),
                "fields_of_work": loader.terms(
                    TermKind.FIELD_OF_WORK,
                    entry.fields_of_work,
                    "structures.yaml",
                    f"{location}.fields_of_work",
                ),
            },
        )
    for index, child in enumerate(entry.children):
        load_structure(loader, page, child, f"{location}.children[{index}]")


def load_leadership(loader: Loader, data: schema.LeadershipFile) -> None:
    parent = loader.page_at(data.parent, "leadership.yaml", "parent")
    for index, entry in enumerate(data.items):
        structure_id = None
        if entry.structure:
            (structure_id,) = loader.terms(
                TermKind.STRUCTURE,
                [entry.structure],
                "leadership.yaml",
                f"items[{index}].structure",
            )
        post = loader.upsert(
            parent,
            LeadershipPostPage,
            entry.title,
            entry.slug,
            {
                "summary": entry.summary,
                "body": prose(entry.body),
                "structure_id": structure_id,
                "is_head": entry.is_head,
                "vacant": entry.vacant,
            },
        )
        for holder in entry.holders:
            load_holder(loader, parent, post, holder)


def load_holder(loader: Loader, parent: Page, post: LeadershipPostPage, holder: schema.Holder):
    """A holder named by the sources: a person page beside the posts, and the
    tenure of ``post`` from ``since`` (to ``until``, when the tenure ended)."""
    biography = "".join(
        f"<p>{html.escape(p, quote=False)}</p>" for p in holder.biography if isinstance(p, str)
    )
    person = loader.upsert(
        parent, PersonPage, holder.name, None, {"summary": holder.summary, "biography": biography}
    )
    Tenure.objects.update_or_create(
        post=post, person=person, start=holder.since, defaults={"end": holder.until}
    )
