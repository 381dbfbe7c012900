"""``{% region_map page %}``, ``{% org_chart page %}`` and
``{% field_operations_timeline page %}``.

Each renders its fragment once per page (or locale), language and content
version (``portal.core.cache``) and caches the HTML: publishing, moving or
deleting any page bumps the version, so an editor's change shows on the next
request, and a served page costs one cache read per fragment."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from portal.core.cache import cached_by_content_version
from portal.core.localized import reading_locale_id

from .. import charts
from .. import region_map as map_data

register = template.Library()

TIMEOUT = 24 * 3600


def _cached(key, build):
    return mark_safe(cached_by_content_version(f"visuals:{key}", lambda: str(build()), TIMEOUT))


@register.simple_tag(takes_context=True)
def region_map(context, page, heading_level=2):
    """The map of the region with its legend and table, for ``page``'s language."""
    request = context.get("request")
    locale_id = reading_locale_id(page, request)

    def build():
        data = map_data.region_map_context(locale_id, request)
        data["heading_level"] = heading_level
        return render_to_string("visuals/region_map.html", data)

    return _cached(f"map:{locale_id}:{heading_level}", build)


def _chart_holder_paths(forest):
    """The paths of the pages the trees hang from: the English ones and those
    shown (a translation's path is in its own language's tree)."""
    return {path for tree in forest for path in tree["paths"]}


@register.simple_tag(takes_context=True)
def org_chart(context, page):
    """The organizational chart, on the page the structure tree hangs from and
    on its other child pages (the "Organizational structure" overview); an
    empty string anywhere else."""
    request = context.get("request")

    def build():
        forest = charts.structure_forest(reading_locale_id(page, request), request)
        holders = _chart_holder_paths(forest)
        parent_path = page.path[: -page.steplen]
        if not forest or (page.path not in holders and parent_path not in holders):
            return ""
        return render_to_string("visuals/org_chart.html", {"forest": forest, "page": page})

    return _cached(f"orgchart:{page.pk}", build)


@register.simple_tag(takes_context=True)
def field_operations_timeline(context, page):
    """The timeline of all field operations, current and closed, in the reader's language."""
    locale_id = reading_locale_id(page, context.get("request"))

    def build():
        timeline = charts.field_operation_timeline(locale_id)
        if not timeline:
            return ""
        return render_to_string("visuals/timeline.html", {"timeline": timeline, "page": page})

    return _cached(f"timeline:{locale_id}", build)
