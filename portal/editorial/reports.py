"""Wagtail's "Aging pages" report with a section filter: which of a section's
pages have not been published (so not reviewed) since a date; and its site
history (the audit log) with the same filter beside the user's. A section's
pages are its structure's pages in every language and the shared listings'
items tagged with the structure or a structure below it (docs/editors.md)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.aging_pages import AgingPagesReportFilterSet, AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.models import Page, PageLogEntry

from portal.taxonomy.models import PageStructure

from .coverage import structure_terms_below
from .models import Section


def section_pages(section: Section) -> Q:
    """A filter on pages: the section's own subtrees and the items tagged with it."""
    terms = structure_terms_below([section.translation_key]).get(section.translation_key, set())
    pages = Q(pk__in=PageStructure.objects.filter(term_id__in=terms).values("page_id"))
    for path in Page.objects.filter(translation_key=section.translation_key).values_list(
        "path", flat=True
    ):
        pages |= Q(path__startswith=path)
    return pages


def section_filter():
    return django_filters.ModelChoiceFilter(
        label=_("Section"),
        empty_label=_("All sections"),
        queryset=Section.objects.filter(active=True),
        method="filter_section",
    )


class SectionAgingPagesFilterSet(AgingPagesReportFilterSet):
    section = section_filter()

    class Meta(AgingPagesReportFilterSet.Meta):
        fields = ["section", *AgingPagesReportFilterSet.Meta.fields]

    def filter_section(self, queryset, name, section):
        return queryset.filter(section_pages(section)) if section else queryset


class SectionAgingPagesView(AgingPagesView):
    filterset_class = SectionAgingPagesFilterSet
    index_url_name = "editorial_aging_pages"
    index_results_url_name = "editorial_aging_pages_results"


class SectionHistoryFilterSet(SiteHistoryReportFilterSet):
    section = section_filter()

    class Meta(SiteHistoryReportFilterSet.Meta):
        fields = ["section"]

    def filter_section(self, queryset, name, section):
        """The report unites one query per kind of log entry: a section's
        entries are those of its pages; other kinds (snippets, images...)
        belong to no section."""
        if not section:
            return queryset
        if not issubclass(queryset.model, PageLogEntry):
            return queryset.none()
        pages = Page.objects.filter(section_pages(section)).values("pk")
        return queryset.filter(page_id__in=pages)


class SectionHistoryView(LogEntriesView):
    filterset_class = SectionHistoryFilterSet
    index_url_name = "editorial_site_history"
    index_results_url_name = "editorial_site_history_results"
