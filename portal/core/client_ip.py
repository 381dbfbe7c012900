"""The address a sign-in comes from, for django-axes (``AXES_CLIENT_IP_CALLABLE``).

Directly exposed, it is ``REMOTE_ADDR``. Behind ``ADMIN_PROXY_COUNT`` reverse
proxies, each of which appends the address it received the request from to
``X-Forwarded-For`` (``ADMIN_CLIENT_IP_HEADER``), it is the entry that many
places from the right: the one the outermost proxy saw. Entries further left
come from the client and may be forged, so they are never read.

django-ipware's ``proxy_count`` does not say this: with one proxy and a
one-entry header it finds no address, and with a count of zero it takes the
left-most, forgeable, entry."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.ADMIN_PROXY_COUNT
    if count <= 0:
        return remote
    header = request.META.get(settings.ADMIN_CLIENT_IP_HEADER, "")
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    if len(entries) < count:
        return remote  # not through the proxies: its own address
    try:
        return str(ipaddress.ip_address(entries[-count]))
    except ValueError:
        return remote
