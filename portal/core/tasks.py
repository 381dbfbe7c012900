"""The site's own upkeep, run by the worker (docs/tasks.md): what a cron table
would otherwise hold. Each job is a management command Wagtail or Django ships,
so that an operator can also run it by hand."""

import logging
from datetime import timedelta
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django_tasks import task

from .jobs import DATABASE_BACKEND, periodic

logger = logging.getLogger("portal.jobs")


def _run(command: str, **options) -> None:
    """Run a management command, its chatter sent to the log rather than stdout."""
    out = StringIO()
    call_command(command, stdout=out, stderr=out, verbosity=0, **options)
    if out.getvalue().strip():
        logger.debug("%s: %s", command, out.getvalue().strip())


@periodic(every=timedelta(seconds=settings.SCHEDULED_PUBLISHING_INTERVAL))
@task()
def publish_scheduled() -> None:
    """Publish pages and snippets whose go-live time has come; unpublish expired ones."""
    _run("publish_scheduled")


@periodic(every=timedelta(hours=1))
@task()
def clear_sessions() -> None:
    _run("clearsessions")


@periodic(every=timedelta(days=1))
@task()
def purge_revisions() -> None:
    """Old revisions that are neither live, latest, in moderation nor scheduled."""
    _run("purge_revisions", days=settings.PURGE_REVISIONS_AFTER_DAYS)


@periodic(every=timedelta(days=1))
@task()
def search_promotions_garbage_collect() -> None:
    _run("searchpromotions_garbage_collect")


@periodic(every=timedelta(days=1))
@task()
def prune_task_results() -> None:
    """Finished tasks in the database queue, kept a while for the admin to see."""
    if settings.TASKS["default"]["BACKEND"] == DATABASE_BACKEND:
        _run("prune_db_task_results", min_age_days=settings.TASK_RESULTS_KEPT_DAYS)
