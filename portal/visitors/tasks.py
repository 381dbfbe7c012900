"""The visitor forms' upkeep for the task worker (docs/tasks.md)."""

import logging
from datetime import timedelta

from django_tasks import task

from portal.core.jobs import periodic

from .retention import purge_expired

logger = logging.getLogger("portal.visitors")


@periodic(every=timedelta(hours=1))
@task()
def purge_visitor_data() -> None:
    """Rows of the visitor forms kept longer than their period (retention.py)."""
    for key, count in purge_expired().items():
        if count:
            logger.info("Deleted %s expired rows of %s.", count, key)
