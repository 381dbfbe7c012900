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
    fields = home_fields(entry, [(link.title, link.url) for link in entry.jobs_links])
    if not HomePage.objects.filter(depth=2, locale=loader.locale).exists():
        # Wagtail's installation leaves a placeholder "Welcome" page where ours goes.
        for placeholder in root.get_children().filter(slug="home"):
            if type(placeholder.specific) is Page:
                placeholder.delete()
    home = loader.upsert(root, HomePage, entry.title, "home", fields)
    sync_default_site(root_page=home, site_name=entry.title)
    return home


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
