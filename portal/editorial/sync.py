"""Keep the editorial groups in step with the structure tree.

``sync_sections()`` brings every section and every central group to what
``roles.py`` describes: one section (an editors' and a moderators' group)
per structure, named after it, with page permissions on the structure's
pages in every language and on the shared listing pages; the central groups
with theirs; the review workflows on the listings (``workflows.py``). ``sync_structure(key)`` does the same for one structure (the
signals' path). Both are idempotent: a second run writes nothing."""

from __future__ import annotations

from dataclasses import dataclass, fields
from uuid import UUID

from django.contrib.auth.models import Group
from django.db import transaction

from .grants import PermissionIndex, apply_collection_grants, apply_model_grants, apply_page_grants
from .models import Section
from .places import Places, StructureRow, home_page_ids, root_page_ids
from .roles import (
    ADMIN_ACCESS,
    SECTION_COLLECTION_PERMISSIONS,
    SECTION_ROLES,
    CentralRole,
    central_roles,
    section_group_name,
)
from .workflows import sync_workflows

NAME_LENGTH = 120  # of a structure's name in a group name (Group.name holds 150)


@dataclass
class SyncReport:
    sections_created: int = 0
    sections_changed: int = 0
    groups_created: int = 0
    groups_renamed: int = 0
    rows_added: int = 0
    rows_removed: int = 0
    workflow_rows: int = 0

    @property
    def changed(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def __str__(self) -> str:
        return ", ".join(
            f"{f.name.replace('_', ' ')}: {getattr(self, f.name)}" for f in fields(self)
        )


class Sync:
    def __init__(self) -> None:
        self.places = Places()
        self.report = SyncReport()
        roles = central_roles()
        self.permissions = PermissionIndex(
            {ADMIN_ACCESS, *SECTION_COLLECTION_PERMISSIONS}
            | {name for role in roles for name in role.model_permissions}
            | {name for role in roles for name in role.collection_permissions}
        )
        self.group_names = dict(Group.objects.values_list("name", "pk"))
        self.group_ids: set[int] = set()
        self.page_grants: set[tuple[int, int, int]] = set()
        self.collection_grants: set[tuple[int, int]] = set()
        self.model_grants: set[tuple[int, int]] = set()

    # -- entry points --------------------------------------------------------------

    def everything(self) -> SyncReport:
        sections = {s.translation_key: s for s in Section.objects.all()}
        sources = sorted(
            (self.places.source(key) for key in self.places.by_key), key=lambda r: r.path
        )
        for source in sources:
            self.section(source.translation_key, sections.pop(source.translation_key, None))
        for key, section in sections.items():  # structures deleted since
            self.section(key, section)
        for role in central_roles():
            self.central(role)
        self.apply()
        self.report.workflow_rows = sync_workflows()
        return self.report

    def one(self, key: UUID) -> SyncReport:
        self.section(key, Section.objects.filter(translation_key=key).first())
        return self.apply()

    # -- sections ------------------------------------------------------------------

    def section(self, key: UUID, section: Section | None) -> None:
        source = self.places.source(key)
        if source is None:
            if section is not None:
                self.update(section, name=section.name, term_id=section.term_id, active=False)
                self.group_ids.update(section.group_ids)
            return
        name = self.choose_name(source, section)
        if section is None:
            section = self.create(key, name, source)
        else:
            self.rename(section, name)
            self.update(section, name=name, term_id=source.term_id, active=source.live)
        self.group_ids.update(section.group_ids)
        if not section.active:
            return
        pages = [row.pk for row in self.places.by_key[key]] + self.places.shared_listings
        for role in SECTION_ROLES:
            group_id = getattr(section, f"{role.key}_id")
            self.grant(group_id, pages, role.page_actions, SECTION_COLLECTION_PERMISSIONS, ())

    def choose_name(self, source: StructureRow, section: Section | None) -> str:
        """The structure's title; if another section's groups hold it, the
        title with its parent's, else with its key's first characters."""
        own = set(section.group_ids) if section else set()
        title = source.title[:NAME_LENGTH]
        parent = self.places.parent_title(source)[:NAME_LENGTH]
        bases = [title, *([f"{title} ({parent})"] if parent else [])]
        for base in bases:
            names = [section_group_name(base, role) for role in SECTION_ROLES]
            if all(self.group_names.get(n, 0) in (0, *own) for n in names):
                return base
        return f"{title} ({str(source.translation_key)[:8]})"

    def create(self, key: UUID, name: str, source: StructureRow) -> Section:
        groups = {}
        for role in SECTION_ROLES:
            group = Group.objects.create(name=section_group_name(name, role))
            self.group_names[group.name] = group.pk
            groups[role.key] = group
            self.report.groups_created += 1
        self.report.sections_created += 1
        return Section.objects.create(
            translation_key=key, name=name, term_id=source.term_id, active=source.live, **groups
        )

    def rename(self, section: Section, name: str) -> None:
        if section.name == name:
            return
        for role in SECTION_ROLES:
            group_id = getattr(section, f"{role.key}_id")
            new_name = section_group_name(name, role)
            for old, pk in list(self.group_names.items()):
                if pk == group_id:
                    del self.group_names[old]
            Group.objects.filter(pk=group_id).update(name=new_name)
            self.group_names[new_name] = group_id
            self.report.groups_renamed += 1

    def update(self, section: Section, **values) -> None:
        if any(getattr(section, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(section, field, value)
            section.save(update_fields=list(values))
            self.report.sections_changed += 1

    # -- central groups ------------------------------------------------------------

    def central(self, role: CentralRole) -> None:
        group_id = self.group_names.get(role.name)
        if group_id is None:
            group_id = Group.objects.create(name=role.name).pk
            self.group_names[role.name] = group_id
            self.report.groups_created += 1
        self.group_ids.add(group_id)
        pages = {
            "root": root_page_ids,
            "home": lambda: home_page_ids(role.language),
            "publications": lambda: self.places.publication_listings,
        }.get(role.page_scope, list)()
        self.grant(
            group_id,
            pages,
            role.page_actions,
            role.collection_permissions,
            role.model_permissions,
        )

    # -- writing -------------------------------------------------------------------

    def grant(self, group_id, pages, actions, collection_permissions, model_permissions) -> None:
        self.page_grants.update(
            (group_id, page, self.permissions.page_action(action))
            for page in pages
            for action in actions
        )
        self.collection_grants.update(
            (group_id, pk) for pk in self.permissions.named(collection_permissions)
        )
        self.model_grants.update(
            (group_id, pk) for pk in self.permissions.named((ADMIN_ACCESS, *model_permissions))
        )

    def apply(self) -> SyncReport:
        for apply_grants, wanted in (
            (apply_page_grants, self.page_grants),
            (apply_collection_grants, self.collection_grants),
            (apply_model_grants, self.model_grants),
        ):
            added, removed = apply_grants(self.group_ids, wanted)
            self.report.rows_added += added
            self.report.rows_removed += removed
        return self.report


def sync_sections() -> SyncReport:
    """Every section and central group, in one transaction."""
    with transaction.atomic():
        return Sync().everything()


def sync_structure(key: UUID) -> SyncReport:
    """The section of the structure whose pages share ``key``."""
    with transaction.atomic():
        return Sync().one(key)
