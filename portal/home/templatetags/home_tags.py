"""Template tags of the home page (and of the 404 page, which points visitors
to the same places)."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from portal.core.locales import language_of
from portal.core.localized import in_language, reading_locale_id
from portal.countries.models import CountryIndexPage
from portal.topics.models import FieldOfWorkPage

register = template.Library()


@register.simple_tag(takes_context=True)
def home_links(context, page):
    """``{% home_links page as links %}``: what the home page links to beyond
    its own content, each in the reader's language (``core.localized``).
    Four queries.

    ``fields_of_work``: the field-of-work pages (title, url), by title;
    ``fields_of_work_url``: their index page; ``countries_url``: the country
    index; ``history_url``: the "Our history" page (slug ``our-history``)."""
    request = context.get("request")
    locale_id = reading_locale_id(page, request)
    fields = in_language(FieldOfWorkPage.objects.live(), locale_id, sort_by_title=True)
    links = {
        "fields_of_work": [
            {"title": f.title, "url": f.get_url(request), "lang": f.is_fallback and language_of(f)}
            for f in fields
        ],
        "fields_of_work_url": None,
        "countries_url": None,
        "history_url": None,
    }
    if fields:
        # The index is the parent of the topics: drop the last path segment.
        url = links["fields_of_work"][0]["url"] or ""
        links["fields_of_work_url"] = url.rstrip("/").rsplit("/", 1)[0] + "/" if url else None
    index_type = ContentType.objects.get_for_model(CountryIndexPage)  # cached by Django
    others = Page.objects.live().filter(Q(content_type=index_type) | Q(slug="our-history"))
    for other in in_language(others.order_by("depth"), locale_id):
        if other.content_type_id == index_type.pk:
            links["countries_url"] = links["countries_url"] or other.get_url(request)
        else:
            links["history_url"] = links["history_url"] or other.get_url(request)
    return links
