from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import submissions


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [path("feedback-messages/", submissions, name="feedback_submissions")]


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return MenuItem(
        _("Feedback messages"), reverse("feedback_submissions"), icon_name="mail", order=940
    )
