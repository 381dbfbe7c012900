"""The periodic import of the recruitment system's job feed (docs/vacancies.md)."""

import logging
from datetime import timedelta

from django.conf import settings
from django_tasks import task

from portal.core.jobs import periodic

logger = logging.getLogger("portal.vacancies")


@periodic(every=timedelta(minutes=settings.VACANCIES_FEED_INTERVAL_MINUTES))
@task()
def import_vacancies_feed() -> None:
    """Import ``VACANCIES_FEED_URL`` when it is set; nothing otherwise."""
    if not settings.VACANCIES_FEED_URL:
        return
    from .importer import FeedError, import_feed

    try:
        report = import_feed(settings.VACANCIES_FEED_URL)
    except FeedError as exc:
        logger.error("Vacancies feed not imported: %s", exc)
        return
    for problem in report.skipped:
        logger.warning("Vacancies feed: %s", problem)
    logger.info("Vacancies feed imported: %s", report.summary())
