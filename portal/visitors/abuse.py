"""Rate limits per client address for the public forms (docs/forms.md).

The address is never kept: it is reduced to a keyed hash (HMAC-SHA256 with a
key derived from ``SECRET_KEY`` and the form's scope), and only that digest
names a counter in the cache, which expires with its window. Without the key
the digest cannot be turned back into an address, even by trying every IPv4
address (an unkeyed hash, as django-ratelimit's cache keys are, could be).

``rate_limited("feedback", rate="5/h")`` wraps a view or a page's ``serve``:
a POST over the limit gets a 429 page in the visitor's language. The rate is
``VISITOR_RATE_LIMITS[scope]`` when set, else the decorator's;
``VISITOR_RATE_LIMITS_ENABLED = False`` turns every limit off. A cache that
cannot count (Redis down: ``core.resilient_cache`` answers as a miss) lets
the form work: the limit fails open, and that is logged."""

import functools
import hashlib
import hmac
import logging
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from portal.core.client_ip import client_ip

logger = logging.getLogger("portal.visitors")

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


def parse_rate(rate: str) -> tuple[int, int]:
    """``"5/h"`` -> (5, 3600); ``"10/15m"`` -> (10, 900)."""
    match = RATE_PATTERN.match(rate)
    if not match:
        raise ValueError(f"Not a rate: {rate!r} (use e.g. 5/h, 10/15m)")
    count, multiple, unit = match.groups()
    return int(count), int(multiple or 1) * PERIODS[unit]


def client_digest(request: HttpRequest, scope: str) -> str:
    """A keyed hash of the client's address, distinct per scope."""
    key = hashlib.sha256(f"portal.visitors.abuse:{settings.SECRET_KEY}".encode()).digest()
    message = f"{scope}\x00{client_ip(request)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def rate_for(scope: str, default: str) -> str:
    return getattr(settings, "VISITOR_RATE_LIMITS", {}).get(scope, default)


def over_limit(request: HttpRequest, scope: str, rate: str) -> bool:
    """Count this request; True when it is over ``rate``. Fails open."""
    if not getattr(settings, "VISITOR_RATE_LIMITS_ENABLED", True):
        return False
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    key = f"visitors:rate:{scope}:{client_digest(request, scope)}:{window}"
    cache = caches[getattr(settings, "VISITOR_RATE_LIMIT_CACHE", "default")]
    try:
        cache.add(key, 0, timeout=period)
        count = cache.incr(key)
    except Exception as error:  # noqa: BLE001 - any cache failure: the form keeps working.
        logger.warning("Rate limit for %s not counted (cache unavailable: %s)", scope, error)
        return False
    return count > limit


def refused(request: HttpRequest, status: int, message, heading=None) -> TemplateResponse:
    """A refusal in the visitor's language, on the site's frame; never cached."""
    response = TemplateResponse(
        request,
        "visitors/refused.html",
        {"message": message, "heading": heading or _("Your message was not sent")},
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def too_many(request: HttpRequest, period: int) -> TemplateResponse:
    response = refused(
        request,
        429,
        _(
            "You have sent this form too many times in a short while. "
            "Please wait a while and try again."
        ),
    )
    response["Retry-After"] = str(period)
    return response


def _find_request(args) -> HttpRequest | None:
    return next((arg for arg in args if isinstance(arg, HttpRequest)), None)


def rate_limited(scope: str, rate: str = "10/h", methods: tuple[str, ...] = ("POST",)):
    """Limit a view (or a page's ``serve``) to ``rate`` requests per client
    address for the listed methods; over it, a 429 page."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            request = _find_request(args)
            if request is not None and request.method in methods:
                effective = rate_for(scope, rate)
                if over_limit(request, scope, effective):
                    return too_many(request, parse_rate(effective)[1])
            return view(*args, **kwargs)

        return wrapper

    return decorate
