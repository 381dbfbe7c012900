"""Background work: one task worker for the whole site (docs/tasks.md).

Tasks are Django tasks (``django_tasks``, the framework Wagtail 8 uses for its
own background work). Where they run is a setting: the database backend by
default, so that one machine needs nothing but ``manage.py worker``; RQ on Redis
in production; inline in tests.

Periodic jobs, the site's cron, are registered here with ``@periodic`` and
enqueued by every running worker's scheduler when due; the claim is one
conditional UPDATE, so that several workers enqueue each run once."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django_tasks.base import Task

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
REDIS_BACKEND = "django_tasks_rq.RQBackend"
IMMEDIATE_BACKEND = "django_tasks.backends.immediate.ImmediateBackend"


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: Task
    every: timedelta


PERIODIC_JOBS: dict[str, PeriodicJob] = {}


def periodic(every: timedelta, name: str | None = None) -> Callable[[Task], Task]:
    """Register a task (decorated with ``@task()`` first) to run every ``every``.

    The task takes no arguments. Runs are at least ``every`` apart across all
    workers; a run missed while no worker was up happens once when one starts."""

    def register(task: Task) -> Task:
        job_name = name or task.module_path
        if job_name in PERIODIC_JOBS and PERIODIC_JOBS[job_name].task is not task:
            raise ValueError(f"Two periodic jobs are named {job_name!r}.")
        PERIODIC_JOBS[job_name] = PeriodicJob(job_name, task, every)
        return task

    return register
