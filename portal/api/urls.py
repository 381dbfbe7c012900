"""``/api/v1/``: ninja's URL patterns, each view wrapped by ``http.api_view``."""

from django.urls import include, path, re_path
from django.views.generic import RedirectView

from .app import api
from .errors import not_found
from .http import api_view


def _wrapped(patterns):
    for pattern in patterns:
        pattern.callback = api_view(pattern.callback)
    return patterns


_patterns, _app_name, _namespace = api.urls

urlpatterns = [
    path("api/v1/", include((_wrapped(_patterns), _app_name), namespace=_namespace)),
    # Any other address under /api/v1/: the API's own 404, in JSON.
    re_path(r"^api/v1/", api_view(lambda request: not_found())),
    path("api/", RedirectView.as_view(url="/api/v1/docs/", permanent=False)),
    path("openapi.json", RedirectView.as_view(url="/api/v1/openapi.json", permanent=False)),
]
