"""Signed links: no account, the link is the key (docs/subscriptions.md).

A confirmation link expires after ``SUBSCRIPTION_CONFIRM_DAYS``; a manage or
unsubscribe link lasts as long as the subscription's ``key``, which changes
when the subscription ends, so that old links stop working."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing

CONFIRM = "subscriptions.confirm"
MANAGE = "subscriptions.manage"


class BadToken(Exception):
    """Not a link the site made, or one that has expired."""

    def __init__(self, expired: bool = False):
        super().__init__("expired" if expired else "bad")
        self.expired = expired


@dataclass(frozen=True)
class Claim:
    subscription_id: int
    key: str


def confirm_days() -> int:
    return settings.SUBSCRIPTION_CONFIRM_DAYS


def make(salt: str, subscription) -> str:
    signer = signing.TimestampSigner(salt=salt) if salt == CONFIRM else signing.Signer(salt=salt)
    return signer.sign(f"{subscription.pk}.{subscription.key}")


def read(salt: str, token: str) -> Claim:
    """The subscription a token names; ``BadToken`` if it is forged or expired."""
    if not isinstance(token, str) or len(token) > 200:
        raise BadToken
    try:
        if salt == CONFIRM:
            value = signing.TimestampSigner(salt=salt).unsign(
                token, max_age=timedelta(days=confirm_days())
            )
        else:
            value = signing.Signer(salt=salt).unsign(token)
    except signing.SignatureExpired as error:
        raise BadToken(expired=True) from error
    except signing.BadSignature as error:
        raise BadToken from error
    pk, _dot, key = value.partition(".")
    if not pk.isascii() or not pk.isdigit() or not key:
        raise BadToken
    return Claim(int(pk), key)
