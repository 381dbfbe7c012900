from django.urls import re_path
from wagtail.urls import serve_pattern

from .views import serve

# Placed before Wagtail's own URLs: the same pattern and name, served with the
# language fallback.
urlpatterns = [re_path(serve_pattern, serve, name="wagtail_serve")]
