"""What the endpoints do to subscriptions, apart from the web."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from . import mailing
from .records import Subscription
from .tokens import Claim

# One confirmation or notice per address in this time, however often it is posted.
RESEND_SECONDS = 300


def _first_mail_in_a_while(email: str) -> bool:
    key = "subscriptions:mailed:" + hashlib.sha256(email.encode()).hexdigest()[:32]
    try:
        return cache.add(key, 1, RESEND_SECONDS)
    except Exception:
        return True


def subscribe(email: str, language: str, frequency: str, kinds, terms) -> None:
    """Record a request to subscribe. Whatever the address's state, the caller
    answers the same: a new or unconfirmed address gets a confirmation link
    (its choices replaced), a confirmed one a notice with its manage link,
    its choices unchanged."""
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(email=email).first()
        if subscription is not None and subscription.confirmed:
            if _first_mail_in_a_while(email):
                mailing.send_already_subscribed(subscription)
            return
        if subscription is None:
            subscription = Subscription(email=email)
        subscription.language = language
        subscription.frequency = frequency
        subscription.kinds = sorted(kinds)
        subscription.terms = sorted(terms)
        subscription.save()
        if _first_mail_in_a_while(email):
            mailing.send_confirmation(subscription)


def find(claim: Claim) -> Subscription | None:
    subscription = Subscription.objects.filter(pk=claim.subscription_id).first()
    if subscription is None or subscription.key != claim.key:
        return None
    return subscription


def confirm(subscription: Subscription) -> None:
    if subscription.confirmed:
        return
    now = timezone.now()
    Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
        confirmed_at=now, sent_until=now
    )


def change(subscription: Subscription, language: str, frequency: str, kinds, terms) -> None:
    subscription.language = language
    subscription.frequency = frequency
    subscription.kinds = sorted(kinds)
    subscription.terms = sorted(terms)
    subscription.save(update_fields=["language", "frequency", "kinds", "terms"])


def unsubscribe(claim: Claim) -> None:
    """Delete the subscription the claim names (nothing if it is gone)."""
    Subscription.objects.filter(pk=claim.subscription_id, key=claim.key).delete()
