from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import VIEW_PERMISSION, message_detail, outbox, retry


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path("outbox/", outbox, name="mail_outbox"),
        path("outbox/<int:pk>/", message_detail, name="mail_message"),
        path("outbox/<int:pk>/retry/", retry, name="mail_retry"),
    ]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(_("Outgoing mail"), reverse("mail_outbox"), icon_name="mail", order=900)


@hooks.register("register_permissions")
def register_outbox_permissions():
    return Permission.objects.filter(
        content_type__app_label="mail",
        codename__in=["view_outgoingmessage", "change_outgoingmessage"],
    )
