from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "portal.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self):
        # Models and the modules that use them load only once apps are ready.
        from wagtail.models import Locale
        from wagtail.signals import page_published

        from portal.core.locales import forget_locales

        from .fallback import install_url_fallback
        from .sources import on_published

        install_url_fallback()

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="translations-locales-save")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="translations-locales-del")
        page_published.connect(on_published, dispatch_uid="translations-record-source")
