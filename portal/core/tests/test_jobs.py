"""The scheduler of periodic jobs: each run enqueued once across workers, the
site's upkeep registered, a silent worker reported (docs/tasks.md). The worker
process itself is exercised in tests/browser/test_worker.py."""

import time
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks import default_task_backend, task
from wagtail.models import Page

from portal.core.jobs import PERIODIC_JOBS, periodic
from portal.core.jobs.inline import tasks_inline
from portal.core.jobs.models import PeriodicJobState
from portal.core.jobs.scheduler import HEARTBEAT_STALE_AFTER, beat, enqueue_due, worker_alive
from portal.core.models import StandardPage
from portal.core.tasks import publish_scheduled

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queue(db):
    with override_settings(TASKS=DUMMY):
        default_task_backend.clear()
        yield default_task_backend


def enqueued(queue) -> list[str]:
    return [result.task.module_path for result in queue.results]


def test_the_sites_upkeep_is_registered():
    assert {
        "portal.core.tasks.publish_scheduled",
        "portal.core.tasks.clear_sessions",
        "portal.core.tasks.purge_revisions",
        "portal.core.tasks.search_promotions_garbage_collect",
        "portal.core.tasks.prune_task_results",
        "portal.search.tasks.age_recent_tier",
    } <= set(PERIODIC_JOBS)


def test_every_due_job_is_enqueued_once(queue):
    now = timezone.now()
    assert sorted(enqueue_due(now)) == sorted(PERIODIC_JOBS)
    assert sorted(enqueued(queue)) == sorted(PERIODIC_JOBS)
    # A second worker ticking at the same moment finds nothing due.
    assert enqueue_due(now) == []
    assert enqueue_due(now + timedelta(seconds=1)) == []
    assert len(queue.results) == len(PERIODIC_JOBS)


def test_a_tick_with_nothing_due_reads_once_and_writes_nothing(queue, django_assert_num_queries):
    now = timezone.now()
    enqueue_due(now)
    with django_assert_num_queries(1):
        assert enqueue_due(now + timedelta(seconds=1)) == []


def test_a_job_is_due_again_after_its_period(queue):
    now = timezone.now()
    enqueue_due(now)
    job = PERIODIC_JOBS["portal.core.tasks.publish_scheduled"]
    later = enqueue_due(now + job.every)
    assert "portal.core.tasks.publish_scheduled" in later
    assert "portal.core.tasks.purge_revisions" not in later
    state = PeriodicJobState.objects.get(name=job.name)
    assert state.due_at == now + 2 * job.every
    assert state.last_enqueued_at == now + job.every


def test_a_run_missed_while_no_worker_was_up_happens_once(queue):
    now = timezone.now()
    enqueue_due(now)
    queue.clear()
    a_week_later = now + timedelta(days=7)
    names = enqueue_due(a_week_later)
    assert len(names) == len(set(names)) == len(PERIODIC_JOBS)
    assert enqueue_due(a_week_later) == []


@task()
def first():
    pass


@task()
def second():
    pass


def test_two_jobs_cannot_share_a_name():
    periodic(timedelta(hours=1), name="test.same")(first)
    try:
        with pytest.raises(ValueError, match="test.same"):
            periodic(timedelta(hours=1), name="test.same")(second)
    finally:
        PERIODIC_JOBS.pop("test.same")


def test_a_worker_is_alive_until_its_heartbeat_is_stale(db):
    started = timezone.now()
    assert not worker_alive()
    beat("worker-1", "database", started)
    assert worker_alive()
    assert not worker_alive(timezone.now() + HEARTBEAT_STALE_AFTER + timedelta(seconds=1))


def test_readiness_reports_a_missing_worker_as_degraded(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["worker"] == "degraded"


def test_scheduled_publishing_runs_as_a_task(db):
    """The job itself publishes a page whose time has come (immediate backend)."""
    root = Page.get_first_root_node()
    page = StandardPage(title="Later", slug="later", live=False)
    root.add_child(instance=page)
    page.go_live_at = timezone.now() + timedelta(seconds=1)
    page.save_revision().publish()
    publish_scheduled.call()
    page.refresh_from_db()
    assert not page.live  # not yet
    time.sleep(1.1)
    publish_scheduled.call()
    page.refresh_from_db()
    assert page.live


def test_a_bulk_command_runs_its_tasks_inline_and_queues_nothing(queue):
    page = StandardPage.objects.live().first()
    with tasks_inline():
        page.save()
    assert queue.results == [], "a bulk load leaves nothing in front of the worker"
    page.save()
    assert "wagtail.tasks.update_reference_index_task" in enqueued(queue)
