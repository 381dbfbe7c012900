"""The messages a subscriber receives, written to the outbox (portal.mail):
the confirmation, the notice to an address that is already subscribed, and
the digests (built by ``digests``). Each is plain text and HTML in the
subscriber's language; every message after the confirmation carries the
manage link and RFC 8058 one-click unsubscribe headers."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext

from . import links, tokens


def unsubscribe_headers(unsubscribe_url: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def message(
    subject: str, text: str, html: str, to: str, kind: str, headers=None
) -> EmailMultiAlternatives:
    mail = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers or {}
    )
    mail.attach_alternative(html, "text/html")
    mail.kind = kind
    # The links sign their reader in to the subscription: not shown in the admin.
    mail.confidential = True
    return mail


def _render(name: str, context: dict) -> tuple[str, str]:
    text = loader.render_to_string(f"subscriptions/mail/{name}.txt", context)
    html = loader.render_to_string(f"subscriptions/mail/{name}.html", context)
    return text, html


def send_confirmation(subscription) -> None:
    with translation.override(subscription.language):
        context = {"confirm_url": links.confirm_url(subscription), "days": tokens.confirm_days()}
        text, html = _render("confirm", context)
        subject = gettext("Confirm your OSCE subscription")
        message(subject, text, html, subscription.email, "subscription-confirm").send()


def send_already_subscribed(subscription) -> None:
    """Someone asked to subscribe an address that already is: its owner is
    told, and given the manage link; the visitor learns nothing."""
    with translation.override(subscription.language):
        unsubscribe = links.unsubscribe_url(subscription)
        context = {"manage_url": links.manage_url(subscription), "unsubscribe_url": unsubscribe}
        text, html = _render("already", context)
        subject = gettext("Your OSCE subscription")
        message(
            subject,
            text,
            html,
            subscription.email,
            "subscription-notice",
            headers=unsubscribe_headers(unsubscribe),
        ).send()
