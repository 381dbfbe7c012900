"""``manage.py worker``: the site's one background process (docs/tasks.md).

Runs the scheduler (heartbeat and periodic jobs) in a thread and the queue's
consumer in the foreground: ``db_worker`` for the database backend, RQ's worker
for Redis. With the immediate backend (tests) there is no queue: the scheduler's
jobs run as they are enqueued. SIGTERM and SIGINT finish the current task."""

import os
import secrets
import signal
import socket
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.core.jobs import DATABASE_BACKEND, IMMEDIATE_BACKEND, REDIS_BACKEND
from portal.core.jobs.scheduler import SchedulerThread


class Command(BaseCommand):
    help = "Run the task worker and the scheduler of periodic jobs (docs/tasks.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-scheduler",
            action="store_false",
            dest="scheduler",
            help="Consume the queue only; another worker enqueues the periodic jobs.",
        )
        parser.add_argument(
            "--tick",
            type=float,
            default=settings.WORKER_TICK_SECONDS,
            help="Seconds between the scheduler's checks for due jobs.",
        )

    def handle(self, *args, scheduler, tick, verbosity, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        worker_id = f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"[:64]
        thread = SchedulerThread(worker_id, backend, tick) if scheduler else None
        if thread:
            thread.start()
        if verbosity:
            self.stdout.write(f"Worker {worker_id} on {backend}.")
        try:
            if backend == DATABASE_BACKEND:
                call_command(
                    "db_worker",
                    queue_name="*",
                    interval=settings.WORKER_POLL_SECONDS,
                    reload=False,
                    worker_id=worker_id,
                    verbosity=verbosity,
                )
            elif backend == REDIS_BACKEND:
                call_command(
                    "rqworker",
                    *settings.TASKS["default"]["QUEUES"],
                    job_class="django_tasks_rq.Job",
                    name=worker_id,
                    verbosity=verbosity,
                )
            elif backend == IMMEDIATE_BACKEND and thread:
                self._wait_for_signal()
            else:
                raise CommandError(f"No worker for the task backend {backend}.")
        finally:
            if thread:
                thread.stop()
                thread.join(timeout=10)

    def _wait_for_signal(self) -> None:
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        while not stop.wait(1):
            pass
