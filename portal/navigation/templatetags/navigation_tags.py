from django import template

from portal.navigation.menus import get_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def menu(context, name):
    """``{% menu "main" as main_menu %}``: the resolved, cached menu."""
    return get_menu(name, context.get("request"))
