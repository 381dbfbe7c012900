"""The subscription rows (docs/subscriptions.md): who wants which items, in which
language and how often, and how far their digests have gone."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As soon as published")
    DAILY = "daily", _("Once a day")
    WEEKLY = "weekly", _("Once a week")


def new_key() -> str:
    return secrets.token_urlsafe(16)


class Subscription(models.Model):
    """One address and what it wants. Unconfirmed rows are deleted after
    ``SUBSCRIPTION_CONFIRM_DAYS``; unsubscribing deletes the row."""

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    # Listed kinds' keys ("news"...); none: every kind.
    kinds = models.JSONField(_("content types"), default=list, blank=True)
    # Term ids of any tag kind; none: every item of the kinds chosen.
    terms = models.JSONField(_("topics"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)
    # High-water mark: items first published up to this moment have been sent
    # (or were published before the subscription was confirmed). Moved in the
    # transaction that writes the digest to the outbox.
    sent_until = models.DateTimeField(null=True, blank=True)
    # Part of every signed link: a new key revokes the links already sent.
    key = models.CharField(max_length=32, default=new_key)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        indexes = [
            models.Index(fields=["frequency", "sent_until"], name="subscription_due"),
        ]
        permissions = [("view_subscription_counts", "Can see subscription counts")]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


class UnconfirmedManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(confirmed_at__isnull=True)


class UnconfirmedSubscription(Subscription):
    """The requests never confirmed: what the visitor forms' retention
    registry deletes after ``SUBSCRIPTION_CONFIRM_DAYS`` (``apps.py``)."""

    objects = UnconfirmedManager()

    class Meta:
        proxy = True
        verbose_name = _("unconfirmed subscription")
        verbose_name_plural = _("unconfirmed subscriptions")
