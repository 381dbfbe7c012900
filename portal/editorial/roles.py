"""The roles of the editorial workflow: the one place that says which groups
exist and what each may do. ``sync.py`` turns this into groups and
permission rows; docs/editors.md explains it to people.

Group names are data shown in the admin's group list, so they are written in
English, the language every structure's name is kept in."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.conf.locale import LANG_INFO

# Every group of ours may enter the admin.
ADMIN_ACCESS = "wagtailadmin.access_admin"


@dataclass(frozen=True)
class SectionRole:
    """One of the two groups every structure gets."""

    key: str  # the Section field holding its group: "editors"
    suffix: str  # appended to the structure's name: "editors"
    page_actions: tuple[str, ...]  # on the structure's pages and the shared listings


SECTION_ROLES: tuple[SectionRole, ...] = (
    SectionRole("editors", "editors", ("add", "change")),
    SectionRole("moderators", "moderators", ("add", "change", "publish", "lock", "unlock")),
)

# What section groups may do with images and documents (on the root collection):
# add their own, choose any; changing is left to their owners and to records managers.
SECTION_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)


def section_group_name(structure_name: str, role: SectionRole) -> str:
    return f"{structure_name} — {role.suffix}"


@dataclass(frozen=True)
class CentralRole:
    """A group that is not tied to one structure."""

    name: str
    # Where its page permissions are granted: "root" (the whole tree), "home"
    # (the home page of ``language``), "publications" (every publications listing).
    page_scope: str = ""
    page_actions: tuple[str, ...] = ()
    model_permissions: tuple[str, ...] = ()  # "app_label.codename"
    collection_permissions: tuple[str, ...] = ()  # on the root collection
    language: str = ""


CENTRAL_REVIEWERS = "Central reviewers"
SITE_MANAGERS = "Site managers"
RECORDS_MANAGERS = "Records managers"
ELECTION_FOLLOW_UP = "Election follow-up editors"

# Recommendations of observation missions and their yearly assessments
# (docs/elections.md): kept by the election follow-up editors.
ELECTION_RECORDS = ("elections.recommendation", "elections.followup")

# Menus, the footer and the site-wide records that only site managers edit.
SITE_WIDE_MODELS = (
    "navigation.navigationmenu",
    "countries.chairpersonship",
    "wagtailcore.site",
    "wagtailredirects.redirect",
    "wagtailsearchpromotions.query",
)


def _model_permissions(models: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in ("add", "change", "delete", "view")
    )


STATUS_REPORT = "translations.view_translation_status"


def translator_group_name(language_name: str) -> str:
    return f"Translators ({language_name})"


def central_roles() -> tuple[CentralRole, ...]:
    translators = tuple(
        CentralRole(
            translator_group_name(LANG_INFO[code]["name"]),
            page_scope="home",
            # A translation is made from reviewed content: translators create,
            # translate and publish it in their own language's tree.
            page_actions=("add", "change", "publish"),
            model_permissions=(STATUS_REPORT,),
            language=code,
            collection_permissions=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
        )
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    )
    return (
        CentralRole(
            CENTRAL_REVIEWERS,
            page_scope="root",
            page_actions=("add", "change", "publish", "lock", "unlock"),
            collection_permissions=SECTION_COLLECTION_PERMISSIONS,
        ),
        CentralRole(
            SITE_MANAGERS,
            model_permissions=(
                *_model_permissions(SITE_WIDE_MODELS),
                # Counts of subscribers per topic and language, never their addresses.
                "subscriptions.view_subscription_counts",
            ),
        ),
        CentralRole(
            RECORDS_MANAGERS,
            page_scope="publications",
            page_actions=("add", "change", "publish"),
            collection_permissions=(
                "wagtaildocs.add_document",
                "wagtaildocs.change_document",
                "wagtaildocs.delete_document",
                "wagtaildocs.choose_document",
                "wagtailimages.choose_image",
            ),
        ),
        CentralRole(
            ELECTION_FOLLOW_UP,
            model_permissions=_model_permissions(ELECTION_RECORDS),
        ),
        *translators,
    )


@dataclass(frozen=True)
class WorkflowSpec:
    """A review workflow and the listings whose items go through it."""

    name: str
    steps: tuple[str, ...]  # SECTION_STEP, or the name of a central group approving
    listing_types: tuple[str, ...] = ()  # assigned to these listings in the tree
    # Or chosen by the item itself, whatever its place: (field, value).
    items_where: tuple[str, str] | None = None


SECTION_STEP = "section"
SECTION_STEP_NAME = "Section moderator"

WORKFLOWS: tuple[WorkflowSpec, ...] = (
    WorkflowSpec(
        "News, stories and publications",
        (SECTION_STEP, CENTRAL_REVIEWERS),
        ("news", "stories", "publications"),
    ),
    WorkflowSpec("Events", (SECTION_STEP,), ("events",)),
    WorkflowSpec(
        "Official documents",
        (RECORDS_MANAGERS,),
        items_where=("publication_type", "official_document"),
    ),
)
