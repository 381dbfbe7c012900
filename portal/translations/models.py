from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationStatus(models.Model):
    """No table: carries the permission to see the translation status view
    (Settings → Groups → "Can view the translation status")."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_translation_status", _("Can view the translation status"))]
        verbose_name = _("translation status")

    def __str__(self):
        return str(self._meta.verbose_name)


class TranslationSource(models.Model):
    """Which revision of the source page (the default language's) a
    translation was last made from: written when the translation is created
    from the source and each time it is published. The translation is up to
    date while that revision is still the source's live one; the changes
    since are Wagtail's comparison between the two revisions."""

    translation = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="translation_source",
        verbose_name=_("translation"),
    )
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("source revision"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("translation source")
        verbose_name_plural = _("translation sources")

    def __str__(self):
        return f"{self.translation_id} ← {self.source_revision_id}"
