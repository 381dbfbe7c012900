"""Absolute addresses of the signed links, under ``SITE_URL`` and the
subscriber's language prefix."""

from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from . import tokens


def absolute(name: str, token: str, language: str) -> str:
    with translation.override(language):
        path = reverse(f"subscriptions:{name}", args=[token])
    return settings.SITE_URL.rstrip("/") + path


def confirm_url(subscription) -> str:
    return absolute("confirm", tokens.make(tokens.CONFIRM, subscription), subscription.language)


def manage_url(subscription) -> str:
    return absolute("manage", tokens.make(tokens.MANAGE, subscription), subscription.language)


def unsubscribe_url(subscription) -> str:
    return absolute("unsubscribe", tokens.make(tokens.MANAGE, subscription), subscription.language)


@lru_cache(maxsize=64)
def _cached_prefix(name: str, language: str, site_url: str) -> str:
    return absolute(name, "TOKEN", language).removesuffix("TOKEN/")


def _prefix(name: str, language: str) -> str:
    """The absolute address of ``name`` in ``language`` up to its token."""
    return _cached_prefix(name, language, settings.SITE_URL)


def manage_and_unsubscribe(subscription) -> tuple[str, str]:
    """Both links of a message, with one signature (they share the token)."""
    token = tokens.make(tokens.MANAGE, subscription)
    language = subscription.language
    return (
        f"{_prefix('manage', language)}{token}/",
        f"{_prefix('unsubscribe', language)}{token}/",
    )
