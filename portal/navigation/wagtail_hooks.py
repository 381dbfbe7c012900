from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NavigationMenu


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = "Menus"
    add_to_settings_menu = True
    list_display = ["name", "locale"]


register_snippet(NavigationMenuViewSet)
