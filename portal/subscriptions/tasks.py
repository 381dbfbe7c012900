"""The worker's subscription jobs (docs/subscriptions.md, docs/tasks.md)."""

from datetime import timedelta

from django_tasks import task

from portal.core.jobs import periodic

from . import digests
from .records import Frequency


@periodic(every=timedelta(minutes=1))
@task()
def send_immediate_digests() -> None:
    digests.run(Frequency.IMMEDIATE)


@periodic(every=timedelta(hours=1))
@task()
def send_daily_digests() -> None:
    """Hourly: each subscription gets its digest once its day has passed."""
    digests.run(Frequency.DAILY)


@periodic(every=timedelta(hours=1))
@task()
def send_weekly_digests() -> None:
    digests.run(Frequency.WEEKLY)
