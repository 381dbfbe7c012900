"""Production: HTTPS only, secret required, behind a reverse proxy."""

from . import logs
from .base import *  # noqa: F403
from .base import (
    ADMIN_CONTENT_SECURITY_POLICY,
    CONTENT_SECURITY_POLICY,
    env,
    env_bool,
    env_list,
    require_public_site_url,
    require_secret_key,
)

require_secret_key()
LOG_FORMAT = env("LOG_FORMAT", "json")
LOGGING = logs.configure(LOG_FORMAT, env("LOG_LEVEL", "INFO"))
require_public_site_url()
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# The reverse proxy overwrites X-Forwarded-Proto with one value (docs/security.md);
# portal.core.headers.ProxySchemeMiddleware ignores a list of values.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes speak plain HTTP to the worker
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
ADMIN_REQUIRE_2FA_FOR_SUPERUSERS = env_bool("ADMIN_REQUIRE_2FA_FOR_SUPERUSERS", True)
# Any http:// address left in content is fetched over HTTPS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True}
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True}
}

# Errors to Sentry when SENTRY_DSN is set; without personal data (docs/operations.md).
if env("SENTRY_DSN"):
    import sentry_sdk

    def _before_send(event, hint):
        from portal.core.logs import sentry_before_send  # the apps load after settings

        return sentry_before_send(event, hint)

    sentry_sdk.init(
        dsn=env("SENTRY_DSN"),
        environment=env("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
        # Visitors' form posts (addresses, reports) never leave the site.
        max_request_body_size="never",
        before_send=_before_send,
    )
