"""Countries, structures, posts and fields of work link to each other both ways,
and every list is computed from tags."""

import datetime

import pytest

from portal.countries.models import Chairpersonship
from portal.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def main_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode().split('id="main-content"', 1)[1]


def test_field_operation_shows_country_head_and_fields(client, page_at):
    mission = page_at("/structures/field-operations/mission-to-serbia/")
    html = main_html(client, mission)
    assert page_at("/countries/serbia/").url in html
    assert page_at("/our-work/fields-of-work/policing/").url in html
    assert "Belgrade" in html
    assert "11 January 2001" in html


def test_head_post_and_structure_link_both_ways(client, page_at):
    post = page_at("/about-us/leadership/head-of-the-osce-mission-to-moldova/")
    structure = page_at("/structures/field-operations/mission-to-moldova/")
    assert structure.url in main_html(client, post)
    assert post.url in main_html(client, structure)


def test_country_shows_its_field_operations(client, page_at):
    html = main_html(client, page_at("/countries/serbia/"))
    assert page_at("/structures/field-operations/mission-to-serbia/").url in html
    assert "/structures/field-operations/mission-to-skopje/" not in html


def test_field_of_work_lists_are_computed_from_tags(client, page_at):
    policing = page_at("/our-work/fields-of-work/policing/")
    html = main_html(client, policing)
    for slug in ("presence-in-albania", "mission-to-serbia", "project-co-ordinator-in-uzbekistan"):
        assert f"/structures/field-operations/{slug}/" in html
    assert "27 March 1997" in html
    assert "strategic-police-matters-unit/" in html

    news = NewsPageFactory(
        parent=page_at("/news/"),
        title="Community policing workshop",
        tags={"fields_of_work": [policing.term]},
    )
    assert news.url in main_html(client, policing)
    untagged = page_at("/our-work/fields-of-work/youth/")
    assert news.url not in main_html(client, untagged)


def test_retagging_a_structure_moves_it_between_fields(client, page_at):
    mission = page_at("/structures/field-operations/mission-to-serbia/")
    youth = page_at("/our-work/fields-of-work/youth/")
    assert mission.url not in main_html(client, youth)
    mission.set_tags("fields_of_work", [*mission.tag_ids("fields_of_work"), youth.term_id])
    mission.save_revision().publish()
    assert mission.url in main_html(client, youth)


def test_chairpersonship_is_derived_from_the_year(client, page_at):
    switzerland = page_at("/countries/switzerland/")
    Chairpersonship.objects.update_or_create(
        year=datetime.date.today().year, defaults={"country": switzerland.term}
    )
    index_html = main_html(client, page_at("/countries/"))
    assert "Chairpersonship" in index_html
    country_html = main_html(client, switzerland)
    assert f"Chairpersonship {datetime.date.today().year}" in country_html
    assert switzerland.title == "Switzerland", "never part of the name"
