"""Recommendations in the admin (Snippets › Recommendations): editors of
election follow-up add them from a final report and record each year's
assessment inline. Who may do so: ``portal/editorial/roles.py``."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .records import Recommendation


class RecommendationViewSet(SnippetViewSet):
    model = Recommendation
    icon = "list-ol"
    menu_label = _("Recommendations")
    add_to_admin_menu = False
    list_display = ["__str__", "priority"]
    list_filter = ["priority", "themes", "follow_ups__status"]
    search_fields = ["text"]
    ordering = ["-election__date", "number"]


register_snippet(RecommendationViewSet)
