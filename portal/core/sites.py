"""The default Wagtail ``Site`` kept at ``SITE_URL``.

Wagtail writes every absolute address (``get_full_url``, hence canonical
links, hreflang alternates, the sitemap, JSON-LD and calendars) from the
default Site's host name and port, so those must be ``SITE_URL``'s. Run by
``manage.py sync_site`` after each deployment's ``migrate`` and by
``load_reference_content``; ``checks.default_site_matches_site_url`` warns
when they drift apart."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page, Site

from .cache import bump_content_version
from .site_url import SiteAddress


class SiteSyncError(Exception):
    """The default Site cannot be brought to ``SITE_URL``; the message says why."""


def sync_default_site(root_page: Page | None = None, site_name: str | None = None) -> bool:
    """Give the default Site ``SITE_URL``'s host name and port (and, when given,
    its root page and name), creating it if there is none and ``root_page`` is
    given. Returns whether anything changed; saves nothing otherwise."""
    address = SiteAddress.parse(settings.SITE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        if root_page is None:
            raise SiteSyncError(
                "There is no default site: load the content first "
                "(manage.py load_reference_content) or add a site in the admin."
            )
        site = Site(is_default_site=True)
    wanted = {"hostname": address.hostname, "port": address.port}
    if root_page is not None:
        wanted["root_page_id"] = root_page.pk
    if site_name is not None:
        wanted["site_name"] = site_name
    if site.pk is not None and all(getattr(site, name) == value for name, value in wanted.items()):
        return False
    clash = (
        Site.objects.filter(hostname=address.hostname, port=address.port)
        .exclude(pk=site.pk)
        .first()
    )
    if clash is not None:
        raise SiteSyncError(
            f"The site {clash.site_name or clash.hostname!r} (not the default one) already "
            f"answers at {address.url}; change or delete it in Settings → Sites first."
        )
    for name, value in wanted.items():
        setattr(site, name, value)
    site.save()
    # Cached fragments may hold absolute addresses: renew them.
    bump_content_version()
    return True
