"""``SITE_URL``: the one public address of the site (``https://www.osce.org``).

Every absolute address the site publishes (canonical links, hreflang
alternates, the sitemap, JSON-LD, feeds, calendars, robots.txt) is built by
Wagtail from the default ``Site`` record's ``root_url``, so that record must
hold this address: ``sync_site`` (and ``load_reference_content``) write it.

Wagtail 8 derives ``root_url`` from the port alone: 80 gives ``http://host``,
443 gives ``https://host``, any other port ``http://host:port``. HTTPS on
another port, or HTTP on 443, cannot be stored in a ``Site``; they are refused
here, when the settings are read, rather than published wrong. Settings import
this module, so it needs nothing but the standard library.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

DEFAULT_PORTS = {"http": 80, "https": 443}


class InvalidSiteURL(ValueError):
    """``SITE_URL`` is not an address the site can publish."""


@dataclass(frozen=True)
class SiteAddress:
    scheme: str
    hostname: str
    port: int

    @classmethod
    def parse(cls, value: str) -> SiteAddress:
        """``scheme://host[:port]`` with an optional final slash, nothing else."""
        text = (value or "").strip()
        if not text:
            raise InvalidSiteURL(
                "SITE_URL is empty; give the site's address, e.g. https://www.example.org."
            )
        try:
            parts = urlsplit(text)
            port = parts.port
        except ValueError as exc:
            raise InvalidSiteURL(f"SITE_URL {text!r} is not a URL: {exc}.") from exc
        if parts.scheme not in DEFAULT_PORTS:
            raise InvalidSiteURL(f"SITE_URL {text!r} must start with http:// or https://.")
        if not parts.hostname:
            raise InvalidSiteURL(f"SITE_URL {text!r} names no host.")
        if parts.username or parts.password:
            raise InvalidSiteURL(f"SITE_URL {text!r} must not hold a user name or password.")
        if (
            parts.path not in ("", "/")
            or parts.query
            or parts.fragment
            or text.endswith(("?", "#"))
        ):
            raise InvalidSiteURL(
                f"SITE_URL {text!r} must be scheme, host and port only: the site is served "
                "from the root of its host."
            )
        if ":" in parts.hostname:
            raise InvalidSiteURL(
                f"SITE_URL {text!r}: a Wagtail Site cannot hold an IPv6 address; use a host name."
            )
        port = port or DEFAULT_PORTS[parts.scheme]
        if parts.scheme == "https" and port != 443:
            raise InvalidSiteURL(
                f"SITE_URL {text!r}: Wagtail builds https:// addresses only for port 443; "
                "serve HTTPS on 443 or use http:// for a local port."
            )
        if parts.scheme == "http" and port == 443:
            raise InvalidSiteURL(f"SITE_URL {text!r}: port 443 is HTTPS; write https://.")
        return cls(parts.scheme, parts.hostname.lower(), port)

    @property
    def url(self) -> str:
        """The address as Wagtail's ``Site.root_url`` writes it: no default port,
        no final slash."""
        if self.port == DEFAULT_PORTS[self.scheme]:
            return f"{self.scheme}://{self.hostname}"
        return f"{self.scheme}://{self.hostname}:{self.port}"

    @property
    def is_local(self) -> bool:
        """Only this machine or its local network can reach it: ``localhost``,
        a loopback or unspecified IP address, an mDNS ``.local`` name."""
        host = self.hostname.rstrip(".")
        if host == "localhost" or host.endswith((".localhost", ".local")):
            return True
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        return address.is_loopback or address.is_unspecified


def site_url_setting(value: str | None) -> str:
    """The normalized ``SITE_URL`` setting, or ``""`` when not given.

    Raises ``ImproperlyConfigured`` for an address the site cannot publish, so
    a wrong value stops the start rather than every page."""
    if not (value or "").strip():
        return ""
    try:
        return SiteAddress.parse(value).url
    except InvalidSiteURL as exc:
        raise ImproperlyConfigured(str(exc)) from exc
