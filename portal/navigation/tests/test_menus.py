import pytest

from portal.navigation.menus import get_menu

pytestmark = pytest.mark.django_db


def test_main_menu_has_the_four_sections(home):
    menu = get_menu("main")
    assert [s["title"] for s in menu] == [
        "Our work",
        "Countries",
        "Structures and institutions",
        "About us",
    ]
    fields = menu[0]["children"][0]
    assert fields["title"] == "Fields of work"
    assert len(fields["children"]) == 23
    countries = {g["title"]: g for g in menu[1]["children"]}
    assert len(countries["Participating States"]["children"]) == 57
    assert countries["Participating States"]["url"] == "/en/countries/participating-states/"


def test_menu_is_cached_and_follows_publishing(home, page_at, django_assert_max_num_queries):
    get_menu("main")
    with django_assert_max_num_queries(1):
        get_menu("main")
    policing = page_at("/our-work/fields-of-work/policing/")
    policing.title = "Policing and security"
    policing.save_revision().publish()
    titles = [link["title"] for link in get_menu("main")[0]["children"][0]["children"]]
    assert "Policing and security" in titles


def test_unpublished_pages_leave_the_menu(home, page_at):
    youth = page_at("/our-work/fields-of-work/youth/")
    youth.unpublish()
    titles = [link["title"] for link in get_menu("main")[0]["children"][0]["children"]]
    assert "Youth" not in titles
    assert len(titles) == 22


def test_meta_and_footer_menus(home):
    assert [link["title"] for link in get_menu("meta")] == ["Impact", "News", "Events", "Resources"]
    assert len(get_menu("footer")) == 6
    assert all(link.get("external") for link in get_menu("social"))


def test_current_chairpersonship_is_marked_in_the_menu(home, page_at):
    import datetime

    from portal.countries.models import Chairpersonship

    year = datetime.date.today().year
    austria = page_at("/countries/austria/")
    Chairpersonship.objects.update_or_create(year=year, defaults={"country": austria.term})
    states = next(
        g for g in get_menu("main")[1]["children"] if g["title"] == "Participating States"
    )
    marked = {link["title"]: link.get("chair_year") for link in states["children"]}
    assert marked["Austria"] == year
    assert marked["Finland"] is None
