from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Chairpersonship


class ChairpersonshipViewSet(SnippetViewSet):
    model = Chairpersonship
    icon = "crosshairs"
    menu_label = "Chairpersonships"
    add_to_settings_menu = True
    list_display = ["year", "country"]


register_snippet(ChairpersonshipViewSet)
