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

from csp.constants import HEADER, HEADER_REPORT_ONLY, SELF
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils.functional import cached_property

Handler = Callable[[HttpRequest], HttpResponseBase]

# What django-csp's decorators set on a response: such a response's policy is its own.
_RESPONSE_OVERRIDES = tuple(
    f"_csp_{what}{suffix}"
    for what in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)


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

    def __init__(self, get_response: Handler):
        super().__init__(get_response)
        # (each policy setting, and whether the path is excluded from it) -> the
        # two headers as django-csp wrote them for the first such response.
        self._written: dict[tuple, tuple[str | None, str | None]] = {}

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        """django-csp's, with the headers it writes for the plain case (a public
        response with no decorator, no nonce, no header of its own) remembered:
        building the policy was a fifth of the time of a page served from the
        page cache. Anything else goes through django-csp every time."""
        key = self._plain_case(request, response)
        if key is None:
            return super().process_response(request, response)
        written = self._written.get(key)
        if written is None:
            response = super().process_response(request, response)
            self._written[key] = (response.get(HEADER), response.get(HEADER_REPORT_ONLY))
            return response
        for name, value in zip((HEADER, HEADER_REPORT_ONLY), written, strict=True):
            if value:
                response[name] = value
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def _plain_case(self, request: HttpRequest, response: HttpResponseBase) -> tuple | None:
        if (
            getattr(request, "_csp_nonce", None) is not None
            or getattr(request, "is_preview", False)
            or request.path.startswith(self.admin_prefix)
            or HEADER in response
            or HEADER_REPORT_ONLY in response
            or any(hasattr(response, name) for name in _RESPONSE_OVERRIDES)
            or (settings.DEBUG and response.status_code in (404, 500))
        ):
            return None
        key = []
        for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"):
            policy = getattr(settings, name, None)
            prefixes = tuple((policy or {}).get("EXCLUDE_URL_PREFIXES") or ())
            key += [id(policy), request.path_info.startswith(prefixes)]  # settings may change
        return tuple(key)

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
