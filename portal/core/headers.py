"""Security headers on every response (docs/security.md).

Three middleware, placed above WhiteNoise in MIDDLEWARE so that static files
get the same headers as pages:

- ``ProxySchemeMiddleware`` keeps a request from counting as HTTPS on an
  ambiguous forwarded scheme;
- ``ContentSecurityPolicyMiddleware`` is django-csp's, with the Wagtail
  admin's own, looser policy;
- ``SecurityHeadersMiddleware`` adds what Django has no setting for:
  Permissions-Policy, Cross-Origin-Resource-Policy, Reporting-Endpoints.
"""

from collections.abc import Callable

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils.functional import cached_property

Handler = Callable[[HttpRequest], HttpResponseBase]


class ProxySchemeMiddleware:
    """Django counts a request as HTTPS when the *first* comma-separated value
    of the SECURE_PROXY_SSL_HEADER header is "https". Our reverse proxy
    overwrites that header with one value; a list means a proxy appended to
    what the client sent (``X-Forwarded-Proto: https, http``), so its first
    value is the client's word. Such a header is dropped: the request counts
    as what the application server saw."""

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if settings.SECURE_PROXY_SSL_HEADER:
            header = settings.SECURE_PROXY_SSL_HEADER[0]
            if "," in request.META.get(header, ""):
                del request.META[header]
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The public site's strict policy (settings.CONTENT_SECURITY_POLICY); under
    the admin's prefix, ADMIN_CONTENT_SECURITY_POLICY, because Wagtail's admin
    writes inline scripts and style attributes (wagtail/wagtail#1288); a page's
    preview may be framed by the admin. A view's own ``csp_update`` and
    ``csp_replace`` decorators still apply on top."""

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and request.path.startswith(self.admin_prefix):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if getattr(request, "is_preview", False):
            # Wagtail renders a preview through the middleware with a request to the
            # page's own address, and shows it in a frame of the admin.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


class SecurityHeadersMiddleware:
    """Permissions-Policy (settings.PERMISSIONS_POLICY: feature -> allowed
    origins, an empty list denies it everywhere), Cross-Origin-Resource-Policy
    and the Reporting-Endpoints that the policy's ``report-to`` names. A header
    a view set itself is kept."""

    def __init__(self, get_response: Handler):
        self.get_response = get_response
        self.headers = {
            "Permissions-Policy": ", ".join(
                f"{feature}=({' '.join(origins)})"
                for feature, origins in settings.PERMISSIONS_POLICY.items()
            ),
            "Cross-Origin-Resource-Policy": settings.CROSS_ORIGIN_RESOURCE_POLICY,
            "Reporting-Endpoints": f'csp="{settings.CSP_REPORT_URL}"',
        }

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        for name, value in self.headers.items():
            response.headers.setdefault(name, value)
        return response
