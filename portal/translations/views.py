from django.http import HttpResponse
from wagtail import views as wagtail_views

from portal.core import routing

from .fallback import fallback_route


def serve(request, path):
    """Wagtail's page view, with the default-language fallback of
    ``portal.translations.fallback`` when the active language has no page at
    ``path``. Routing is remembered per content version (``core.routing``)."""
    if routing.route(request, path) is None:
        result = fallback_route(request, path)
        if isinstance(result, HttpResponse):
            return result
        if result is not None:
            request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)
