from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from portal.core.locales import code_of_locale

from .admin_views import PERMISSION, translation_status
from .translate_views import source_and_changes, translate


@hooks.register("register_admin_urls")
def register_status_url():
    return [
        path("translation-status/", translation_status, name="translation_status"),
        path(
            "translation-status/translate/<int:page_id>/<str:language>/",
            translate,
            name="translations_translate",
        ),
        path(
            "translation-status/source/<int:page_id>/",
            source_and_changes,
            name="translations_source",
        ),
    ]


@hooks.register("register_page_header_buttons")
def source_and_changes_button(page, user, view_name, next_url=None):
    """On a translation's editor: its source beside it and what changed in it."""
    if view_name == "edit" and code_of_locale(page.locale_id) != settings.LANGUAGE_CODE:
        yield Button(
            _("Source and changes"),
            reverse("translations_source", args=[page.pk]),
            icon_name="globe",
            attrs={"data-action": "source-and-changes"},
            priority=70,
        )


class StatusMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_status_menu_item():
    return StatusMenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="globe", order=800
    )


@hooks.register("register_permissions")
def register_status_permission():
    return Permission.objects.filter(
        content_type__app_label="translations", codename="view_translation_status"
    )
