"""``/api/v1/``: ninja's URL patterns, each view wrapped by ``http.api_view``."""

from django.urls import include, path
from django.views.generic import RedirectView

from .app import api
from .http import api_view


def _wrapped(patterns):
    for pattern in patterns:
        pattern.callback = api_view(pattern.callback)
    return patterns


_patterns, _app_name, _namespace = api.urls

urlpatterns = [
    path("api/v1/", include((_wrapped(_patterns), _app_name), namespace=_namespace)),
    path("api/", RedirectView.as_view(url="/api/v1/docs/", permanent=False)),
    path("openapi.json", RedirectView.as_view(url="/api/v1/openapi.json", permanent=False)),
]
