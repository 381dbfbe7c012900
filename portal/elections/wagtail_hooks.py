"""Recommendations in the admin (Snippets › Recommendations): editors of
election follow-up add them from a final report and record each year's
assessment inline. Who may do so: ``portal/editorial/roles.py``.

The list shows and filters each recommendation by its current status, the
one its latest assessment gave (``RecommendationQuerySet.with_current_status``),
as the public view does; an older assessment's status does not match."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .records import Recommendation
from .vocabulary import status_choices


class RecommendationFilterSet(WagtailFilterSet):
    current_status = django_filters.ChoiceFilter(
        label=_("Current status"),
        choices=status_choices,
        method="filter_current_status",
    )

    class Meta:
        model = Recommendation
        fields = ["current_status", "priority", "themes"]

    def filter_current_status(self, queryset, name, value):
        # The rows carry ``current_status`` (RecommendationViewSet.get_queryset).
        return queryset.filter(current_status=value) if value else queryset


class RecommendationViewSet(SnippetViewSet):
    model = Recommendation
    icon = "list-ol"
    menu_label = _("Recommendations")
    add_to_admin_menu = False
    list_display = [
        "__str__",
        Column("excerpt", label=_("Text")),
        BooleanColumn("priority", label=_("Priority"), sort_key="priority"),
        Column("current_status_label", label=_("Current status"), sort_key="current_status"),
        Column("assessed_in", label=_("Assessed in"), sort_key="assessed_in"),
    ]
    filterset_class = RecommendationFilterSet
    search_fields = ["text"]
    ordering = ["-election__date", "number"]

    def get_queryset(self, request):
        # The election names each row (``__str__``): read with the rows, not one query a row.
        return Recommendation.objects.select_related("election").with_current_status()


register_snippet(RecommendationViewSet)
