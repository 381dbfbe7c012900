"""Delivering one outbox row, and the upkeep around it (docs/mail.md).

A row is claimed by one conditional UPDATE (waiting → sending), so that two
workers given the same row send it once. The transport is
``MAIL_TRANSPORT_BACKEND`` (SMTP unless configured otherwise). A failure is
recorded with the time of the next attempt, 1, 2, 4 … minutes later up to
``MAIL_RETRY_MAX_SECONDS``, until ``MAIL_MAX_ATTEMPTS``; a permanent refusal
(5xx for every recipient, or for the message itself) ends it at once."""

import logging
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import F
from django.utils import timezone

from .models import FINISHED, WAITING, OutgoingMessage, Status
from .stored import StoredMessage

logger = logging.getLogger("portal.mail")

# A waiting row nobody has sent by then had its task lost: the sweep queues it again.
LOST_AFTER = timedelta(minutes=2)
# A row still "sending" after this had its worker killed mid-send: it is sent again.
STUCK_AFTER = timedelta(minutes=15)
SWEEP_BATCH = 500


def first_attempt_deadline() -> datetime:
    """When a waiting row counts as lost if nobody has taken it."""
    return timezone.now() + LOST_AFTER


def retry_delay(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: doubling, capped."""
    seconds = settings.MAIL_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.MAIL_RETRY_MAX_SECONDS))


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip()


def permanent_refusal(exc: BaseException) -> str | None:
    """The server's reply when it refused the message for good, else None."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        replies = exc.recipients.items()
        if replies and all(code >= 500 for _, (code, _) in replies):
            return "; ".join(f"{address}: {_reply(*reply)}" for address, reply in replies)
    if isinstance(exc, smtplib.SMTPDataError) and exc.smtp_code >= 500:
        return _reply(exc.smtp_code, exc.smtp_error)
    return None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{type(exc).__name__}: {_reply(exc.smtp_code, exc.smtp_error)}"
    return f"{type(exc).__name__}: {exc}"[:2000]


def deliver(message_id: int) -> str | None:
    """Send one row if it is waiting; return its new status (None: not ours)."""
    now = timezone.now()
    claimed = OutgoingMessage.objects.filter(pk=message_id, status__in=WAITING).update(
        status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    row = OutgoingMessage.objects.get(pk=message_id)
    try:
        connection = get_connection(settings.MAIL_TRANSPORT_BACKEND, fail_silently=False)
        connection.send_messages([StoredMessage(row)])
    except Exception as exc:  # any failure is recorded on the row, never raised
        return _record_failure(row, exc)
    OutgoingMessage.objects.filter(pk=row.pk).update(
        status=Status.SENT, sent_at=timezone.now(), next_attempt_at=None
    )
    return Status.SENT


def _record_failure(row: OutgoingMessage, exc: Exception) -> str:
    refusal = permanent_refusal(exc)
    if refusal:
        status, error, next_attempt_at = Status.BOUNCED, refusal, None
    elif row.attempts >= settings.MAIL_MAX_ATTEMPTS:
        status, error, next_attempt_at = Status.FAILED, _describe(exc), None
    else:
        status, error = Status.RETRYING, _describe(exc)
        next_attempt_at = timezone.now() + retry_delay(row.attempts)
    logger.warning("Mail %s, attempt %s: %s (%s)", row.pk, row.attempts, error, status)
    OutgoingMessage.objects.filter(pk=row.pk).update(
        status=status, last_error=error, next_attempt_at=next_attempt_at
    )
    return status


def claim_due() -> list[int]:
    """Rows to queue again: retries whose time has come, rows whose task was
    lost, rows a worker died sending. Each is pushed ``LOST_AFTER`` ahead, so
    that the next sweep does not queue it twice."""
    now = timezone.now()
    OutgoingMessage.objects.filter(status=Status.SENDING, claimed_at__lt=now - STUCK_AFTER).update(
        status=Status.RETRYING,
        next_attempt_at=now,
        last_error="The worker stopped while sending; sending again.",
    )
    due = OutgoingMessage.objects.filter(status__in=WAITING, next_attempt_at__lte=now)
    ids = list(due.order_by("next_attempt_at").values_list("pk", flat=True)[:SWEEP_BATCH])
    OutgoingMessage.objects.filter(pk__in=ids).update(next_attempt_at=now + LOST_AFTER)
    return ids


def retry_now(row: OutgoingMessage) -> bool:
    """Put a failed or bounced row back in the queue (the admin's "retry now")."""
    return bool(
        OutgoingMessage.objects.filter(
            pk=row.pk, status__in=(Status.FAILED, Status.BOUNCED)
        ).update(status=Status.RETRYING, next_attempt_at=first_attempt_deadline())
    )


def purge() -> int:
    """Delete finished rows older than ``MAIL_KEPT_DAYS``."""
    cutoff = timezone.now() - timedelta(days=settings.MAIL_KEPT_DAYS)
    deleted, _ = OutgoingMessage.objects.filter(status__in=FINISHED, created_at__lt=cutoff).delete()
    return deleted
