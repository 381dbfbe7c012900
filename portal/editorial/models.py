"""A section: the editors' and moderators' groups of one structure.

A structure is known by its ``translation_key`` (shared by its six language
versions and kept through renames and moves), so the link survives both. A
section outlives its structure: when the structure is unpublished or deleted,
its groups lose their permissions but stay, with their members, for the
record of who could edit what (``active`` turns false)."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.taxonomy.models import Term


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
