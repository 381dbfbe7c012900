"""Template tags and filters shared by the site's templates.

Everything here is presentation glue: it never changes data, and each tag
documents how many database queries it may cost, so that page budgets stay
predictable.
"""

import json

from django import template
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

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
    if url and number and number.isdigit() and number != "1":
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


@register.filter
def structure_pages(pages):
    """The structure pages (teams, departments...) among ``pages``."""
    from portal.structures.models import StructurePage

    return [p for p in pages or () if isinstance(p, StructurePage)]


@register.filter
def other_pages(pages):
    """The pages among ``pages`` that are not structures."""
    from portal.structures.models import StructurePage

    return [p for p in pages or () if not isinstance(p, StructurePage)]


@register.simple_tag
def breadcrumb_trail(page):
    """``{% breadcrumb_trail page as crumbs %}``: the page's ancestors from the
    home page down (the tree root excluded). One query; on a page shown in
    another language than its own (an untranslated page), a second one puts
    each ancestor's translation in the visitor's language in its place."""
    if page is None or not getattr(page, "pk", None):
        return []
    from portal.translations.locales import active_language, locale_id_of

    ancestors = list(page.get_ancestors().filter(depth__gt=1).order_by("path"))
    active = locale_id_of(active_language())  # known without a query
    if not ancestors or active is None or page.locale_id == active:
        return ancestors
    translated = {
        crumb.translation_key: crumb
        for crumb in Page.objects.live().filter(
            locale_id=active, translation_key__in=[a.translation_key for a in ancestors]
        )
    }
    return [translated.get(crumb.translation_key, crumb) for crumb in ancestors]


@register.simple_tag
def elided_pages(page_obj, on_each_side=2, on_ends=1):
    """Page numbers for a pagination bar, with ``…`` (Paginator.ELLIPSIS) gaps."""
    paginator = page_obj.paginator
    return list(
        paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    )


def _locale_id(context, page=None):
    """The locale of ``page`` (or of the page being rendered), else the active one."""
    page = page or context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        return page.locale_id
    try:
        return Locale.get_active().pk
    except Locale.DoesNotExist:
        return None


@register.simple_tag(takes_context=True)
def tag_links(context, page):
    """``{% tag_links page as tags %}``: the field-of-work, country and structure
    pages, in the page's locale, for the terms ``page`` is tagged with.

    Returns a list of ``{"kind", "label", "links": [{"title", "url"}]}`` with
    empty groups left out. At most three queries (one per kind of term)."""
    from portal.countries.models import CountryPage
    from portal.structures.models import StructurePage
    from portal.topics.models import FieldOfWorkPage

    request = context.get("request")
    locale_id = _locale_id(context, page)
    groups = []
    for field, model, kind, label in (
        ("fields_of_work", FieldOfWorkPage, "fields_of_work", _("Fields of work")),
        ("countries", CountryPage, "countries", _("Countries")),
        ("structures", StructurePage, "structures", _("Structures")),
    ):
        manager = getattr(page, field, None)
        if manager is None:
            continue
        # A subquery on saved pages; in previews a FakeQuerySet, which knows "id", not "pk".
        term_ids = manager.all().values_list("id", flat=True)
        pages = (
            model.objects.live().filter(locale_id=locale_id, term_id__in=term_ids).order_by("title")
        )
        links = [{"title": p.title, "url": p.get_url(request)} for p in pages]
        if links:
            groups.append({"kind": kind, "label": label, "links": links})
    return groups


@register.simple_tag(takes_context=True)
def listing_urls(context, page=None):
    """``{% listing_urls as listings %}``: URL of the listing page of each kind
    ("news", "stories", "events", "publications", "projects") in the current
    locale, for "See all" links. One query, memoized on the request."""
    from portal.core.models import ListingPage

    request = context.get("request")
    locale_id = _locale_id(context, page)
    cache_attr = f"_portal_listing_urls_{locale_id}"
    if request is not None and hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    urls = {}
    for listing in ListingPage.objects.live().filter(locale_id=locale_id).order_by("depth", "path"):
        # The shallowest listing of a kind is the site-wide one (a field
        # operation may have its own news listing deeper in the tree).
        urls.setdefault(listing.listing_type, listing.get_url(request))
    if request is not None:
        setattr(request, cache_attr, urls)
    return urls


@register.simple_tag(takes_context=True)
def home_links(context, page):
    """``{% home_links page as links %}``: what the home page links to beyond
    its own content. Two queries.

    ``fields_of_work``: the field-of-work pages (title, url), by title;
    ``fields_of_work_url``: their index page; ``countries_url``: the country
    index; ``history_url``: the "Our history" page (slug ``our-history``)."""
    from portal.countries.models import CountryIndexPage
    from portal.topics.models import FieldOfWorkPage

    request = context.get("request")
    locale_id = page.locale_id
    fields = list(FieldOfWorkPage.objects.live().filter(locale_id=locale_id).order_by("title"))
    links = {
        "fields_of_work": [{"title": f.title, "url": f.get_url(request)} for f in fields],
        "fields_of_work_url": None,
        "countries_url": None,
        "history_url": None,
    }
    if fields:
        # The index is the parent of the topics: drop the last path segment.
        url = links["fields_of_work"][0]["url"] or ""
        links["fields_of_work_url"] = url.rstrip("/").rsplit("/", 1)[0] + "/" if url else None
    index_type = ContentType.objects.get_for_model(CountryIndexPage)  # cached by Django
    others = Page.objects.live().filter(
        Q(content_type=index_type) | Q(slug="our-history"), locale_id=locale_id
    )
    for other in others.order_by("depth"):
        if other.content_type_id == index_type.pk:
            links["countries_url"] = links["countries_url"] or other.get_url(request)
        else:
            links["history_url"] = links["history_url"] or other.get_url(request)
    return links


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
    from django.core.cache import cache
    from django.template.loader import get_template
    from django.utils.translation import get_language

    from portal.core.cache import content_version

    items = list(items)
    if not items:
        return []
    options = {name: value for name, value in options.items() if value not in ("", None)}
    variant = json.dumps(options, sort_keys=True, default=str)
    prefix = f"card:{content_version()}:{get_language()}:{slugify(variant)}"
    keys = [f"{prefix}:{item.pk}" for item in items]
    found = cache.get_many(keys)
    missing = {}
    template = get_template("components/card.html")
    request = context.get("request")
    for key, item in zip(keys, items, strict=True):
        if key not in found:
            html = template.render({"item": item, "request": request, **options})
            found[key] = missing[key] = mark_safe(html)  # noqa: S308 - our template, autoescaped
    if missing:
        cache.set_many(missing, CARD_TIMEOUT)
    return [mark_safe(found[key]) for key in keys]  # noqa: S308 - see above
