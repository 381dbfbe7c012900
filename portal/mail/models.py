"""The outbox: every message the site sends, from the moment it is written
until it is delivered, refused or given up (docs/mail.md)."""

import email
import email.policy
from email.message import EmailMessage as ParsedMessage

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Sending")
    RETRYING = "retrying", _("Waiting to retry")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    BOUNCED = "bounced", _("Refused by the server")


# A delivery task may take these; the others are being sent or finished.
WAITING = (Status.PENDING, Status.RETRYING)
FINISHED = (Status.SENT, Status.FAILED, Status.BOUNCED)


class OutgoingMessage(models.Model):
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=64, blank=True)
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("The content is never shown in the admin (sign-in links, for instance)."),
    )
    from_email = models.TextField(_("from"))
    recipients = models.JSONField(_("recipients"), default=list)
    subject = models.TextField(_("subject"), blank=True)
    # The whole message as the SMTP server will receive it (headers, alternatives,
    # attachments), lines ending in "\n".
    mime = models.BinaryField()
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="mail_due")]

    def __str__(self):
        return self.subject or f"#{self.pk}"

    def parsed(self) -> ParsedMessage:
        return email.message_from_bytes(bytes(self.mime), policy=email.policy.default)

    def body_text(self) -> str:
        """The plain text part (or the HTML one when there is none)."""
        part = self.parsed().get_body(preferencelist=("plain", "html"))
        return part.get_content() if part is not None else ""
