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


def test_rendered_main_menu_is_cached_per_position(client, home, page_at):
    from django.core.cache import cache

    from portal.navigation.templatetags.navigation_tags import _urls

    client.get(home.url)
    keys_before = {k for k in cache._cache if ":main:html:" in k}
    policing = page_at("/our-work/fields-of-work/policing/")
    html = client.get(policing.url).content.decode()
    assert f'href="{policing.url}" aria-current="page"' in html
    assert html.count('aria-current="page"') >= 1
    # A page outside the menu's links, in the same section, shares a rendering.
    news = page_at("/news/").get_children().first()
    client.get(news.url)
    client.get(page_at("/about-us/our-history/").url)
    keys_after = {k for k in cache._cache if ":main:html:" in k}
    assert len(keys_after - keys_before) <= 3
    assert policing.url in set(_urls(get_menu("main")))


def test_a_link_to_a_page_not_yet_translated_says_so(home, client):
    """The Russian footer links to the accessibility statement, which has no
    Russian translation: its English title carries lang="en" and the mark."""
    from django.utils import translation

    with translation.override("ru"):
        links = {link["title"]: link for link in get_menu("footer_secondary")}
    statement = links["Accessibility statement"]
    assert statement["lang"] == "en"
    assert all(
        link.get("lang") != "en" for title, link in links.items() if title != statement["title"]
    )
    html = client.get("/ru/", follow=True).content.decode()
    assert 'lang="en">Accessibility statement</a> <span class="fallback-mark" lang="ru">' in html
    with translation.override("en"):
        assert not any(link.get("lang") for link in get_menu("footer_secondary"))
