"""``EMAIL_URL``: where mail is handed over, as one address that settings read.

``smtp://user:password@mail.example.org:587/?tls=true`` (STARTTLS) or
``smtps://user:password@mail.example.org:465`` (TLS from the first byte). The
user and password are percent-decoded, so a password may hold ``@`` or ``/``
written as ``%40`` and ``%2F``. Parsed here in a few lines rather than with a
library: the two schemes are all the site needs, and a typo should stop the
site from starting with a message that names the variable."""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _flag(query: dict[str, list[str]], name: str) -> bool:
    value = query.get(name, ["false"])[-1].strip().lower()
    if value not in _TRUE | _FALSE:
        raise ImproperlyConfigured(f"EMAIL_URL: {name}={value!r} is neither true nor false.")
    return value in _TRUE


def parse_email_url(url: str) -> dict[str, object]:
    """Django's EMAIL_* settings for an ``smtp://`` or ``smtps://`` address."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with smtp:// or smtps://, not {parts.scheme or 'nothing'}://."
        )
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL names no mail server.")
    query = parse_qs(parts.query)
    use_ssl = parts.scheme == "smtps" or _flag(query, "ssl")
    use_tls = _flag(query, "tls")
    if use_ssl and use_tls:
        raise ImproperlyConfigured("EMAIL_URL: choose either smtps:// (SSL) or ?tls=true.")
    try:
        port = parts.port
    except ValueError as exc:
        raise ImproperlyConfigured(f"EMAIL_URL: {exc}.") from None
    return {
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if use_ssl else 587 if use_tls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_USE_TLS": use_tls,
    }
