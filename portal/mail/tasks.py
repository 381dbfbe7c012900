"""The outbox's work for the task worker (docs/mail.md, docs/tasks.md)."""

import logging
from datetime import timedelta

from django_tasks import task

from portal.core.jobs import periodic

from . import delivery

logger = logging.getLogger("portal.mail")


@task()
def deliver_message(message_id: int) -> None:
    delivery.deliver(message_id)


def enqueue_delivery(message_id: int) -> None:
    """Queue a row's delivery; if the queue is unreachable the sweep will."""
    try:
        deliver_message.enqueue(message_id)
    except Exception:
        logger.exception("Mail %s could not be queued; the next sweep will queue it.", message_id)


@periodic(every=timedelta(minutes=1))
@task()
def send_due_mail() -> None:
    """Retries whose time has come, and rows whose delivery task was lost."""
    for message_id in delivery.claim_due():
        enqueue_delivery(message_id)


@periodic(every=timedelta(days=1))
@task()
def purge_old_mail() -> None:
    deleted = delivery.purge()
    if deleted:
        logger.info("Deleted %s old outgoing messages.", deleted)
