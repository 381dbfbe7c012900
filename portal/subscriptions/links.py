"""Absolute addresses of the signed links, under ``SITE_URL`` and the
subscriber's language prefix."""

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
