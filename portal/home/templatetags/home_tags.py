"""Template tags of the home page (and of the 404 page, which points visitors
to the same places)."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from portal.countries.models import CountryIndexPage
from portal.topics.models import FieldOfWorkPage

register = template.Library()


@register.simple_tag(takes_context=True)
def home_links(context, page):
    """``{% home_links page as links %}``: what the home page links to beyond
    its own content. Two queries.

    ``fields_of_work``: the field-of-work pages (title, url), by title;
    ``fields_of_work_url``: their index page; ``countries_url``: the country
    index; ``history_url``: the "Our history" page (slug ``our-history``)."""
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
