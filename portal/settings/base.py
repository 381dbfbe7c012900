"""Settings shared by every environment, safe for production.

Everything that differs between machines comes from environment variables
(see the table in README.md). DEBUG is off and there is no secret here.
"""

import logging
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from portal.core.site_url import SiteAddress, site_url_setting
from portal.mail.email_url import parse_email_url

from . import logs

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "portal.core",
    "portal.taxonomy",
    "portal.listings",
    "portal.navigation",
    "portal.home",
    "portal.topics",
    "portal.countries",
    "portal.structures",
    "portal.meetings",
    "portal.news",
    "portal.events",
    "portal.publications",
    "portal.projects",
    "portal.elections",
    "portal.vacancies",
    "portal.translations",
    "portal.visuals",
    "portal.search",
    "portal.editorial",
    "portal.content",
    "portal.accounts",
    "portal.mail",
    "portal.visitors",
    "portal.confidential",
    "portal.feedback",
    "portal.subscriptions",
    "portal.opendata",
    "portal.api",
    # The API docs page's Swagger UI, served from our static files (portal/api, docs/api.md).
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django_structlog",
]

MIDDLEWARE = [
    # One log line per request, with its id and duration (portal/settings/logs.py);
    # first, so that every answer is logged, pages from the page cache included.
    "django_structlog.middlewares.RequestMiddleware",
    # Security headers first, above WhiteNoise, so static files get them too (docs/security.md).
    "portal.core.headers.ProxySchemeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.core.headers.ContentSecurityPolicyMiddleware",
    "portal.core.headers.SecurityHeadersMiddleware",
    # Refuses control characters and bad encodings in the address, drops bad cookies.
    "portal.core.input_guard.InputGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and Last-Modified on every page, and 304 to a conditional request that matches.
    "django.middleware.http.ConditionalGetMiddleware",
    # Public pages for anonymous visitors, stored compressed, served without the database.
    "portal.core.page_cache.PageCacheMiddleware",
    # Compresses pages (not static files: WhiteNoise serves those pre-compressed);
    # addresses with a query string at a cheaper level (portal/core/compression.py).
    "portal.core.compression.GZipMiddleware",
    # While the database is unreachable: the last good copy of a page, or a 503.
    "portal.core.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Above LocaleMiddleware, so that it sees the redirect of "/" too.
    "portal.translations.middleware.LanguageCookieMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A visitor form's POST carries a signed form token instead of a CSRF cookie, so
    # that its page stays cacheable (portal/visitors/tokens.py, docs/forms.md).
    "portal.visitors.middleware.VisitorFormMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, except that a request without a session cookie never opens the session.
    "portal.core.sessions.auth.SessionAuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]
# Prometheus metrics by request, response and latency (portal/core/metrics.py,
# docs/operations.md "Metrics"): first and next to last (django-axes stays last).
PROMETHEUS_METRICS = env_bool("PROMETHEUS_METRICS", False)
PROMETHEUS_METRICS_TOKEN = env("PROMETHEUS_METRICS_TOKEN")
if PROMETHEUS_METRICS:
    INSTALLED_APPS += ["django_prometheus"]
    MIDDLEWARE = [
        "django_prometheus.middleware.PrometheusBeforeMiddleware",
        *MIDDLEWARE[:-1],
        "django_prometheus.middleware.PrometheusAfterMiddleware",
        MIDDLEWARE[-1],
    ]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite by default, anything dj-database-url understands via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails a request in seconds, not after the system's TCP timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(env("DATABASE_CONNECT_TIMEOUT", "5"))
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The server and the worker write to one file: readers never wait for a writer
    # (WAL), a writer waits for another rather than failing, and a transaction
    # takes its write lock up front so that two never deadlock upgrading theirs.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: in-process by default, Redis when REDIS_URL is set. A Redis that cannot be
# reached makes pages slower, never failed: portal/core/resilient_cache.py answers
# misses, with short timeouts and a circuit breaker (docs/resilience.md).
# Sessions stay in the database (Django's default): only editors have one, and a
# cache that missed a logout while unreachable could not bring a session back.
# Session keys are checked and a bad cookie is no session (portal/core/sessions).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.core.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": 600,
            "OPTIONS": {
                "socket_connect_timeout": float(env("REDIS_CONNECT_TIMEOUT", "0.25")),
                "socket_timeout": float(env("REDIS_TIMEOUT", "0.5")),
                "RETRY_AFTER": float(env("REDIS_RETRY_AFTER", "5")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": 600,
            # Django's default of 300 entries is outgrown by one page's fragments, menus,
            # cards and the facts of search results; full, it drops a third at random.
            "OPTIONS": {"MAX_ENTRIES": int(env("CACHE_MAX_ENTRIES", "5000"))},
        }
    }
# The content version (portal/core/cache.py) must be one for every process: the server's
# workers and the task worker publish and read it. In Redis when there is one; else in a
# file, which every process on the machine reads (docs/caching.md).
CACHES["versions"] = (
    {**CACHES["default"]}
    if REDIS_URL
    else {
        "BACKEND": "portal.core.file_cache.RememberingFileBasedCache",
        "LOCATION": env("CACHE_DIR", str(BASE_DIR / ".cache" / "versions")),
    }
)
# Whole pages (portal/core/page_cache.py) in an alias of their own, so that a flood of
# distinct addresses evicts stored pages, never the menus, counts and cards. A page
# takes two entries: the middleware's copy and the one kept with its final headers.
CACHES["pages"] = (
    {**CACHES["default"]}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-pages",
        "OPTIONS": {"MAX_ENTRIES": int(env("PAGE_CACHE_MAX_ENTRIES", "2000"))},
    }
)
# One app server may keep its cache to itself; more need Redis (check portal.W003).
SINGLE_APP_SERVER = env_bool("SINGLE_APP_SERVER", False)
SESSION_ENGINE = "portal.core.sessions.db"

# Background work (docs/tasks.md): one worker, ``manage.py worker``, started by
# ``make run`` beside the server. TASK_QUEUE chooses where tasks wait: "database"
# (the default: nothing else to run), "redis" (RQ; TASK_REDIS_URL, else REDIS_URL,
# ideally a Redis that never evicts) or "immediate" (run inline, no worker).
TASK_QUEUE = env("TASK_QUEUE", "database")
if TASK_QUEUE == "redis":
    TASK_REDIS_URL = env("TASK_REDIS_URL") or REDIS_URL
    if not TASK_REDIS_URL:
        raise ImproperlyConfigured("TASK_QUEUE=redis needs TASK_REDIS_URL or REDIS_URL.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": TASK_REDIS_URL, "DEFAULT_TIMEOUT": 1800}}
elif TASK_QUEUE == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
elif TASK_QUEUE == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
else:
    raise ImproperlyConfigured(f"TASK_QUEUE is {TASK_QUEUE!r}: use database, redis or immediate.")
WORKER_TICK_SECONDS = float(env("WORKER_TICK_SECONDS", "15"))
WORKER_POLL_SECONDS = float(env("WORKER_POLL_SECONDS", "1"))
# How late a scheduled page may go live: the period of the publish_scheduled job.
SCHEDULED_PUBLISHING_INTERVAL = int(env("SCHEDULED_PUBLISHING_INTERVAL", "60"))
TASK_RESULTS_KEPT_DAYS = int(env("TASK_RESULTS_KEPT_DAYS", "14"))
PURGE_REVISIONS_AFTER_DAYS = int(env("PURGE_REVISIONS_AFTER_DAYS", "180"))

# Mail (docs/mail.md): every message is written to the outbox (a table) in the
# sender's transaction and delivered by the task worker through the transport,
# SMTP at EMAIL_URL, with retries. DEFAULT_FROM_EMAIL writes to visitors and
# editors; SERVER_EMAIL writes error reports to ADMINS.
EMAIL_BACKEND = "portal.mail.backend.OutboxBackend"
MAIL_TRANSPORT_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_URL = env("EMAIL_URL", "")
if EMAIL_URL:
    _email = parse_email_url(EMAIL_URL)
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = float(env("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
MAIL_MAX_ATTEMPTS = int(env("MAIL_MAX_ATTEMPTS", "8"))
MAIL_RETRY_SECONDS = int(env("MAIL_RETRY_SECONDS", "60"))
MAIL_RETRY_MAX_SECONDS = int(env("MAIL_RETRY_MAX_SECONDS", "3600"))
MAIL_KEPT_DAYS = int(env("MAIL_KEPT_DAYS", "30"))

# Subscriptions (docs/subscriptions.md): how long a confirmation link works
# (unconfirmed subscriptions are deleted after it), and how long after its
# publication an item waits for the next digest run (so that a publication
# committing during a run is not skipped). Rate limits: VISITOR_RATE_LIMITS.
SUBSCRIPTION_CONFIRM_DAYS = int(env("SUBSCRIPTION_CONFIRM_DAYS", "7"))
SUBSCRIPTION_SETTLE_SECONDS = int(env("SUBSCRIPTION_SETTLE_SECONDS", "60"))
# Staff password resets carry a sign-in link: their content is hidden in the outbox report.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "portal.mail.password_reset.PasswordResetForm"

# Staff accounts (docs/security.md, "Admin"): the admin's address, password rules,
# throttled sign-in (django-axes) and a second factor (django-otp, TOTP).
ADMIN_PATH = env("ADMIN_PATH", "admin/").strip("/") + "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After AXES_FAILURE_LIMIT wrong passwords for one username from one address, that
# pair is locked out for AXES_COOLOFF_TIME; a right password resets the count.
AXES_FAILURE_LIMIT = int(env("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("ADMIN_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.accounts.views.locked_out"  # a page in the reader's language
# The client's address: REMOTE_ADDR, or behind ADMIN_PROXY_COUNT reverse proxies the
# address the outermost one appended to ADMIN_CLIENT_IP_HEADER (portal/core/client_ip.py).
AXES_CLIENT_IP_CALLABLE = "portal.core.client_ip.client_ip"
AXES_VERBOSE = False  # no banner on every management command
ADMIN_PROXY_COUNT = int(env("ADMIN_PROXY_COUNT", "0"))
ADMIN_CLIENT_IP_HEADER = env("ADMIN_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")
# Superusers must confirm each sign-in with a code from an authenticator app
# (production turns it on); editors may opt in from their account.
ADMIN_REQUIRE_2FA_FOR_SUPERUSERS = env_bool("ADMIN_REQUIRE_2FA_FOR_SUPERUSERS", False)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "OSCE Portal")

# Languages: the organization's six official languages. English is the source language.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("ru", "Русский"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Who may change the items of a shared listing: the editorial sections (docs/editors.md).
LISTING_PERMISSION_RULES = "portal.editorial.permissions.SectionRules"
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# The language of the last page read is remembered (portal.translations.middleware), so
# that a later visit to "/" goes back to it; one year, readable by the server only.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Editors translate a page from its "Translate" action (wagtail.contrib.simple_translation);
# the tree is not synchronized, so no untranslated copy is ever created or published.
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
# Dates per language: English formats of our own, Django's for the other five.
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Vienna"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # css/site.css: the stylesheets of portal/core/stylesheets.py joined in order.
    "portal.core.stylesheets.StylesheetFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on object storage (docs/operations.md, "Media"), so that app servers keep
# nothing on their disks: MEDIA_STORAGE=s3 puts uploads in a private bucket
# (documents are served by Wagtail's view after its permission check, as a
# redirect to a short-lived signed address) and image renditions under a public
# prefix (their addresses sit in cached pages, so they must not expire).
# Credentials come from the environment or the instance role, as boto3 finds them.
MEDIA_STORAGE = env("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    _s3 = {
        "bucket_name": env("S3_BUCKET"),
        "endpoint_url": env("S3_ENDPOINT_URL") or None,
        "region_name": env("S3_REGION") or None,
        "file_overwrite": False,
        "default_acl": None,
        "signature_version": "s3v4",
    }
    if not _s3["bucket_name"]:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET.")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "querystring_auth": True,
            "querystring_expire": int(env("S3_SIGNED_URL_SECONDS", "300")),
        },
    }
    STORAGES["renditions"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": "renditions",
            "querystring_auth": False,
            "custom_domain": env("S3_PUBLIC_DOMAIN") or None,
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    WAGTAILDOCS_SERVE_METHOD = "redirect"
    if not env("MEDIA_URL"):
        # Where renditions are read from: the CSP's img-src allows its origin.
        MEDIA_URL = (
            f"https://{env('S3_PUBLIC_DOMAIN')}/"
            if env("S3_PUBLIC_DOMAIN")
            else f"{(_s3['endpoint_url'] or 'https://s3.amazonaws.com').rstrip('/')}/"
            f"{_s3['bucket_name']}/"
        )
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured(f"MEDIA_STORAGE is {MEDIA_STORAGE!r}: use local or s3.")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers that hold everywhere (docs/security.md); production.py adds HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation",
        "gyroscope", "magnetometer", "microphone", "payment", "publickey-credentials-get",
        "serial", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip
CSP_REPORT_URL = "/csp-report/"
# Images may come from the media storage's origin when MEDIA_URL is absolute (object storage).
_media = urlsplit(MEDIA_URL)
MEDIA_ORIGINS = [f"{_media.scheme}://{_media.netloc}"] if _media.netloc else []
# The public site: scripts and stylesheets from our own files only. The one inline
# script of base.html is allowed by its hash, not a nonce: its bytes are the same in
# every response, so a page kept by a cache stays valid under any later response's
# policy (docs/caching.md; a test checks that the hash matches the template). The
# standalone 500 page's inline style carries the request's nonce.
INLINE_SCRIPT_HASH = "'sha256-eTOJgkjUMR9tZ2EpyJgH2GtlrxRBMVJXAQkWKiuHspg='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, INLINE_SCRIPT_HASH],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": [CSP_REPORT_URL],
        "report-to": "csp",
    }
}
# Wagtail's admin writes inline scripts and style attributes, shows previews in a frame
# of its own, uploads images as blobs and asks wagtail.org for new releases
# (portal.core.headers).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "connect-src": [SELF, "https://releases.wagtail.org"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Avatars from Wagtail's own default rather than a third party the policy would block.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# RFC 9116 /.well-known/security.txt: where to report a vulnerability (required in production).
SECURITY_CONTACT = env("SECURITY_CONTACT", "")
SECURITY_POLICY_URL = env("SECURITY_POLICY_URL", "")

# Wagtail
WAGTAIL_SITE_NAME = "Organization for Security and Co-operation in Europe"
# The site's public address (https://www.example.org): the default Wagtail Site is
# synced from it (manage.py sync_site), so every absolute link the site publishes
# starts with it. Unset here; dev and test give their own, production requires it.
SITE_URL = site_url_setting(env("SITE_URL"))
WAGTAILADMIN_BASE_URL = SITE_URL

# Search: Wagtail's database backend (SQLite FTS5, or PostgreSQL with one
# text-search configuration per language: portal/search/backends.py), or a
# search server for large deployments (SEARCH_BACKEND=opensearch3 and SEARCH_URLS).
SEARCH_BACKEND = env("SEARCH_BACKEND", "database")
SEARCH_LANGUAGE_CONFIGS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "ru": "russian",
    "es": "spanish",
}
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "portal.search.backends",
            "LANGUAGE_CONFIGS": SEARCH_LANGUAGE_CONFIGS,
        }
    }
elif SEARCH_BACKEND in {"opensearch2", "opensearch3", "elasticsearch8", "elasticsearch9"}:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_BACKEND}",
            "URLS": env_list("SEARCH_URLS", "http://127.0.0.1:9200"),
            "INDEX": env("SEARCH_INDEX", "portal"),
            "TIMEOUT": int(env("SEARCH_TIMEOUT", "5")),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    raise ImproperlyConfigured(
        "SEARCH_BACKEND must be database, opensearch2, opensearch3, elasticsearch8 or "
        f"elasticsearch9, not {SEARCH_BACKEND!r}."
    )
# Days a search's daily count is kept (the help's popular queries read 30);
# `manage.py searchpromotions_garbage_collect`, run daily, deletes older ones.
WAGTAILSEARCH_HITS_MAX_AGE = 30
# Longest time (ms) a search query may run on PostgreSQL before it is cancelled.
SEARCH_STATEMENT_TIMEOUT_MS = int(env("SEARCH_STATEMENT_TIMEOUT_MS", "3000"))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Uploads are checked by their content, not their name (portal/core/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.core.uploads.CheckedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.core.uploads.CheckedImageForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp"}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

# Public pages (docs/caching.md): Cache-Control sent by BasePage.apply_cache_policy, in
# seconds: how long a copy is fresh, how long a stale one may be served while a fresh one
# is fetched, and how long one may stand in for an error. The page cache in the app
# (portal.core.page_cache) keeps them for max-age, or not at all when PAGE_CACHE is off.
PAGE_CACHE_MAX_AGE = int(env("PAGE_CACHE_MAX_AGE", "300"))
PAGE_CACHE_STALE_WHILE_REVALIDATE = int(env("PAGE_CACHE_STALE_WHILE_REVALIDATE", "60"))
PAGE_CACHE_STALE_IF_ERROR = int(env("PAGE_CACHE_STALE_IF_ERROR", "86400"))
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
# The reverse proxy's purge address (deploy/nginx/portal.conf, the server on
# 127.0.0.1:8079): publishing purges the pages that show the page (portal/core/purge.py),
# in the task worker. Unset: nothing is purged, the proxy's 2-second micro-cache renews.
FRONTEND_CACHE_PURGE_URL = env("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "portal.core.purge.NginxPurgeBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
    WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]

# Visitor forms (docs/forms.md): rate limits per client address, kept only as a keyed
# hash in the cache for the window (portal/visitors/abuse.py); each form's rate is
# VISITOR_RATE_LIMITS[scope] if set, else its own default ("5/h", "10/15m").
VISITOR_RATE_LIMITS_ENABLED = env_bool("VISITOR_RATE_LIMITS_ENABLED", True)
VISITOR_RATE_LIMITS: dict[str, str] = {}
# How long a rendered form may be sent (a day: longer than any cached copy lives).
VISITOR_FORM_TOKEN_MAX_AGE = int(env("VISITOR_FORM_TOKEN_MAX_AGE", str(24 * 3600)))
# Sizes: one text field without its own limit, the whole form's text, attached files.
VISITOR_FIELD_MAX_CHARS = 10_000
VISITOR_FORM_MAX_CHARS = 40_000
VISITOR_UPLOAD_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "txt", "csv", "png", "jpg", "jpeg"]
VISITOR_UPLOAD_MAX_BYTES = int(env("VISITOR_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
VISITOR_UPLOAD_MAX_FILES = 5
# A public form's whole request, read into memory (never a temporary file on disk).
VISITOR_REQUEST_MAX_BYTES = 60 * 1024 * 1024

# Feedback forms (docs/forms.md): how long a sender's confirmation link works, how long
# messages are kept, and the inbox of the reference content's feedback page.
FEEDBACK_CONFIRM_MAX_AGE = int(env("FEEDBACK_CONFIRM_MAX_AGE", str(3 * 24 * 3600)))
FEEDBACK_KEPT_DAYS = int(env("FEEDBACK_KEPT_DAYS", "365"))
FEEDBACK_DEFAULT_INBOX = env("FEEDBACK_DEFAULT_INBOX", "webmaster@localhost")

# The projects' IATI export (docs/projects.md): the publisher's identifier in
# the IATI organisation registry; the export answers 404 while it is empty.
IATI_REPORTING_ORG_REF = env("IATI_REPORTING_ORG_REF", "")
IATI_REPORTING_ORG_NAME = env(
    "IATI_REPORTING_ORG_NAME", "Organization for Security and Co-operation in Europe"
)

# Reports of wrongdoing (docs/confidential-reports.md): sealed to the oversight group's
# public key (base64; `manage.py confidential_keypair`); without it the form says that
# reports are unavailable (check confidential.W001). The private key stays with the group,
# pasted per request in the admin, or in a file on the oversight group's own machine.
CONFIDENTIAL_REPORTS_PUBLIC_KEY = env("CONFIDENTIAL_REPORTS_PUBLIC_KEY", "")
CONFIDENTIAL_REPORTS_PRIVATE_KEY_FILE = env("CONFIDENTIAL_REPORTS_PRIVATE_KEY_FILE", "")
CONFIDENTIAL_CASES_KEPT_DAYS = int(env("CONFIDENTIAL_CASES_KEPT_DAYS", str(5 * 365)))


# Logs (portal/settings/logs.py): JSON lines with a request id in production,
# readable lines in development. No visitor's address or user agent is logged.
LOG_FORMAT = env("LOG_FORMAT", "console")
LOGGING = logs.configure(LOG_FORMAT, env("LOG_LEVEL", "INFO"))
DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = False
# Requests that leave no line in the application's log below ERROR (portal/core/logs.py):
# the report of wrongdoing, as in nginx's access log (deploy/nginx/portal.conf).
UNLOGGED_PATHS = [r"^/[a-z][a-z]/(?:[^/]+/)?report-wrongdoing/"]
DJANGO_STRUCTLOG_STATUS_START_LOG_LEVEL = logging.DEBUG
DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = env_bool("TRUST_REQUEST_ID_HEADER", False)


def require_secret_key():
    if not SECRET_KEY:
        raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")


def require_public_site_url():
    """Production publishes SITE_URL in every canonical link: it must be set and
    reachable from outside this machine (https is checked by ``check --deploy``)."""
    if not SITE_URL:
        raise ImproperlyConfigured(
            "Set the SITE_URL environment variable to the site's address, "
            "e.g. https://www.example.org."
        )
    if SiteAddress.parse(SITE_URL).is_local:
        raise ImproperlyConfigured(
            f"SITE_URL is {SITE_URL}, a local address: set it to the site's public address."
        )


# The recruitment system's job feed, imported by the task worker when set
# (docs/vacancies.md); ``manage.py import_vacancies`` imports any feed by hand.
VACANCIES_FEED_URL = env("VACANCIES_FEED_URL", "")
VACANCIES_FEED_INTERVAL_MINUTES = int(env("VACANCIES_FEED_INTERVAL_MINUTES", "60"))
