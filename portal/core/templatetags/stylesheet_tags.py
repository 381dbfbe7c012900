"""``{% stylesheets %}``: the ``<link>`` elements of the site's stylesheets.

With DEBUG, one per file of ``portal.core.stylesheets.STYLESHEETS``, in order;
otherwise one, to the files joined (``css/site.css``). No database queries."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html_join

from portal.core.stylesheets import stylesheet_paths

register = template.Library()


@register.simple_tag
def stylesheets():
    return format_html_join(
        "\n    ",
        '<link rel="stylesheet" href="{}">',
        ((static(path),) for path in stylesheet_paths(settings.DEBUG)),
    )
