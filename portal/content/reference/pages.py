"""The ``pages.yaml`` section: the home page (and the default site pointing
to it, at ``SITE_URL``), then the tree of standard, listing and country-index
pages below it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from wagtail.models import Page

from portal.confidential.models import ConfidentialReportPage
from portal.core.models import StandardPage
from portal.core.sites import sync_default_site
from portal.countries.models import CountryIndexPage
from portal.elections.models import RecommendationsPage
from portal.feedback.models import FeedbackPage, FeedbackTopic, PrivacyNoticePage
from portal.home.models import HomePage
from portal.listings.models import ListingPage
from portal.opendata.models import DataPage
from portal.subscriptions.models import SubscribePage

from . import schema
from .streamdata import home_fields, prose

# Page types with a body of prose like a standard page's, by their `type:` in pages.yaml.
PAGE_TYPES = {
    "report": ConfidentialReportPage,
    "feedback": FeedbackPage,
    "privacy": PrivacyNoticePage,
    "data": DataPage,
    "recommendations": RecommendationsPage,
}

if TYPE_CHECKING:
    from .loader import Loader


def load_home(loader: Loader, entry: schema.HomeEntry) -> HomePage:
    root = Page.get_first_root_node()
    fields = home_fields(entry, jobs_links(loader, entry.jobs_links, root))
    if not HomePage.objects.filter(depth=2, locale=loader.locale).exists():
        # Wagtail's installation leaves a placeholder "Welcome" page where ours goes.
        for placeholder in root.get_children().filter(slug="home"):
            if type(placeholder.specific) is Page:
                placeholder.delete()
    home = loader.upsert(root, HomePage, entry.title, "home", fields)
    sync_default_site(root_page=home, site_name=entry.title)
    return home


def jobs_links(
    loader: Loader, links: list[schema.Link], root: Page | None = None
) -> list[tuple[str, str | None, int | None]]:
    """(title, address, page id) of each jobs link. A page link names a page
    of the tree, which exists only once the tree is loaded: until then its id
    is None, and ``link_home_pages`` sets it."""
    home = getattr(loader, "home", None)
    base = home.url_path if home is not None else None
    if base is None and root is not None:
        found = root.get_children().filter(slug="home", locale=loader.locale).first()
        base = found.url_path if found else None
    result = []
    for link in links:
        page_id = None
        if link.page and base:
            page_id = (
                Page.objects.filter(url_path=base + link.page.lstrip("/"), locale=loader.locale)
                .values_list("pk", flat=True)
                .first()
            )
        result.append((link.title, link.url, page_id))
    return result


def link_home_pages(loader: Loader, entry: schema.HomeEntry) -> None:
    """The home page's links to pages of the tree, once the tree exists."""
    if any(link.page for link in entry.jobs_links):
        loader.upsert(
            Page.get_first_root_node(),
            HomePage,
            entry.title,
            "home",
            home_fields(entry, jobs_links(loader, entry.jobs_links)),
        )


def load_tree_node(loader: Loader, parent: Page, node: schema.TreeNode) -> None:
    """``node`` below ``parent``, then its children below it."""
    if node.type == "listing":
        page = loader.upsert(
            parent,
            ListingPage,
            node.title,
            node.slug,
            {"summary": node.summary, "listing_type": node.listing, "intro": prose(node.body)},
        )
    elif node.type in PAGE_TYPES:
        page = loader.upsert(
            parent,
            PAGE_TYPES[node.type],
            node.title,
            node.slug,
            {"summary": node.summary, "body": prose(node.body)},
        )
        if node.type == "feedback" and not FeedbackTopic.objects.filter(page=page).exists():
            # One inbox until editors add the sections' topics (docs/forms.md).
            FeedbackTopic.objects.create(
                page=page, label="Questions and comments", email=settings.FEEDBACK_DEFAULT_INBOX
            )
    elif node.type == "countries":
        page = loader.upsert(
            parent,
            CountryIndexPage,
            node.title,
            node.slug,
            {"summary": node.summary, "body": prose(node.body)},
        )
    elif node.type == "subscribe":
        page = loader.upsert(
            parent,
            SubscribePage,
            node.title,
            node.slug,
            {"summary": node.summary, "body": prose(node.body)},
        )
    else:
        page = loader.upsert(
            parent,
            StandardPage,
            node.title,
            node.slug,
            {"summary": node.summary, "body": prose(node.body)},
        )
    for child in node.children:
        load_tree_node(loader, page, child)
