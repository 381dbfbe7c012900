"""A URL configuration of the API alone. ``http.api_view`` points a request
that ends in a 404 at it, so that Django's ``LocaleMiddleware`` (which sends
a 404 of an address outside the language prefixes to ``/en/…`` when that
address exists there, as every address does under Wagtail's catch-all) leaves
the API's JSON 404 as it is."""

from django.urls import include, path

urlpatterns = [path("", include("portal.api.urls"))]
