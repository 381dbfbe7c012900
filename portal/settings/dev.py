"""Local development: DEBUG on, a throwaway secret, local hosts only."""

from portal.core.site_url import site_url_setting

from .base import *  # noqa: F403
from .base import BASE_DIR, EMAIL_URL, env, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
SITE_URL = site_url_setting(env("SITE_URL", "http://127.0.0.1:8000"))
WAGTAILADMIN_BASE_URL = SITE_URL
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Without EMAIL_URL, the worker writes each message to a file in sent-mail/ (git ignores it).
if not EMAIL_URL:
    MAIL_TRANSPORT_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
SECURITY_CONTACT = env("SECURITY_CONTACT", "mailto:security@example.org")
