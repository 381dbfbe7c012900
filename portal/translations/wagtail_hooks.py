from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PERMISSION, translation_status


@hooks.register("register_admin_urls")
def register_status_url():
    return [path("translation-status/", translation_status, name="translation_status")]


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
