"""Delivery of digests in batches: one task per ``CHUNK`` outbox rows rather
than one per row, so that a run for 100,000 subscribers queues 2,000 tasks.
Each row is still delivered, retried and swept by the outbox (docs/mail.md):
a row whose task is lost is queued again by ``mail.tasks.send_due_mail``."""

import logging

from django_tasks import task

from portal.mail import delivery

logger = logging.getLogger("portal.subscriptions")

CHUNK = 50


@task()
def deliver_batch(message_ids: list[int]) -> None:
    for message_id in message_ids:
        delivery.deliver(message_id)


def enqueue_batches(message_ids: list[int]) -> None:
    for start in range(0, len(message_ids), CHUNK):
        chunk = message_ids[start : start + CHUNK]
        try:
            deliver_batch.enqueue(chunk)
        except Exception:
            logger.exception("Digests could not be queued; the outbox's sweep will send them.")
