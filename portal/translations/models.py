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
