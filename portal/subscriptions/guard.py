"""Abuse limits of the subscription endpoints, until the shared visitor
forms foundation provides them: a rate limit per hashed IP address (kept in
the cache for one window, never in the database) and a honeypot field."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from portal.core.client_ip import client_ip

WINDOW_SECONDS = 3600


def hashed_ip(request) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, client_ip(request).encode(), hashlib.sha256).hexdigest()[:32]


def over_limit(request, scope: str) -> bool:
    """Count one post from this address; True once it has made more than
    ``SUBSCRIPTION_POSTS_PER_HOUR`` in the current window."""
    limit = settings.SUBSCRIPTION_POSTS_PER_HOUR
    key = f"subscriptions:rate:{scope}:{hashed_ip(request)}"
    try:
        if cache.add(key, 1, WINDOW_SECONDS):
            return False
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
        return False
    except Exception:  # the cache is down: do not refuse visitors for it
        return False
    return count > limit


def is_robot(data) -> bool:
    return bool(data.get("website"))
