"""The review workflows of ``roles.WORKFLOWS``, their tasks, and their
assignment to the listing pages of their kinds (Wagtail's ``WorkflowPage``:
a workflow applies to the page's subtree). Idempotent: returns the number of
rows written, zero when all is in step."""

from __future__ import annotations

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Task, Workflow, WorkflowPage, WorkflowTask

from portal.listings.models import ListingPage

from .models import SectionModerationTask
from .roles import SECTION_STEP, SECTION_STEP_NAME, WORKFLOWS


def _task(step: str) -> tuple[Task, int]:
    if step == SECTION_STEP:
        task, created = SectionModerationTask.objects.get_or_create(name=SECTION_STEP_NAME)
        return task, int(created)
    task, created = GroupApprovalTask.objects.get_or_create(name=step)
    group = Group.objects.get(name=step)
    if not task.groups.filter(pk=group.pk).exists():
        task.groups.add(group)
        created = True
    return task, int(created)


def sync_workflows() -> int:
    written = 0
    for spec in WORKFLOWS:
        workflow, created = Workflow.objects.get_or_create(name=spec.name)
        written += created
        for order, step in enumerate(spec.steps):
            task, changed = _task(step)
            written += changed
            link = WorkflowTask.objects.filter(workflow=workflow, sort_order=order).first()
            if link is None:
                WorkflowTask.objects.create(workflow=workflow, sort_order=order, task=task)
                written += 1
            elif link.task_id != task.pk:
                link.task = task
                link.save(update_fields=["task"])
                written += 1
        extra = WorkflowTask.objects.filter(workflow=workflow, sort_order__gte=len(spec.steps))
        written += extra.delete()[0]
        listings = ListingPage.objects.filter(listing_type__in=spec.listing_types)
        assigned = set(
            WorkflowPage.objects.filter(page__in=listings, workflow=workflow).values_list(
                "page_id", flat=True
            )
        )
        for page_id in listings.exclude(pk__in=assigned).values_list("pk", flat=True):
            WorkflowPage.objects.update_or_create(page_id=page_id, defaults={"workflow": workflow})
            written += 1
    return written
