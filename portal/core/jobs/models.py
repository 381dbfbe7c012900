"""What the scheduler of every worker shares: when each periodic job is due, and
which workers are alive. Both live in the database, the one store every worker
and app server already share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicJobState(models.Model):
    name = models.CharField(max_length=200, unique=True)
    due_at = models.DateTimeField(db_index=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("periodic job")
        verbose_name_plural = _("periodic jobs")

    def __str__(self) -> str:
        return self.name


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    backend = models.CharField(max_length=100)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")

    def __str__(self) -> str:
        return self.worker_id
