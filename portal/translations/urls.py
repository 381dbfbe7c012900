from django.urls import re_path
from wagtail import urls as wagtail_urls
from wagtail.urls import serve_pattern

from .views import serve

# Wagtail's own URLs, with its page view replaced by the one with the language
# fallback (same pattern, same name). Its other routes — the password form of a
# view restriction (``_util/authenticate_with_password/…``) and the front-end
# login (``_util/login/``) — come first, as in ``wagtail.urls``: the page
# pattern matches ``_util/login/`` too, and would answer it with a 404.
urlpatterns = [
    *(route for route in wagtail_urls.urlpatterns if route.name != "wagtail_serve"),
    re_path(serve_pattern, serve, name="wagtail_serve"),
]
