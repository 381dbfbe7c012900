"""The cases of reports of wrongdoing: every content field is sealed
(docs/confidential-reports.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

OVERSIGHT_GROUP = "Oversight"


class Case(models.Model):
    number = models.CharField(_("case number"), max_length=20, unique=True)
    # The day only: an exact time could be matched with other records.
    received_on = models.DateField(_("received"), db_index=True)
    sealed_report = models.BinaryField()
    reporter_public_key = models.BinaryField()
    reporter_key_salt = models.BinaryField()
    reporter_key_locked = models.BinaryField()

    class Meta:
        ordering = ["-received_on", "-id"]
        default_permissions = ()
        verbose_name = _("case")

    def __str__(self):
        return self.number

    def delete(self, *args, **kwargs):
        from django.core.files.storage import default_storage

        for stored in self.files.values_list("stored_name", flat=True):
            default_storage.delete(stored)
        return super().delete(*args, **kwargs)


class CaseFile(models.Model):
    """An attachment: its sealed bytes in storage under a random name; its
    name, type and size are inside the sealed report."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="files")
    stored_name = models.CharField(max_length=200)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"{self.case_id}: {self.stored_name}"


class CaseMessage(models.Model):
    """A reply of the oversight group (or a later word from the reporter),
    sealed twice: to the oversight key and to the case's reporter key."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    sent_on = models.DateField()
    from_reporter = models.BooleanField(default=False)
    for_oversight = models.BinaryField()
    for_reporter = models.BinaryField()

    class Meta:
        ordering = ["id"]
        default_permissions = ()

    def __str__(self):
        return f"{self.case_id}: {self.sent_on}"
