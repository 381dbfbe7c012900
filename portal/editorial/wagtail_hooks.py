"""The section-aware "Aging pages" and "Site history" reports take the place
of Wagtail's own;
a section's editors see only their items in a shared listing's explorer."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.wagtail_hooks import AgingPagesReportMenuItem, SiteHistoryReportMenuItem

from .permissions import narrowed_children
from .reports import SectionAgingPagesView, SectionHistoryView

WAGTAIL_AGING_PAGES = "aging-pages"
WAGTAIL_SITE_HISTORY = "site-history"


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
        path(
            "reports/sections/history/", SectionHistoryView.as_view(), name="editorial_site_history"
        ),
        path(
            "reports/sections/history/results/",
            SectionHistoryView.as_view(results_only=True),
            name="editorial_site_history_results",
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


@hooks.register("register_reports_menu_item")
def register_history_menu_item():
    return SiteHistoryReportMenuItem(
        _("Site history"),
        reverse("editorial_site_history"),
        name="section-site-history",
        icon_name="history",
        order=1000,
    )


@hooks.register("construct_reports_menu")
def hide_wagtails_own_reports(request, menu_items):
    replaced = {WAGTAIL_AGING_PAGES, WAGTAIL_SITE_HISTORY}
    menu_items[:] = [item for item in menu_items if item.name not in replaced]


@hooks.register("construct_explorer_page_queryset")
def narrow_shared_listings(parent_page, pages, request):
    return narrowed_children(parent_page, pages, request.user)
