"""Tasks run inline for the length of a bulk command.

A bulk load saves thousands of objects, and each save queues Wagtail's
reference-index update. Queued, they would stand in front of the worker's
scheduled publications and purges for minutes (docs/tasks.md). Inside
``tasks_inline()`` the default backend is Django's immediate one, so each task
runs as it is enqueued, in the loading process, as before the worker existed."""

import contextlib
from collections.abc import Iterator

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.immediate import ImmediateBackend

IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"


@contextlib.contextmanager
def tasks_inline() -> Iterator[None]:
    alias = DEFAULT_TASK_BACKEND_ALIAS
    previous = task_backends[alias]
    if isinstance(previous, ImmediateBackend):
        yield
        return
    task_backends[alias] = ImmediateBackend(alias=alias, params={"BACKEND": IMMEDIATE})
    try:
        yield
    finally:
        task_backends[alias] = previous
