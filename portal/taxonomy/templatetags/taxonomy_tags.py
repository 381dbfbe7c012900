"""Template tags that show a page's tags as links to the pages of their terms."""

from django import template

from portal.core.context import context_locale_id
from portal.core.locales import language_of

from ..registry import tag_kinds, term_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def tag_links(context, page):
    """``{% tag_links page as tags %}``: the field-of-work, country and structure
    pages, in the reader's language, for the terms ``page`` is tagged with (one
    group per kind in ``registry.TAG_KINDS``).

    Returns a list of ``{"kind", "label", "links": [{"title", "url", "lang"}]}``
    with empty groups left out; ``lang`` is the language of a page shown
    untranslated (else False). At most three queries per kind of tag."""
    request = context.get("request")
    locale_id = context_locale_id(context, page)
    groups = []
    for kind in tag_kinds():
        if not hasattr(page, kind.relation):
            continue
        # In previews the tags are in memory; saved pages read them in one query.
        term_ids = page.tag_ids(kind.name)
        if not term_ids:
            continue
        links = [
            {"title": p.title, "url": p.get_url(request), "lang": p.is_fallback and language_of(p)}
            for p in term_pages(kind.term_kind, term_ids, locale_id)
        ]
        if links:
            groups.append({"kind": kind.name, "label": kind.plural_label, "links": links})
    return groups
