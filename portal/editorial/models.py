"""A section: the editors' and moderators' groups of one structure.

A structure is known by its ``translation_key`` (shared by its six language
versions and kept through renames and moves), so the link survives both. A
section outlives its structure: when the structure is unpublished or deleted,
its groups lose their permissions but stay, with their members, for the
record of who could edit what (``active`` turns false)."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from portal.taxonomy.models import PageStructure, Term

from .coverage import structure_terms_below

MODERATED_TERMS = "_moderated_structure_terms"


class Section(models.Model):
    translation_key = models.UUIDField(_("structure"), unique=True, editable=False)
    term = models.ForeignKey(
        Term,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("structure tag"),
    )
    name = models.CharField(_("name"), max_length=255)
    editors = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("editors")
    )
    moderators = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("moderators")
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("False once the structure is unpublished or deleted."),
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def group_ids(self) -> tuple[int, int]:
        return (self.editors_id, self.moderators_id)


def moderated_terms(user) -> set[int]:
    """The structure terms of the active sections ``user`` moderates (with the
    structures below them); cached on the user object for the request."""
    if not hasattr(user, MODERATED_TERMS):
        keys = list(
            Section.objects.filter(active=True, moderators__user=user).values_list(
                "translation_key", flat=True
            )
        )
        setattr(user, MODERATED_TERMS, set().union(*structure_terms_below(keys).values()))
    return getattr(user, MODERATED_TERMS)


class SectionModerationTask(Task):
    """A workflow step approved by the moderators of the sections the page is
    tagged with (or of a structure above one of them). The approvers follow
    the page's structure tags: no group needs choosing."""

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("section moderation")
        verbose_name_plural = _("section moderations")

    @classmethod
    def get_description(cls):
        return _("The moderators of the sections the page is tagged with approve it.")

    def may_moderate(self, obj, user) -> bool:
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        tags = getattr(getattr(obj, "specific_deferred", obj), "tag_ids", None)
        return bool(tags and set(tags("structures")) & moderated_terms(user))

    def user_can_access_editor(self, obj, user):
        return self.may_moderate(obj, user)

    def locked_for_user(self, obj, user):
        return not self.may_moderate(obj, user)

    def user_can_lock(self, obj, user):
        return self.may_moderate(obj, user)

    def get_actions(self, obj, user):
        if not self.may_moderate(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        tagged = (
            PageStructure.objects.filter(term_id__in=moderated_terms(user))
            .annotate(key=Cast("page_id", models.CharField()))
            .values("key")
        )
        return states.filter(workflow_state__object_id__in=Subquery(tagged))
