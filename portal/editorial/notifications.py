"""E-mail to a section's moderators when a page reaches their step, and to
the submitter when a step approves it and it goes on to the next one.

Wagtail mails the members of a group approval task's groups; a section
moderation task has no groups of its own (its approvers follow the page's
structure tags), so this notifier finds them the same way the task does:
the moderators of every active section whose structure, or a structure below
it, the page is tagged with.

Wagtail itself tells the submitter when any step rejects the page (with the
reviewer's comment) and when the last step approves it; between steps it
says nothing, so ``StepApprovalNotifier`` tells them their item passed the
section's review and waits for the central one. Every mail is written in the
recipient's admin language when they chose one, and goes through the site's
outbox (docs/mail.md); users who turned the kind of notification off get none."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import (
    EmailNotificationMixin,
    GroupApprovalTaskStateSubmissionEmailNotifier,
    Notifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_approved, task_submitted

from .coverage import structure_terms_below
from .models import Section, SectionModerationTask


def section_moderators(page):
    tags = set(getattr(page, "tag_ids", lambda name: [])("structures"))
    sections = list(Section.objects.filter(active=True))
    below = structure_terms_below([section.translation_key for section in sections])
    groups = [
        section.moderators_id
        for section in sections
        if below.get(section.translation_key, set()) & tags
    ]
    return get_user_model().objects.filter(groups__in=groups, is_active=True)


class SectionTaskSubmissionNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def can_handle(self, instance, **kwargs):
        return isinstance(instance, TaskState) and isinstance(
            instance.task.specific, SectionModerationTask
        )

    def get_recipient_users(self, task_state: TaskState, **kwargs):
        page = task_state.workflow_state.content_object.specific
        recipients = section_moderators(page)
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            recipients = recipients | get_user_model().objects.filter(is_superuser=True)
        if kwargs.get("user"):
            recipients = recipients.exclude(pk=kwargs["user"].pk)
        return recipients.distinct()


class StepApprovalNotifier(EmailNotificationMixin, Notifier):
    """The submitter, when a step that is not the last approves their page
    (Wagtail's "task_state_approved" mail, already in every language)."""

    notification = "approved"

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, instance, **kwargs):
        return (
            isinstance(instance, TaskState)
            and instance.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        )

    def get_template_base_prefix(self, instance, **kwargs):
        return "task_state_"

    def get_context(self, task_state: TaskState, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context["task"] = task_state.task.specific
        context["object"] = task_state.workflow_state.content_object
        context["page"] = context["object"].specific
        context["model_name"] = context["object"]._meta.verbose_name
        return context

    def get_recipient_users(self, task_state: TaskState, **kwargs):
        requested_by = task_state.workflow_state.requested_by
        if requested_by is None or requested_by == kwargs.get("user"):
            return set()
        return {requested_by}


notifier = SectionTaskSubmissionNotifier()
step_approval = StepApprovalNotifier()


def connect() -> None:
    task_submitted.connect(
        notifier, sender=TaskState, dispatch_uid="section-task-submitted-notification"
    )
    task_approved.connect(step_approval, dispatch_uid="section-step-approved-notification")
