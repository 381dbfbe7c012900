from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import case_detail, case_list


@hooks.register("register_admin_urls")
def register_case_urls():
    return [
        path("confidential-reports/", case_list, name="confidential_cases"),
        path("confidential-reports/<str:number>/", case_detail, name="confidential_case"),
    ]


@hooks.register("register_reports_menu_item")
def register_cases_menu_item():
    return MenuItem(
        _("Reports of wrongdoing"), reverse("confidential_cases"), icon_name="lock", order=950
    )
