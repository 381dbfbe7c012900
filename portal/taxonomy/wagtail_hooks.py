from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Term


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "tag"
    menu_label = "Tags"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name"]


register_snippet(TermViewSet)
