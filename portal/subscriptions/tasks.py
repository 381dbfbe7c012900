"""The worker's subscription jobs (docs/subscriptions.md, docs/tasks.md)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from portal.core.jobs import periodic

from . import digests
from .records import Frequency, Subscription
from .tokens import confirm_days


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


def expire_unconfirmed() -> int:
    """Delete the subscriptions never confirmed within the link's lifetime."""
    cutoff = timezone.now() - timedelta(days=confirm_days())
    deleted, _ = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


@periodic(every=timedelta(hours=6))
@task()
def purge_unconfirmed_subscriptions() -> None:
    expire_unconfirmed()
