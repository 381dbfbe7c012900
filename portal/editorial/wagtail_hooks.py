"""The section-aware "Aging pages" report takes the place of Wagtail's own."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.wagtail_hooks import AgingPagesReportMenuItem

from .reports import SectionAgingPagesView

WAGTAIL_AGING_PAGES = "aging-pages"


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/sections/aging-pages/",
            SectionAgingPagesView.as_view(),
            name="editorial_aging_pages",
        ),
        path(
            "reports/sections/aging-pages/results/",
            SectionAgingPagesView.as_view(results_only=True),
            name="editorial_aging_pages_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return AgingPagesReportMenuItem(
        _("Aging pages"),
        reverse("editorial_aging_pages"),
        name="section-aging-pages",
        icon_name="time",
        order=1100,
    )


@hooks.register("construct_reports_menu")
def hide_wagtails_aging_pages(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != WAGTAIL_AGING_PAGES]
