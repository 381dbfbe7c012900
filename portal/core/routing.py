"""Wagtail's page routing, remembered per content version (docs/caching.md,
"Routing").

Wagtail finds the page for an address by looking the site up by host name,
then walking the tree from the site's root, one query per level plus one to
load each page's specific type: six to eight queries for a news item. The
walk's outcome depends only on the site, the language and the path, all
stable until published content changes; so ``route`` keeps, per content
version, which page the walk ended on and how many path components it took,
and on the next request loads that page in one query and lets it route the
rest of the path itself (a leaf checks that it is live, a routable page
resolves its own sub-path, exactly as in the walk). ``site`` keeps which site
answers a host name and port the same way.

Requests that carry a session cookie, previews and anything the walk does
not find go through Wagtail as before."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Page, Site

from .cache import cached_by_content_version

_MISSING = "missing"


def _anonymous(request: Any) -> bool:
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def site(request: Any) -> Site | None:
    """``Site.find_for_request``, with the site found for this host name and
    port cached; stored on the request as Wagtail does."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"route:site:{hostname}:{request.get_port()}"
    found = cached_by_content_version(key, lambda: Site._find_for_request(request) or _MISSING)
    request._wagtail_site = None if found == _MISSING else found
    return request._wagtail_site


def route(request: Any, path: str) -> Any:
    """``Page.route_for_request(request, path)``: the route result, or None."""
    if hasattr(request, "_wagtail_route_for_request") or not _anonymous(request):
        return Page.route_for_request(request, path)
    current = site(request)
    if current is None:
        return Page.route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    key = f"route:page:{current.pk}:{path}"
    found = cached_by_content_version(key, lambda: _walk(request, path, current) or _MISSING)
    if found == _MISSING or hasattr(request, "_wagtail_route_for_request"):
        return Page.route_for_request(request, path)  # walked just now, or not found
    page_id, content_type_id, taken = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    try:
        page = model.objects.get(pk=page_id)
        result = page.route(request, components[taken:])
    except (model.DoesNotExist, Http404):
        result = None
    request._wagtail_route_for_request = result
    return result


def _walk(request: Any, path: str, current: Site) -> tuple[int, int, int] | None:
    """Wagtail's own walk: (page id, its content type, path components taken)."""
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page = result[0]
    root_depth = current.root_page.localized.depth
    return page.pk, page.content_type_id, page.depth - root_depth
