"""Bring the permission rows of a set of groups to a wanted state: page
permissions (``GroupPagePermission``), collection permissions on the root
collection (``GroupCollectionPermission``) and model permissions
(``Group.permissions``). Rows of other groups are never touched. Each kind
is one read, one bulk insert and one delete, whatever the number of groups."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

PageGrant = tuple[int, int, int]  # group id, page id, permission id
Grant = tuple[int, int]  # group id, permission id


class PermissionIndex:
    """Permission rows by "app_label.codename", and page actions by name."""

    def __init__(self, names: Iterable[str]) -> None:
        page_type = ContentType.objects.get_for_model(Page)
        wanted = {tuple(name.split(".", 1)) for name in names}
        self.by_name = {
            f"{app}.{codename}": pk
            for pk, app, codename in Permission.objects.filter(
                content_type__app_label__in={app for app, _ in wanted}
            ).values_list("pk", "content_type__app_label", "codename")
            if (app, codename) in wanted
        }
        self.page_actions = {
            codename.rsplit("_", 1)[0]: pk
            for pk, codename in Permission.objects.filter(content_type=page_type).values_list(
                "pk", "codename"
            )
        }

    def named(self, names: Iterable[str]) -> list[int]:
        """The ids of permissions named "app_label.codename"; a name that
        matches no permission is a mistake in ``roles.py`` and raises."""
        missing = [name for name in names if name not in self.by_name]
        if missing:
            raise LookupError(f"No permission named {missing[0]!r}.")
        return [self.by_name[name] for name in names]

    def page_action(self, action: str) -> int:
        return self.page_actions[action]


def _apply(rows, fields: tuple[str, ...], wanted: set[tuple], build) -> tuple[int, int]:
    """Make the rows of queryset ``rows`` (keyed by ``fields``) exactly ``wanted``,
    creating each missing key with ``build(*key)``; returns (added, removed)."""
    existing = {tuple(key): pk for pk, *key in rows.values_list("pk", *fields)}
    missing = wanted - existing.keys()
    extra = [pk for key, pk in existing.items() if key not in wanted]
    rows.model.objects.bulk_create(build(*key) for key in sorted(missing))
    if extra:
        rows.model.objects.filter(pk__in=extra).delete()
    return len(missing), len(extra)


def apply_page_grants(group_ids: set[int], wanted: set[PageGrant]) -> tuple[int, int]:
    """Make the page permissions of ``group_ids`` exactly ``wanted``; returns
    (rows added, rows removed)."""
    return _apply(
        GroupPagePermission.objects.filter(group_id__in=group_ids),
        ("group_id", "page_id", "permission_id"),
        wanted,
        lambda g, p, perm: GroupPagePermission(group_id=g, page_id=p, permission_id=perm),
    )


def apply_collection_grants(group_ids: set[int], wanted: set[Grant]) -> tuple[int, int]:
    """The same for permissions on the root collection."""
    root = Collection.get_first_root_node()
    return _apply(
        GroupCollectionPermission.objects.filter(group_id__in=group_ids, collection=root),
        ("group_id", "permission_id"),
        wanted,
        lambda g, perm: GroupCollectionPermission(group_id=g, collection=root, permission_id=perm),
    )


def apply_model_grants(group_ids: set[int], wanted: set[Grant]) -> tuple[int, int]:
    """The same for the groups' model permissions."""
    through = Group.permissions.through
    return _apply(
        through.objects.filter(group_id__in=group_ids),
        ("group_id", "permission_id"),
        wanted,
        lambda g, perm: through(group_id=g, permission_id=perm),
    )
