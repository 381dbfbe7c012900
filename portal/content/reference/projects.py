"""The ``donors.yaml`` section: the States and organizations that fund
projects, each a ``DonorPage`` (the term of projects' donor tags)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.projects.models import DonorPage

from . import schema

if TYPE_CHECKING:
    from .loader import Loader


def load_donors(loader: Loader, data: schema.DonorsFile) -> None:
    parent = loader.page_at(data.parent, "donors.yaml", "parent")
    for entry in data.items:
        loader.upsert(
            parent,
            DonorPage,
            entry.title,
            entry.slug,
            {
                "summary": entry.summary,
                "donor_kind": entry.donor_kind,
                "iati_identifier": entry.iati_identifier,
            },
        )
