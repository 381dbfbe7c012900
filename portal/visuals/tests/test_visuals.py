"""The map, the organizational chart and the timeline: drawn from the page data,
and showing an editor's change on the next request (no cache clear)."""

import datetime
import re

import pytest
from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.core.localized import title_key
from portal.countries.models import CountryPage, CountryStatus
from portal.news.factories import NewsPageFactory
from portal.structures.models import StructureKind, StructurePage
from portal.visuals.region_map import geometry

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()


def map_link(html, url):
    """The <a> element of the map that links to ``url``, or None."""
    svg = html[
        html.index('<svg class="region-map__svg"') : html.index(
            "</svg>", html.index("region-map__svg")
        )
    ]
    match = re.search(rf'<a href="{re.escape(url)}"[^>]*>.*?</a>', svg, re.S)
    return match.group(0) if match else None


def test_every_country_has_a_shape_on_the_map():
    codes = set(CountryPage.objects.values_list("iso_code", flat=True))
    assert codes
    assert codes <= set(geometry()["shapes"]), codes - set(geometry()["shapes"])


@pytest.mark.parametrize("path", ["/", "/countries/"])
def test_map_links_every_country_in_alphabetical_order(client, page_at, path):
    html = client.get("/en" + path).content.decode()
    countries = sorted(
        CountryPage.objects.filter(locale__language_code="en"), key=lambda c: title_key(c.title)
    )
    for country in countries:
        link = map_link(html, country.url)
        assert link, country.title
        assert f'aria-label="{country.title}: ' in link
    svg_part = html[html.index("region-map__svg") :]
    positions = [svg_part.index(f'<a href="{c.url}"') for c in countries]
    assert positions == sorted(positions), "keyboard order follows the names"
    # The table says the same in words.
    table = html[html.index("region-map__table") :]
    assert all(f'<a href="{c.url}">{c.title}</a>' in table for c in countries)


def test_map_marks_field_operations_and_follows_edits(client, page_at):
    serbia = page_at("/countries/serbia/")
    mission = page_at("/structures/field-operations/mission-to-serbia/")
    html = client.get("/en/").content.decode()
    assert "region-map__operation" in map_link(html, serbia.url)
    assert "region-map__country--participating" in map_link(html, serbia.url)

    # A field operation closes and the country changes status: both show at once.
    mission.closed = datetime.date(2025, 12, 31)
    publish(mission)
    serbia.status = CountryStatus.MEDITERRANEAN_PARTNER
    publish(serbia)
    html = client.get("/en/").content.decode()
    link = map_link(html, serbia.url)
    assert "region-map__operation" not in link
    assert "region-map__country--mediterranean" in link


def test_org_chart_is_drawn_from_the_structure_tree(client, page_at):
    html = client.get("/en/structures/organizational-structure/").content.decode()
    assert 'id="organizational-chart"' in html
    chart = html[html.index('id="organizational-chart"') :]
    live = StructurePage.objects.live().filter(locale__language_code="en")
    for structure in live.filter(closed__isnull=True).exclude(slug="closed-field-activities"):
        assert f'href="{structure.url}"' in chart, structure.title
    # A group that only holds closed structures is left out with them.
    assert 'href="/en/structures/closed-field-activities/"' not in chart
    for structure in live.filter(closed__isnull=False):
        assert f'href="{structure.url}"' not in chart, structure.title
    # Nesting follows the tree: a unit sits in its office's list.
    office = chart.index(page_at("/structures/secretariat/office-of-the-secretary-general/").url)
    unit = chart.index(
        page_at("/structures/secretariat/office-of-the-secretary-general/records-management/").url
    )
    assert office < unit

    # Not on every standard page.
    assert (
        'id="organizational-chart"' not in client.get("/en/about-us/our-history/").content.decode()
    )


def test_org_chart_shows_a_renamed_and_a_new_structure(client, page_at):
    client.get("/en/structures/")  # warm the cache
    secretariat = page_at("/structures/secretariat/")
    secretariat.title = "General Secretariat"
    publish(secretariat)
    secretariat.add_child(
        instance=StructurePage(
            title="Data Protection Office", slug="dpo", kind=StructureKind.OFFICE
        )
    )
    html = client.get("/en/structures/").content.decode()
    chart = html[html.index('id="organizational-chart"') :]
    assert "General Secretariat" in chart
    assert "Data Protection Office" in chart


def test_timeline_lists_current_and_closed_field_operations(client, page_at):
    html = client.get("/en/structures/field-operations/").content.decode()
    timeline = html[html.index('id="timeline"') :]
    operations = StructurePage.objects.live().filter(
        locale__language_code="en", kind=StructureKind.FIELD_OPERATION
    )
    assert operations.filter(closed__isnull=False).exists()
    for op in operations:
        assert f'href="{op.url}"' in timeline, op.title
    assert '<time datetime="1992-09-18">1992</time>' in timeline  # Skopje

    skopje = page_at("/structures/field-operations/mission-to-skopje/")
    skopje.established = datetime.date(1994, 3, 1)
    publish(skopje)
    timeline = client.get("/en/structures/field-operations/").content.decode()
    assert '<time datetime="1994-03-01">1994</time>' in timeline
    assert '<time datetime="1992-09-18">' not in timeline


def test_visuals_cost_no_query_once_cached(client, django_assert_max_num_queries):
    client.get("/en/")
    client.get("/en/structures/")
    # A second request reads the fragments from the cache: the page's own
    # queries only, the same as before the visuals were added.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/en/")
    assert not [q for q in queries if "countries_countrypage" in q["sql"]]


@pytest.fixture
def photo():
    image = Image.objects.create(
        title="Observers at a polling station",
        file=ImageFile(get_test_image_file(size=(1600, 900)), name="photo.png"),
    )
    yield image
    for rendition in image.renditions.all():
        rendition.file.delete(save=False)
    image.file.delete(save=False)


def test_cards_and_item_pages_use_responsive_modern_renditions(client, page_at, photo):
    item = NewsPageFactory(parent=page_at("/news/"), image=photo, date=datetime.date(2031, 1, 1))
    home = client.get("/en/").content.decode()
    card = home[home.index("<picture>") : home.index("</picture>") + 10]
    assert 'type="image/avif"' in card
    assert re.search(r'srcset="[^"]+\.avif 400w, [^"]+\.avif 800w"', card)
    assert re.search(r'<img[^>]+alt=""', card), "the card's title names it; the image is decorative"
    assert "sizes=" in card

    page = client.get(item.url).content.decode()
    figure = page[page.index('class="item-figure"') :]
    assert re.search(r'srcset="[^"]+\.avif 480w, [^"]+\.avif 800w, [^"]+\.avif 1200w"', figure)
    assert re.search(r"<img[^>]+\.webp", figure)
    assert 'alt="Observers at a polling station"' in figure
