"""What the visitor forms keep, and for how long (docs/forms.md).

Each app registers what it keeps: a model, the date field that starts the
clock, and the setting that says how many days (with its default). One
periodic job (``tasks.purge_visitor_data``) and ``manage.py
purge_visitor_data`` delete the rows whose time has passed; the privacy
notice states the periods from this registry, so that it cannot say
something other than what the site does.

    from portal.visitors.retention import register
    register("feedback", "feedback.FeedbackSubmission", "submitted_at",
             "FEEDBACK_KEPT_DAYS", 180, _("Messages sent through a feedback form"))

A row may clean up after itself (files in storage) in its model's
``delete``; the purge deletes row by row for models that say so
(``purge_one_by_one``), in one query otherwise."""

from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class Retention:
    key: str
    model: str  # "app_label.ModelName"
    date_field: str
    setting: str
    default_days: int
    label: object  # lazy text: what is kept, for the privacy notice
    one_by_one: bool = False

    @property
    def days(self) -> int:
        return int(getattr(settings, self.setting, self.default_days))

    def expired(self, now=None):
        now = now or timezone.now()
        model = apps.get_model(self.model)
        cutoff = now - timedelta(days=self.days)
        return model._default_manager.filter(**{f"{self.date_field}__lt": cutoff})

    def purge(self, now=None) -> int:
        rows = self.expired(now)
        if not self.one_by_one:
            return rows.delete()[0]
        count = 0
        for row in rows.iterator():
            row.delete()
            count += 1
        return count


RETENTION: dict[str, Retention] = {}


def register(
    key: str,
    model: str,
    date_field: str,
    setting: str,
    default_days: int,
    label,
    one_by_one: bool = False,
) -> Retention:
    entry = Retention(key, model, date_field, setting, default_days, label, one_by_one)
    RETENTION[key] = entry
    return entry


def purge_expired(now=None) -> dict[str, int]:
    return {key: entry.purge(now) for key, entry in RETENTION.items()}
