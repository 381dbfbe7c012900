"""Template tags and filters shared by the site's templates.

Everything here is presentation glue that knows no content area: it never
changes data, and each tag documents how many database queries it may cost,
so that page budgets stay predictable. Tags that read an area's content live
in that area's app (``listing_tags``, ``taxonomy_tags``, ``home_tags``,
``structures_tags``, ``translation_tags``)."""

import html
import json

from django import template
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language

from portal.core.cache import cached_many, content_version
from portal.core.locales import language_of
from portal.core.localized import untranslated_text
from portal.core.params import MAX_PAGE_NUMBER, bounded_int

register = template.Library()

# Characters that could end a <script> element or start an HTML construct.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def jsonld(value):
    """Serialize ``value`` as JSON safe to embed in ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` are written as \\u escapes, so a title such as
    ``</script><script>`` can never close the element."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))


@register.simple_tag(takes_context=True)
def schema_org(context, page):
    """``{% schema_org page as data %}``: the page's schema.org dictionary."""
    get_schema = getattr(page, "get_schema_org", None)
    if get_schema is None:
        return None
    return get_schema(context.get("request"))


@register.simple_tag(takes_context=True)
def breadcrumb_schema(context, page):
    """``{% breadcrumb_schema page as data %}``: the page's BreadcrumbList
    (schema.org), or None for objects that are not pages. One query."""
    get_schema = getattr(page, "get_breadcrumb_schema", None)
    if get_schema is None:
        return None
    return get_schema(context.get("request"))


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None):
    """The absolute, canonical URL of the current page.

    Built from the page's own URL on its Site (so the Host header of the request
    does not leak in), plus the sub-path of a routable page (a country group)
    and ``?page=N`` on paginated listings, so each page of results is its own
    canonical document. Tracking and filter parameters are dropped. No query
    beyond Wagtail's cached site root paths."""
    request = context.get("request")
    page = page or context.get("page")
    url = ""
    if page is not None and hasattr(page, "get_full_url"):
        url = page.get_full_url(request) or ""
        relative = page.get_url(request) or ""
        if request is not None and relative.startswith("/") and request.path.startswith(relative):
            url += request.path[len(relative) :]
    elif request is not None:
        url = request.build_absolute_uri(request.path)
    number = request.GET.get("page") if request is not None else None
    if url and bounded_int(number, 2, MAX_PAGE_NUMBER) is not None:
        url = f"{url}?page={number}"
    return url


@register.filter
def nav_id(value):
    """A stable id fragment from a menu title: "Our work" -> "our-work".

    Keeps non-Latin letters (Russian titles) so ids never collapse to ""."""
    return slugify(str(value), allow_unicode=True) or "item"


@register.filter
def split_commas(value):
    """Split "a, b, c" into ["a", "b", "c"], dropping blank items."""
    return [part.strip() for part in str(value or "").split(",") if part.strip()]


@register.simple_tag
def elided_pages(page_obj, on_each_side=2, on_ends=1):
    """Page numbers for a pagination bar, with ``…`` (Paginator.ELLIPSIS) gaps."""
    paginator = page_obj.paginator
    return list(
        paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    )


@register.simple_tag
def toc_entries(*args):
    """``{% toc_entries "challenge" _("Our challenge") page.challenge ... as entries %}``.

    Takes (anchor, label, condition) triples and keeps the pairs whose
    condition is truthy; pass ``True`` for sections that always render."""
    if len(args) % 3:
        raise template.TemplateSyntaxError("toc_entries takes (anchor, label, condition) triples")
    triples = zip(args[0::3], args[1::3], args[2::3], strict=True)
    return [(anchor, label) for anchor, label, condition in triples if condition]


CARD_TIMEOUT = 24 * 3600


@register.simple_tag(takes_context=True)
def cards(context, items, **options):
    """``{% cards items heading_level=3 as rendered %}``: each item rendered
    with components/card.html, as a list of HTML strings.

    A card depends only on its page, the options, the language and the
    content version, so rendered cards are cached under those and fetched
    with one ``get_many``; only the missing ones are rendered (and stored with
    one ``set_many``). A long list thus costs one cache round trip instead of
    twenty template renderings. No database query of its own."""
    items = list(items)
    if not items:
        return []
    options = {name: value for name, value in options.items() if value not in ("", None)}
    variant = json.dumps(options, sort_keys=True, default=str)
    prefix = f"card:{content_version()}:{get_language()}:{slugify(variant)}"
    by_key = {f"{prefix}:{item.pk}": item for item in items}
    template = get_template("components/card.html")
    request = context.get("request")

    def render(key):
        return template.render({"item": by_key[key], "request": request, **options})

    rendered = cached_many([f"{prefix}:{item.pk}" for item in items], render, CARD_TIMEOUT)
    return [mark_safe(html) for html in rendered]  # noqa: S308 - our template, autoescaped


@register.simple_tag
def lang_attr(page):
    """`` lang="en"`` for a link to a page shown in another language than the
    reader's (``is_fallback``, see ``portal.core.localized``), so that screen
    readers pronounce its title right; nothing otherwise."""
    if not getattr(page, "is_fallback", False):
        return ""
    return format_html(' lang="{}"', language_of(page) or settings.LANGUAGE_CODE)


@register.inclusion_tag("components/fallback_mark.html")
def fallback_mark(page):
    """The short "not yet translated" note after a fallback item's title."""
    return {"show": getattr(page, "is_fallback", False)}


@register.simple_tag(takes_context=True)
def prose_of(context, page, name):
    """``{% prose_of page "body" as body %}``: ``{"value", "lang"}`` for one of
    ``page``'s text fields, or None when there is no text.

    A translation that leaves the field empty while its English source fills
    it shows the source's text with ``lang`` set (the reader is told it is not
    translated) rather than nothing. One query per page, on translations only,
    memoized on the request."""
    value = getattr(page, name, None)
    if value:
        return {"value": value, "lang": ""}
    request = context.get("request")
    key = f"_portal_untranslated_{getattr(page, 'pk', None)}"
    untranslated = getattr(request, key, None) if request is not None else None
    if untranslated is None:
        untranslated = untranslated_text(page)
        if request is not None:
            setattr(request, key, untranslated)
    if name in untranslated:
        return {"value": untranslated[name], "lang": settings.LANGUAGE_CODE}
    return None


@register.simple_tag
def facet_options(facet, any_label):
    """The ``<option>`` elements of one facet's ``<select>``: "any" first, then
    each option with the number of results it would give.

    Written here rather than as a template loop: a search or a listing shows
    dozens of options, and the template engine spent more time on them than
    on the rest of the page. Every value is escaped (``html.escape``, which
    escapes what Django's ``escape`` does). No query."""
    rows = [f'<option value="">{html.escape(str(any_label))}</option>']
    for option in facet.options:
        count = option.count
        shown = (
            str(count) if 0 <= count < 1000 else intcomma(count)
        )  # grouped in the language's way
        selected = " selected" if option.selected else ""
        rows.append(
            f'<option value="{html.escape(str(option.value))}"{selected}>'
            f"{html.escape(str(option.label))} ({html.escape(str(shown))})</option>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - every value escaped above
