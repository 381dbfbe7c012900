"""``EMAIL_BACKEND``: every message goes to the outbox, in the caller's
transaction; a delivery task is queued when that transaction commits. Sending
never fails the caller: if the queue cannot be reached, the worker's sweep
finds the row a minute later (docs/mail.md). With ``fail_silently`` (Django's
error reports to ADMINS use it) a database that cannot take the row loses
that message rather than raising from a logging call."""

import logging

from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, transaction

from .delivery import first_attempt_deadline
from .stored import to_row
from .tasks import enqueue_delivery

logger = logging.getLogger("portal.mail")


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        stored = 0
        for message in email_messages or ():
            if not message.recipients():
                continue
            row = to_row(message)
            row.next_attempt_at = first_attempt_deadline()
            try:
                with transaction.atomic():  # a savepoint: the caller's transaction survives
                    row.save()
            except DatabaseError:
                if not self.fail_silently:
                    raise
                logger.exception("A message to %s could not be stored.", row.recipients)
                continue
            transaction.on_commit(lambda pk=row.pk: enqueue_delivery(pk))
            stored += 1
        return stored
