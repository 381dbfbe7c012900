from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Tenure


class TenureViewSet(SnippetViewSet):
    """Who held which leadership post, and when (docs/people.md)."""

    model = Tenure
    icon = "user"
    menu_label = _("Tenures")
    list_display = ["person", "post", "start", "end"]
    list_filter = ["acting"]
    ordering = ["-start"]
    add_to_admin_menu = False


register_snippet(TenureViewSet)
