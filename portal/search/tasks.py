"""Search upkeep run by the worker (docs/tasks.md, docs/search.md)."""

from datetime import timedelta

from django_tasks import task

from portal.core.cache import bump_content_version
from portal.core.jobs import periodic

from . import entries


@periodic(every=timedelta(days=1))
@task()
def age_recent_tier() -> None:
    """Move the recent tier on to the newest pages (``search_index --age``)."""
    if entries.enabled():
        entries.age()
        bump_content_version()
