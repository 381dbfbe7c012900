"""Section editors and moderators on the shared listing pages.

A section group's grant on a shared listing page (``/news/``...) is
*conditional*: on the listing page itself it allows adding (and, for
moderators, publishing) new items, never changing the listing; on an item
below it, it allows what it grants only when the item is tagged with the
section's structure or one below it. Any other grant (a structure's own
subtree, a central group's) counts as Wagtail counts it. See docs/editors.md."""

from __future__ import annotations

from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Page, PagePermissionTester, Workflow
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.listings.models import ListingPage, TaggedPage
from portal.listings.permissions import PermissionRules
from portal.taxonomy.models import PageStructure

from .coverage import structure_terms_below
from .models import Section
from .roles import WORKFLOWS

SCOPE_ATTRIBUTE = "_editorial_scope"
ADD_ONLY = frozenset({"add"})
NEW_ITEMS = frozenset({"add", "publish"})


def action_of(codename: str) -> str:
    return codename.rsplit("_", 1)[0]


class UserScope:
    """A user's active sections and the structure terms each one covers (its
    structure's and those of the structures below it). Three queries, once
    per user object (that is, once per request)."""

    def __init__(self, user) -> None:
        self.grants = list(PagePermissionPolicy().get_cached_permissions_for_user(user))
        self.listing_type_id = ContentType.objects.get_for_model(ListingPage).pk
        sections = list(
            Section.objects.filter(active=True).filter(
                Q(editors__user=user) | Q(moderators__user=user)
            )
        )
        self.sections = {pk: s for s in sections for pk in s.group_ids}
        covered = structure_terms_below([s.translation_key for s in sections])
        self.terms = {pk: covered.get(s.translation_key, set()) for pk, s in self.sections.items()}

    @classmethod
    def of(cls, user) -> UserScope:
        if not hasattr(user, SCOPE_ATTRIBUTE):
            setattr(user, SCOPE_ATTRIBUTE, cls(user))
        return getattr(user, SCOPE_ATTRIBUTE)

    def actions_on(self, page: Page) -> tuple[set[str], dict[int, set[str]]]:
        """The actions granted on ``page``: (unconditional, {section group: actions})."""
        plain: set[str] = set()
        conditional: dict[int, set[str]] = {}
        for grant in self.grants:
            if not page.path.startswith(grant.page.path):
                continue
            action = action_of(grant.permission.codename)
            if grant.group_id in self.sections and (
                grant.page.content_type_id == self.listing_type_id
            ):
                conditional.setdefault(grant.group_id, set()).add(action)
            else:
                plain.add(action)
        return plain, conditional

    def covers(self, group_id: int, term_ids: set[int]) -> bool:
        return bool(self.terms.get(group_id, set()) & term_ids)


class SectionPermissionTester(PagePermissionTester):
    """Wagtail's tester, with section grants on shared listings narrowed."""

    def __init__(self, user, page: Page) -> None:
        super().__init__(user, page)
        # Wagtail sets no permissions for superusers and inactive users.
        self.permissions = getattr(self, "permissions", set())
        self.subpage_permissions = self.permissions
        if not user.is_active or user.is_superuser:
            return
        scope = UserScope.of(user)
        plain, conditional = scope.actions_on(page)
        if isinstance(page, TaggedPage):
            structures = set(page.tag_ids("structures"))
            for group_id, actions in conditional.items():
                plain |= actions if scope.covers(group_id, structures) else actions & ADD_ONLY
            self.permissions = plain
        else:
            self.permissions = plain | {a for acts in conditional.values() for a in acts & ADD_ONLY}
        self.subpage_permissions = plain | {
            a for acts in conditional.values() for a in acts & NEW_ITEMS
        }

    @contextmanager
    def _for_subpages(self):
        own, self.permissions = self.permissions, self.subpage_permissions
        try:
            yield
        finally:
            self.permissions = own

    def can_add_subpage(self) -> bool:
        with self._for_subpages():
            return super().can_add_subpage()

    def can_publish_subpage(self) -> bool:
        with self._for_subpages():
            return super().can_publish_subpage()


def narrowed_children(parent: Page, pages, user):
    """The admin explorer's children of a shared listing page, for a user who
    may change its items only through section grants: the items tagged with
    one of their sections' structures (or one below), and those they own
    (Wagtail's owner rule). Everyone else sees ``pages`` unchanged."""
    if not user.is_active or user.is_superuser:
        return pages
    scope = UserScope.of(user)
    plain, conditional = scope.actions_on(parent)
    if not conditional or "change" in plain:
        return pages
    terms = set().union(*(scope.terms.get(group_id, set()) for group_id in conditional))
    tagged = PageStructure.objects.filter(term_id__in=terms).values("page_id")
    return pages.filter(Q(pk__in=tagged) | Q(owner=user))


class SectionRules(PermissionRules):
    def tester(self, user, page: Page) -> PagePermissionTester:
        return SectionPermissionTester(user, page)

    def tag_error(self, user, parent: Page, tags: dict[str, list[int]]) -> str | None:
        if not user.is_active or user.is_superuser:
            return None
        scope = UserScope.of(user)
        plain, conditional = scope.actions_on(parent)
        if plain & {"add", "change"} or not conditional:
            return None
        structures = set(tags.get("structures", []))
        if any(scope.covers(group_id, structures) for group_id in conditional):
            return None
        names = sorted({scope.sections[group_id].name for group_id in conditional})
        return _(
            "Tag this item with your section's structure (%(sections)s) in the Tags tab: "
            "your section may only save items it is tagged with."
        ) % {"sections": ", ".join(names)}

    def workflow(self, page: Page) -> Workflow | None:
        """The workflow of ``roles.WORKFLOWS`` an item chooses by one of its
        fields (official documents), if any."""
        for spec in WORKFLOWS:
            if spec.items_where and getattr(page, spec.items_where[0], None) == spec.items_where[1]:
                return Workflow.objects.filter(name=spec.name, active=True).first()
        return None
