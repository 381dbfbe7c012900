"""The ``elections.yaml`` section: elections the Organization observed,
facts only (country, kind, day, mission). Their reports and recommendations
are added by editors from the published reports (docs/elections.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.elections.models import ElectionPage

from . import schema
from .streamdata import prose

if TYPE_CHECKING:
    from .loader import Loader


def load_elections(loader: Loader, data: schema.ElectionsFile) -> None:
    parent = loader.page_at(data.parent, "elections.yaml", "parent")
    for index, entry in enumerate(data.items):
        loader.upsert(
            parent,
            ElectionPage,
            entry.title,
            entry.slug,
            {
                "summary": entry.summary,
                "body": prose(entry.body),
                "date": entry.date,
                "second_round": entry.second_round,
                "election_type": entry.election_type,
                "mission_type": entry.mission_type or "",
            },
            tags=loader.tags(entry, "elections.yaml", f"items[{index}]"),
        )
