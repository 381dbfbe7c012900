"""Django's Redis cache, answering as a miss while Redis is unreachable.

Everything cached is derived from the database (docs/caching.md), so a dead
Redis should make pages slower, never fail them. ``ResilientRedisCache`` is
Django's own ``RedisCache`` whose every operation turns a connection error or
a timeout into a miss: ``get`` answers the default, ``set`` and ``add`` answer
False, ``incr`` raises ValueError as for a missing key, and nothing is raised.

A circuit breaker keeps a dead Redis cheap: after a failure no call tries
Redis for ``RETRY_AFTER`` seconds (5 by default), so a page that reads the
cache twenty times does not wait twenty connect timeouts; then one call tries
again (half-open) and, if it succeeds, the cache is used again. The breaker is
shared by the threads of a process (Django gives each thread its own backend
instance). One warning is logged when Redis goes away and one when it is back.

Why not django-redis and its ``DJANGO_REDIS_IGNORE_EXCEPTIONS``? It swallows
the same errors, but has no breaker: every call still tries to connect, and
logs each failure. Wrapping Django's own backend keeps its client and
serializer and adds only the breaker (docs/resilience.md)."""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Errors that mean "Redis cannot be reached", not "this call was wrong".
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)

# Short socket timeouts: a cache that answers in more than half a second is of no use.
# redis-py's pool makes one attempt per call (no retry unless asked), which we keep.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}
DEFAULT_RETRY_AFTER = 5.0


class CircuitBreaker:
    """Open after a failure: calls are refused until ``retry_after`` seconds
    have passed, then one call is let through to try again."""

    def __init__(self, name: str, retry_after: float) -> None:
        self.name = name
        self.retry_after = retry_after
        self.open_until = 0.0  # time.monotonic(); 0 while closed
        self.failures = 0  # calls that tried Redis and failed
        self.refused = 0  # calls answered as a miss without trying
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self.open_until > 0

    def allows(self) -> bool:
        with self._lock:
            if not self.open_until:
                return True
            now = time.monotonic()
            if now < self.open_until:
                self.refused += 1
                return False
            self.open_until = now + self.retry_after  # this call is the one trial
            return True

    def failed(self, error: BaseException) -> None:
        with self._lock:
            first = not self.open_until
            self.failures += 1
            self.open_until = time.monotonic() + self.retry_after
        if first:
            logger.warning(
                "Cache %s unreachable (%s): pages are built without it; retrying every %s s",
                self.name,
                error,
                self.retry_after,
            )

    def succeeded(self) -> None:
        if self.open_until:  # read without the lock: the common case stays lock-free
            with self._lock:
                was_open, self.open_until = bool(self.open_until), 0.0
            if was_open:
                logger.warning("Cache %s reachable again", self.name)


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str, retry_after: float) -> CircuitBreaker:
    """The process's breaker of one Redis location."""
    with _breakers_lock:
        breaker = _breakers.get(location)
        if breaker is None:
            breaker = _breakers[location] = CircuitBreaker(location, retry_after)
        breaker.retry_after = retry_after
        return breaker


class ResilientRedisCache(RedisCache):
    """``RedisCache`` that degrades to a miss. OPTIONS: redis-py's connection
    options (short socket timeouts by default) and ``RETRY_AFTER`` (seconds)."""

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        options = {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}
        retry_after = float(options.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(",".join(self._servers), retry_after)

    def _guard(self, miss: Any, operation: Callable[..., Any], *args: Any) -> Any:
        """``operation(self, *args)``, or ``miss`` while Redis is unreachable."""
        if not self.breaker.allows():
            return miss
        try:
            result = operation(self, *args)
        except UNREACHABLE as error:
            self.breaker.failed(error)
            return miss
        self.breaker.succeeded()
        return result

    def get(self, key, default=None, version=None):
        return self._guard(default, RedisCache.get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard({}, RedisCache.get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guard(False, RedisCache.has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(False, RedisCache.add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(False, RedisCache.set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(list(data), RedisCache.set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(False, RedisCache.touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard(False, RedisCache.delete, key, version)

    def delete_many(self, keys, version=None):
        return self._guard(None, RedisCache.delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        unreachable = object()
        value = self._guard(unreachable, RedisCache.incr, key, delta, version)
        if value is unreachable:
            raise ValueError(f"Key {key!r} not found: the cache is unreachable.")
        return value

    def clear(self):
        return self._guard(False, RedisCache.clear)
