"""Pages behind a view restriction (password, login, groups) are private in
every language: the page asks for its password or a login at its ``/en/`` and
``/fr/`` addresses (never a 404), and neither it nor its descendants appear in
listings, counts, feeds, calendars, the home page, lists on hubs, search, the
sitemap, menus, the org chart or the map. Removing the restriction brings
everything back. Each test first checks that the item is shown while public,
so that an absence means something."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from portal.core.models import StandardPage
from portal.events.factories import EventPageFactory
from portal.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-shared-secret"
MARKER = "Zephyrine"  # in the title of every private item: found nowhere else
TITLES = (f"{MARKER} briefing", f"{MARKER} consultation")  # the search page echoes MARKER
KINDS = [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS]


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=PASSWORD if kind == "password" else ""
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get_or_create(name="Delegations")[0])
    return restriction


def french(page):
    return page.get_translation(Locale.objects.get(language_code="fr"))


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def sitemap_urls(client):
    """Every <loc> of the sitemap, following a sitemap index if there is one."""
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    found, queue = [], ["/sitemap.xml"]
    while queue:
        root = ET.fromstring(client.get(queue.pop()).content)
        locs = [loc.text for loc in root.iter(f"{namespace}loc")]
        if root.tag == f"{namespace}sitemapindex":
            queue += [re.sub(r"^https?://[^/]+", "", loc) for loc in locs]
        else:
            found += locs
    return found


@pytest.fixture
def places(page_at):
    """Where a news item and an upcoming event tagged with policing show, in
    English and in French."""
    policing = page_at("/our-work/fields-of-work/policing/")
    news, events = page_at("/news/"), page_at("/events/")
    urls = ["/en/", "/fr/", news.url, events.url, policing.url]
    urls += [f"{news.url}feed/rss/", f"{news.url}feed/atom/", f"{events.url}ical/"]
    urls += [f"/en/search/?q={MARKER}"]  # search reads one language: these are English
    with translation.override("fr"):
        urls += [french(news).url, french(events).url, french(policing).url]
        urls += [f"{french(news).url}feed/rss/"]
    return urls


@pytest.fixture
def section(home):
    """A section of the site holding private content."""
    return home.add_child(instance=StandardPage(title="Delegations' area", slug="delegations"))


def private_items(page_at, terms, parent_of_news=None, parent_of_event=None):
    tags = {"fields_of_work": [terms["policing"]], "countries": [terms["serbia"]]}
    today = datetime.date.today()
    news = NewsPageFactory(
        parent=parent_of_news or page_at("/news/"),
        title=TITLES[0],
        slug="zephyrine-briefing",
        date=today,
        tags=tags,
    )
    event = EventPageFactory(
        parent=parent_of_event or page_at("/events/"),
        title=TITLES[1],
        slug="zephyrine-consultation",
        date=today + datetime.timedelta(days=3),
        tags=tags,
    )
    return news, event


def shown_in(client, urls, again=False):
    """The pages among ``urls`` that show a private item's title (search
    marks the words it matched: tags are left out). ``again``: read each page
    a second time, since a listing's length comes from counts refreshed just
    after the first response that finds them stale (docs/caching.md); a
    private item never shows, even then, as items are read from the index."""
    if again:
        for url in urls:
            client.get(url)
    texts = {url: re.sub(r"<[^>]+>", "", html_of(client, url)) for url in urls}
    return [url for url in urls if any(title in texts[url] for title in TITLES)]


def year_count(client, url):
    """The number of items the listing counts for this year (counts are
    refreshed after the response that finds them stale: read twice)."""
    client.get(url)
    facets = {facet.name: facet for facet in client.get(url).context["facets"]}
    year = str(datetime.date.today().year)
    return next((o.count for o in facets["year"].options if o.value == year), 0)


@pytest.mark.parametrize("kind", KINDS)
def test_a_restricted_item_is_in_no_list_count_feed_search_or_sitemap(
    client, page_at, terms, places, kind
):
    news, event = private_items(page_at, terms)
    addresses = {
        "http://testserver/en/news/zephyrine-briefing/",
        "http://testserver/en/events/zephyrine-consultation/",
    }
    assert shown_in(client, places) == places
    counted = year_count(client, "/en/news/")
    assert addresses <= set(sitemap_urls(client))

    restrictions = [restrict(news, kind), restrict(event, kind)]
    assert shown_in(client, places) == []
    assert year_count(client, "/en/news/") == counted - 1
    assert not addresses & set(sitemap_urls(client))

    for restriction in restrictions:
        restriction.delete()
    assert shown_in(client, places, again=True) == places
    assert year_count(client, "/en/news/") == counted


@pytest.mark.parametrize("kind", KINDS)
def test_the_descendants_of_a_restricted_section_are_private_too(
    client, page_at, terms, places, section, kind
):
    private_items(page_at, terms, parent_of_news=section, parent_of_event=section)
    assert shown_in(client, places) == places
    restriction = restrict(section, kind)
    assert shown_in(client, places) == []
    restriction.delete()
    assert shown_in(client, places, again=True) == places


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_password_protected_page_asks_for_its_password_under_each_prefix(
    client, page_at, terms, language
):
    news, _event = private_items(page_at, terms)
    restrict(news, PageViewRestriction.PASSWORD)
    address = f"/{language}/news/zephyrine-briefing/"  # /fr/: the English fallback

    response = client.get(address)
    assert response.status_code == 200
    html = response.content.decode()
    assert TITLES[0] not in html
    action = re.search(r'action="([^"]+)"', html).group(1)
    assert action.startswith(f"/{language}/_util/authenticate_with_password/")

    wrong = client.post(action, {"password": "guess", "return_url": address})
    assert wrong.status_code == 200 and TITLES[0] not in wrong.content.decode()
    right = client.post(action, {"password": PASSWORD, "return_url": address})
    assert right.status_code == 302 and right["Location"] == address
    assert TITLES[0] in html_of(client, address)


@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_login_restricted_page_sends_to_the_login_form_under_each_prefix(
    client, page_at, terms, kind, language, django_user_model
):
    news, _event = private_items(page_at, terms)
    restriction = restrict(news, kind)
    address = f"/{language}/news/zephyrine-briefing/"

    response = client.get(address)
    assert response.status_code == 302
    login = response["Location"]
    assert login.startswith(f"/{language}/_util/login/?next=")
    assert client.get(login).status_code == 200

    member = django_user_model.objects.create_user("delegate", password=PASSWORD)
    member.groups.set(restriction.groups.all())
    assert client.post(login, {"username": "delegate", "password": PASSWORD}).status_code == 302
    assert TITLES[0] in html_of(client, address)


def test_a_restricted_structure_leaves_the_org_chart_map_and_country_pages(client, page_at):
    mission = page_at("/structures/field-operations/mission-to-serbia/")
    serbia = page_at("/countries/serbia/")
    english = "/en/structures/field-operations/mission-to-serbia/"
    with translation.override("fr"):
        french_serbia = french(serbia).url
    # A French reader's links to the untranslated mission are under /fr/.
    places = {
        "/en/structures/": english,  # the org chart
        "/en/structures/field-operations/": english,  # the timeline
        "/en/countries/": english,  # the map
        "/en/countries/serbia/": english,
        "/fr/": english.replace("/en/", "/fr/"),  # the map
        french_serbia: english.replace("/en/", "/fr/"),
    }

    def linked():
        return [url for url, link in places.items() if f'href="{link}"' in html_of(client, url)]

    assert linked() == list(places)
    restriction = restrict(mission, PageViewRestriction.LOGIN)
    assert linked() == []
    restriction.delete()
    assert linked() == list(places)


def test_a_restricted_page_leaves_the_menus(client, page_at):
    """The main menu links to "Our history"; restricted, it is gone from the
    menu in every language."""
    history = page_at("/about-us/our-history/")
    news = page_at("/news/")
    with translation.override("fr"):
        shown = french(history) if history.has_translation(french(news).locale) else history
        places = {"/en/news/": "/en/about-us/our-history/", french(news).url: shown.url}

    def linked():
        return [url for url, link in places.items() if f'href="{link}"' in html_of(client, url)]

    assert linked() == list(places)
    restriction = restrict(history, PageViewRestriction.PASSWORD)
    assert linked() == []
    restriction.delete()
    assert linked() == list(places)
