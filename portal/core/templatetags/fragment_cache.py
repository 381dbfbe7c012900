"""``{% content_cache "name" value... %}...{% endcontent_cache %}``: a part of a
page rendered once per language, site and content version, then read from the
cache (docs/caching.md, "Fragments").

The key is the fragment's name, the values given after it (a page's id, a
filter set: everything else the fragment shows), the request's scheme and
host, the active language and the content version, so any publication, move
or menu change is seen on the next request. Entries live for
``PAGE_CACHE_MAX_AGE`` at most, so a fragment that changes with the clock
(upcoming events) is as fresh as a page a browser or proxy may keep.

With ``per_address`` last, the address's path is part of the key too (the
header marks the current page, the breadcrumbs follow the path), and an
address with a query string is never cached: it may show the query (the
search box), and its many variants would crowd the cache; nor is one where
a value given is empty (no page: a 404 at any address).

With ``per_address query_slot``, an address with a query string shares one
copy per path: the fragment is rendered once with a stand-in for the query
string (``QUERY_SLOT``) and no query parameters, and each request's own query
string, escaped, replaces the stand-in (the header: the language switcher's
links keep the query; the header's search box is left empty, the results
page has its own). Such a fragment must read the query string only from
``QUERY_STRING`` and must not otherwise depend on the query parameters.

Never cached, always rendered: without a request, in a preview (the draft is
not the published page), and for a request that carries a session cookie (an
editor, a visitor who signed in or unlocked a restricted page): only
anonymous visitors share fragments, as they share whole pages. A fragment must
not contain a CSRF token or a nonce."""

from django import template
from django.conf import settings
from django.http import QueryDict
from django.utils.encoding import force_str
from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.core.cache import cached_by_content_version

register = template.Library()

QUERY_SLOT = "query-slot-5d1c0a"  # what no real address holds: letters, digits, hyphens
FLAGS = ("per_address", "query_slot")


def _shared(request) -> bool:
    return (
        request is not None
        and not getattr(request, "is_preview", False)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


class ContentCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on, per_address=False, query_slot=False):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on
        self.per_address, self.query_slot = per_address, query_slot

    def render(self, context):
        request = context.get("request")
        query = request.META.get("QUERY_STRING", "") if request is not None else ""
        if not _shared(request) or (self.per_address and query and not self.query_slot):
            return self.nodelist.render(context)
        resolved = [value.resolve(context) for value in self.vary_on]
        if self.per_address:
            if any(value in (None, "") for value in resolved):  # no page: a 404
                return self.nodelist.render(context)
            resolved.append(request.path + ("?" if query else ""))
        values = "|".join(force_str(value) for value in resolved)
        key = f"fragment:{self.name}:{request.scheme}:{request.get_host()}:{values}"
        if self.per_address and query:
            html = cached_by_content_version(
                key, lambda: self._render_with_slot(context, request), settings.PAGE_CACHE_MAX_AGE
            )
            html = html.replace(QUERY_SLOT, escape(query))
        else:
            html = cached_by_content_version(
                key, lambda: str(self.nodelist.render(context)), settings.PAGE_CACHE_MAX_AGE
            )
        return mark_safe(html)  # noqa: S308 - rendered by our own templates, autoescaped

    def _render_with_slot(self, context, request) -> str:
        """The fragment as it reads for any query string: ``QUERY_SLOT`` in
        place of the query string, no query parameters."""
        query, parameters = request.META["QUERY_STRING"], request.GET
        request.META["QUERY_STRING"], request.GET = QUERY_SLOT, QueryDict()
        try:
            return str(self.nodelist.render(context))
        finally:
            request.META["QUERY_STRING"], request.GET = query, parameters


@register.tag
def content_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a quoted fragment name, then the values it depends on"
        )
    flags = set()
    while len(bits) > 2 and bits[-1] in FLAGS:
        flags.add(bits.pop())
    if "query_slot" in flags and "per_address" not in flags:
        raise template.TemplateSyntaxError(f"{bits[0]}: query_slot goes with per_address")
    nodelist = parser.parse(("endcontent_cache",))
    parser.delete_first_token()
    return ContentCacheNode(
        nodelist,
        bits[1][1:-1],
        [parser.compile_filter(b) for b in bits[2:]],
        per_address="per_address" in flags,
        query_slot="query_slot" in flags,
    )
