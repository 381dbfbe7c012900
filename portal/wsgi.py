import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
django_application = get_wsgi_application()

from portal.core.page_cache_wsgi import PageCacheApplication  # noqa: E402 (needs the settings)

# Fresh copies of public pages are answered before Django's handler (docs/caching.md).
application = PageCacheApplication(django_application)
