from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PERMISSION, report


@hooks.register("register_admin_urls")
def register_subscription_urls():
    return [path("subscriptions/", report, name="subscriptions_report")]


class SubscriptionsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_subscriptions_menu_item():
    return SubscriptionsMenuItem(
        _("Subscriptions"), reverse("subscriptions_report"), icon_name="mail", order=910
    )


@hooks.register("register_permissions")
def register_subscription_permissions():
    return Permission.objects.filter(
        content_type__app_label="subscriptions", codename="view_subscription_counts"
    )
