"""Production: HTTPS only, secret required, behind a reverse proxy."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list, require_public_site_url, require_secret_key

require_secret_key()
require_public_site_url()
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
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
