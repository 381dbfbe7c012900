"""Sharing tags: OpenGraph and Twitter card tags on every page type, with
absolute addresses from SITE_URL, a 1200×630 image, the search description
(else the summary) and the page's own language."""

import io

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from lxml import html as lxml_html
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page

from portal.core.sharing import share_description
from portal.listings.models import ListingPage, TaggedPage

pytestmark = pytest.mark.django_db


def head_of(response) -> dict[str, list[str]]:
    """{property or name: [content, ...]} of the page's <meta> tags, plus
    "canonical" for the canonical link."""
    tree = lxml_html.fromstring(response.content)
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            found.setdefault(key, []).append(meta.get("content"))
    found["canonical"] = [
        link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"
    ]
    return found


def picture(size=(1600, 1000), title="Delegates at the table") -> Image:
    data = io.BytesIO()
    PILImage.new("RGB", size, "steelblue").save(data, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(data, name="table.jpg"))


def one_page_of_each_type() -> list[Page]:
    pages, seen = [], set()
    english = Page.objects.filter(depth__gte=2, locale__language_code="en").order_by("path")
    for page in english.select_related("content_type"):
        if page.content_type_id not in seen and page.live:
            seen.add(page.content_type_id)
            pages.append(page.specific)
    return pages


def test_every_page_type_carries_the_sharing_tags(client):
    pages = one_page_of_each_type()
    assert len(pages) >= 10
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        head = head_of(response)
        canonical = head["canonical"][0]
        assert canonical.startswith(settings.SITE_URL + "/en/"), page.url
        assert head["og:url"] == [canonical]
        assert head["og:title"] == [page.seo_title or page.title]
        # Listed items (news, events, documents…) are articles; the rest, meetings too, websites.
        assert head["og:type"] == ["article" if isinstance(page, TaggedPage) else "website"]
        assert head["og:site_name"] == ["OSCE"]
        assert head["og:locale"] == ["en_GB"]
        assert head["twitter:card"] == ["summary_large_image"]
        assert len(head["og:image"]) == 1, page.url  # every page has an image to share
        description = share_description(page)
        expected = [description] if description else []
        assert head.get("og:description", []) == expected, page.url
        assert head.get("description", []) == expected, page.url
        for url in head.get("og:image", []):
            assert url.startswith(settings.SITE_URL + "/"), url


def test_the_social_image_is_a_1200_by_630_rendition_at_an_absolute_address(client, page_at):
    page = page_at("/structures/secretariat/")
    page.social_image = picture()
    page.save()
    head = head_of(client.get(page.url))
    (url,) = head["og:image"]
    assert url.startswith(settings.SITE_URL + settings.MEDIA_URL)
    assert ".fill-1200x630" in url
    assert head["og:image:width"] == ["1200"]
    assert head["og:image:height"] == ["630"]
    assert head["og:image:alt"] == ["Delegates at the table"]
    assert head["twitter:card"] == ["summary_large_image"]


def test_a_listed_item_without_social_image_shares_its_listing_image(client):
    listing = ListingPage.objects.filter(listing_type="news", locale__language_code="en").first()
    item = listing.get_children().live().first().specific
    item.social_image = None
    item.image = picture(title="Press conference")
    item.save()
    head = head_of(client.get(item.url))
    assert head["og:image:alt"] == ["Press conference"]
    assert head["og:image:width"] == ["1200"]
    # A social image wins over the listing image.
    item.social_image = picture(title="Handshake")
    item.save()
    assert head_of(client.get(item.url))["og:image:alt"] == ["Handshake"]


def test_a_page_without_images_shares_the_sites_own(client, page_at):
    page = page_at("/about-us/our-history/")
    page.social_image = None
    page.save()
    head = head_of(client.get(page.url))
    assert head["og:image"] == [settings.SITE_URL + settings.STATIC_URL + "img/share.png"]
    assert (head["og:image:width"], head["og:image:height"]) == (["1200"], ["630"])
    assert head["og:image:alt"] == ["Organization for Security and Co-operation in Europe"]
    assert head["twitter:card"] == ["summary_large_image"]


def test_a_small_image_gives_its_own_dimensions(client, page_at):
    page = page_at("/structures/secretariat/")
    page.social_image = picture(size=(600, 600))
    page.save()
    head = head_of(client.get(page.url))
    assert head["og:image:width"] == ["600"]
    assert abs(int(head["og:image:height"][0]) - 315) <= 1  # 600 × 630 / 1200, rounded


def test_the_description_is_the_search_description_else_the_summary(client, page_at):
    page = page_at("/structures/secretariat/")
    page.summary = "The Secretariat supports the Chairpersonship."
    page.search_description = ""
    page.save()
    head = head_of(client.get(page.url))
    assert head["og:description"] == [page.summary]
    assert head["description"] == [page.summary]
    page.search_description = "Vienna-based support for the participating States."
    page.save()
    head = head_of(client.get(page.url))
    assert head["og:description"] == [page.search_description]
    assert head["description"] == [page.search_description]


def test_a_page_without_any_description_has_none():
    page = Page(title="Empty")
    assert share_description(page) == ""


def test_a_translated_page_carries_its_own_language(client, page_at):
    english = page_at("/our-work/fields-of-work/policing/")
    french = english.get_translations().filter(locale__language_code="fr").first()
    assert french is not None, "the reference content translates this page"
    # The English page names French among its alternates.
    english_head = head_of(client.get(english.url))
    assert english_head["og:locale"] == ["en_GB"]
    assert "fr_FR" in english_head["og:locale:alternate"]
    response = client.get(french.url)
    head = head_of(response)
    assert head["og:locale"] == ["fr_FR"]
    assert "en_GB" in head["og:locale:alternate"]
    assert "fr_FR" not in head["og:locale:alternate"]
    assert head["og:url"] == [settings.SITE_URL + french.url]
    assert head["og:title"] == [french.title]


def test_an_untranslated_page_shown_in_german_stays_english(client, page_at):
    english = page_at("/structures/secretariat/")
    for german in english.get_translations().filter(locale__language_code="de"):
        german.delete()
    head = head_of(client.get("/de/structures/secretariat/"))
    assert head["og:locale"] == ["en_GB"]
    assert head["og:url"] == [settings.SITE_URL + "/en/structures/secretariat/"]
