"""Purging the reverse proxy's cache (nginx in deploy/nginx/) when published
content changes, through Wagtail's ``frontend_cache`` (docs/caching.md,
"Purging the reverse proxy").

On publish, unpublish and move, the addresses purged are those of every page
whose content shows the page: the page itself, its ancestors up to the home
page (its listing, the section, the home page's latest items), the pages that
``BasePage.pages_showing_this()`` names (a news item's field-of-work,
country and structure pages) and each one's ``get_cached_paths()`` (a
listing's feeds); after a move, the page's old address and its old parent's. Wagtail's task turns each address into one per language
(``WAGTAILFRONTENDCACHE_LANGUAGES``); the purge runs in the task worker, once
the publication has committed. Anything else (menus, other pages' counts) is
renewed by the proxy's two-second micro-cache. Off unless
``FRONTEND_CACHE_PURGE_URL`` names the proxy's purge address."""

from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest, logger
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move


class NginxPurgeBackend(HTTPBackend):
    """Wagtail's HTTP backend, for nginx's cache purge module: a 404 answers an
    address that was not cached, which is no error."""

    def purge(self, url: str) -> None:
        # nginx keeps a gzipped and a plain copy of each page (deploy/nginx/portal.conf).
        for encoding in ("gzip", ""):
            request = self._request(url, encoding)
            try:
                with urlopen(request, timeout=5):  # noqa: S310 - the configured purge address
                    pass
            except HTTPError as error:
                if error.code != 404:
                    logger.error("Couldn't purge %r from the proxy: HTTP %d", url, error.code)
            except URLError as error:
                logger.error("Couldn't purge %r from the proxy: %s", url, error.reason)
                return

    def _request(self, url: str, encoding: str) -> PurgeRequest:
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        headers = {"Host": host, "Accept-Encoding": encoding} if encoding else {"Host": host}
        return PurgeRequest(
            urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, "")),
            headers=headers,
        )


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _page_addresses(page: Page) -> list[str]:
    url = page.get_full_url()
    if url is None:
        return []
    return [url + path.lstrip("/") for path in page.get_cached_paths()]


def _address_before_move(page: Page, url_path_before: str) -> str | None:
    """The full address ``page`` had before it moved from ``url_path_before``
    (Wagtail's tree path), when it stays under the same site root."""
    url, after = page.get_full_url(), page.url_path
    common = 0  # the site root's part of the tree paths, shared by both
    for old, new in zip(url_path_before.split("/"), after.split("/"), strict=False):
        if old != new:
            break
        common += len(old) + 1
    below_after, below_before = after[common:], url_path_before[common:]
    if url is None or not below_after or not url.endswith(below_after):
        return None
    return url[: len(url) - len(below_after)] + below_before


def addresses_showing(
    page: Page, *, also: tuple[Page, ...] = (), url_path_before: str | None = None
) -> list[str]:
    """The full addresses of ``page`` and of every page that shows it, once each;
    after a move (``url_path_before``), its old address too."""
    page = page.specific
    pages: list[Page] = [page, *also]
    for start in (page, *also):
        pages.extend(start.get_ancestors().filter(depth__gt=1).specific())
    showing = getattr(page, "pages_showing_this", None)
    if showing is not None:
        pages.extend(showing())
    addresses: list[str] = []
    if url_path_before and url_path_before != page.url_path:
        old = _address_before_move(page, url_path_before)
        if old is not None:
            addresses.append(old)
    for each in pages:
        for address in _page_addresses(each):
            if address not in addresses:
                addresses.append(address)
    return addresses


def purge_showing(
    page: Page, *, also: tuple[Page, ...] = (), url_path_before: str | None = None
) -> None:
    """Purge, once the transaction commits, every address that shows ``page``."""
    if not enabled():
        return
    addresses = addresses_showing(page, also=also, url_path_before=url_path_before)
    transaction.on_commit(lambda: purge_urls_from_cache(addresses))


def _published(sender: type, instance: Page, **kwargs: Any) -> None:
    purge_showing(instance)


def _moved(sender: type, instance: Page, **kwargs: Any) -> None:
    before = kwargs.get("parent_page_before")
    purge_showing(
        instance,
        also=(before,) if before is not None else (),
        url_path_before=kwargs.get("url_path_before"),
    )


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(_published, dispatch_uid=f"frontend-purge-{id(signal)}")
    post_page_move.connect(_moved, dispatch_uid="frontend-purge-move")
