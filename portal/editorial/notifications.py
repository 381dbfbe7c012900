"""E-mail to a section's moderators when a page reaches their step.

Wagtail mails the members of a group approval task's groups; a section
moderation task has no groups of its own (its approvers follow the page's
structure tags), so this notifier finds them the same way the task does:
the moderators of every active section whose structure, or a structure below
it, the page is tagged with. The mail goes through the site's outbox
(docs/mail.md); users who turned off submission notifications get none."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

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


notifier = SectionTaskSubmissionNotifier()


def connect() -> None:
    task_submitted.connect(
        notifier, sender=TaskState, dispatch_uid="section-task-submitted-notification"
    )
