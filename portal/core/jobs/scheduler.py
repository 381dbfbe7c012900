"""The scheduler loop every worker runs beside its queue consumer.

Each tick (``WORKER_TICK_SECONDS``) it records a heartbeat and enqueues the
periodic jobs that are due. A job is claimed by moving its ``due_at`` forward
in one ``UPDATE ... WHERE due_at <= now``: of several workers ticking at once,
exactly one sees a changed row and enqueues the run."""

import logging
import socket
import threading
from datetime import datetime, timedelta

from django.db import DatabaseError, IntegrityError, close_old_connections, connection, transaction
from django.utils import timezone

from . import PERIODIC_JOBS, PeriodicJob
from .models import PeriodicJobState, WorkerHeartbeat

logger = logging.getLogger("portal.jobs")

# A worker not seen for this long is reported as gone by /readyz.
HEARTBEAT_STALE_AFTER = timedelta(minutes=2)


def _claim(job: PeriodicJob, now: datetime, due_at: datetime | None) -> bool:
    """Claim this run of ``job``; ``due_at`` is what this tick read (None: no row yet)."""
    if due_at is None:
        try:
            with transaction.atomic():
                PeriodicJobState.objects.create(name=job.name, due_at=now)
        except IntegrityError:
            pass  # another worker created it first
    elif due_at > now:
        return False  # not due: no write
    claimed = PeriodicJobState.objects.filter(name=job.name, due_at__lte=now).update(
        due_at=now + job.every, last_enqueued_at=now
    )
    return claimed == 1


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Enqueue every periodic job that is due; return the names enqueued.

    One query reads every job's due time; only due jobs are written to."""
    now = now or timezone.now()
    due = dict(
        PeriodicJobState.objects.filter(name__in=PERIODIC_JOBS).values_list("name", "due_at")
    )
    enqueued = []
    for job in PERIODIC_JOBS.values():
        if _claim(job, now, due.get(job.name)):
            job.task.enqueue()
            enqueued.append(job.name)
    return enqueued


def beat(worker_id: str, backend: str, started_at: datetime) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "backend": backend,
            "started_at": started_at,
            "seen_at": timezone.now(),
        },
    )


def worker_alive(now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return WorkerHeartbeat.objects.filter(seen_at__gte=now - HEARTBEAT_STALE_AFTER).exists()


class SchedulerThread(threading.Thread):
    """Ticks until ``stop()``; a failed tick (database down) is logged and retried."""

    def __init__(self, worker_id: str, backend: str, tick: float):
        super().__init__(name="portal-scheduler", daemon=True)
        self.worker_id = worker_id
        self.backend = backend
        self.tick = tick
        self.started_at = timezone.now()
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.is_set():
            close_old_connections()
            try:
                beat(self.worker_id, self.backend, self.started_at)
                for name in enqueue_due():
                    logger.info("periodic job %s enqueued", name)
            except DatabaseError:
                logger.warning("scheduler tick failed; retrying", exc_info=True)
            self._stopped.wait(self.tick)
        connection.close()

    def stop(self) -> None:
        self._stopped.set()
