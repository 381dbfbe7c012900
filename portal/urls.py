from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.core import health, metrics, webapp
from portal.core import views as core_views
from portal.translations import urls as translation_urls
from portal.translations.sitemaps import views as sitemap_views

urlpatterns = [
    path(settings.ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Probes: outside the language prefixes, never cached (portal/core/health.py).
    path("healthz", health.liveness, name="liveness"),
    path("readyz", health.readiness, name="readiness"),
    path("metrics", metrics.metrics, name="metrics"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", webapp.favicon, name="favicon"),
    path("manifest.webmanifest", webapp.manifest, name="manifest"),
    path("sitemap.xml", sitemap_views.index, name="sitemap"),
    path("sitemaps/<slug:section>.xml", sitemap_views.section, name="sitemap_section"),
    path(".well-known/security.txt", core_views.security_txt, name="security_txt"),
    path("csp-report/", core_views.csp_report, name="csp_report"),
    # The public read-only API, outside the language prefixes (docs/api.md).
    path("", include("portal.api.urls")),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /en/, /fr/, ...
# An untranslated page is served in English under the visitor's language, and
# Wagtail's view-restriction forms answer under every prefix (portal.translations).
urlpatterns += i18n_patterns(
    path("manifest.webmanifest", webapp.localized_manifest, name="manifest_localized"),
    path("search/", include("portal.search.urls")),
    path("", include("portal.feedback.urls")),
    path("subscriptions/", include("portal.subscriptions.urls")),
    path("", include(translation_urls)),
    prefix_default_language=True,
)

handler400 = "portal.core.views.bad_request"
handler404 = "portal.core.views.page_not_found"
handler500 = "portal.core.views.server_error"
