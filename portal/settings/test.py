"""Test settings: fast hashing, no manifest storage, isolated cache."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-tests",
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-tests-pages",
    },
    "versions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-tests-versions",
    },
}
if env("DATABASE_URL", "").startswith("postgres"):
    DATABASES["default"]["TEST"] = {"NAME": env("TEST_DATABASE_NAME", "test_portal")}  # noqa: F405
# Tasks run inline; tests of the worker start one on the database queue (docs/tasks.md).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Django's test set-up sends mail to mail.outbox; tests of the outbox set
# EMAIL_BACKEND to it, and deliver through their own SMTP server (portal/mail/tests).
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MAIL_TRANSPORT_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The test client's own host, so that absolute links and requests agree; not
# localhost, so that tests can tell a published address from a local one.
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
# The page cache would answer a test's second request from its first, whatever the test
# wrote to the database in between; its own tests turn it on (portal/core/tests/test_page_cache.py).
PAGE_CACHE_ENABLED = False
