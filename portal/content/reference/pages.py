"""The ``pages.yaml`` section: the home page (and the default site pointing
to it), then the tree of standard, listing and country-index pages below it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wagtail.models import Page, Site

from portal.core.models import StandardPage
from portal.countries.models import CountryIndexPage
from portal.home.models import HomePage
from portal.listings.models import ListingPage

from . import schema
from .streamdata import home_fields, prose

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
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if site.root_page_id != home.pk or site.site_name != entry.title:
        site.root_page = home
        site.site_name = entry.title
        site.save()
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
    elif node.type == "countries":
        page = loader.upsert(
            parent,
            CountryIndexPage,
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
