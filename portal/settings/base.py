"""Settings shared by every environment, safe for production.

Everything that differs between machines comes from environment variables
(see the table in README.md). DEBUG is off and there is no secret here.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from portal.core.site_url import SiteAddress, site_url_setting

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
    "portal.translations",
    "portal.visuals",
    "portal.search",
    "portal.content",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Refuses control characters and bad encodings in the address, drops bad cookies.
    "portal.core.input_guard.InputGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages (not static files: WhiteNoise serves those pre-compressed).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.translations.middleware.LanguageCookieMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: in-process by default, Redis when REDIS_URL is set. Sessions: their keys
# checked, a bad cookie is no session (portal/core/sessions).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": 600,
        }
    }
    SESSION_ENGINE = "portal.core.sessions.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": 600,
        }
    }
    SESSION_ENGINE = "portal.core.sessions.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security defaults that hold everywhere; production.py adds HTTPS-only settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

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

# Cache lifetime (seconds) of public pages, sent as Cache-Control by BasePage.serve.
PAGE_CACHE_MAX_AGE = int(env("PAGE_CACHE_MAX_AGE", "300"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Page and task life-cycle messages: useful in the admin's logs, noise on a console.
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", "WARNING")},
        "django_tasks": {"level": "WARNING"},
    },
}


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
