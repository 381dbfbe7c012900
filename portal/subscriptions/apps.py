from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "portal.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self):
        from portal.visitors.retention import register

        # Unsubscribing deletes the row at once; requests never confirmed go
        # when their confirmation link expires (docs/subscriptions.md).
        register(
            "subscriptions-unconfirmed",
            "subscriptions.UnconfirmedSubscription",
            "created_at",
            "SUBSCRIPTION_CONFIRM_DAYS",
            7,
            _("Subscription requests never confirmed"),
        )
