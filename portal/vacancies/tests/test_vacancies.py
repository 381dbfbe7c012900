"""Vacancies: the page, the listing's filters and feed, the closing rule at
the deadline (time travel), and the importer with the test feed."""

import copy
import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from freezegun import freeze_time
from wagtail.models import Locale

from portal.listings.query import ListingQuery
from portal.vacancies.factories import VacancyPageFactory
from portal.vacancies.importer import FeedError, import_feed
from portal.vacancies.models import VacancyPage

pytestmark = pytest.mark.django_db

FEED = Path(__file__).with_name("feed.json")
UTC = datetime.UTC


def at(*args):
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.fixture
def listing(page_at):
    return page_at("/about-us/employment/vacancies/")


@pytest.fixture
def two(listing, page_at):
    """One vacancy closing on 1 June 2030 at noon UTC, one on 1 July."""
    secretariat = page_at("/structures/secretariat/").term
    early = VacancyPageFactory(
        parent=listing,
        title="Early closing post",
        date=datetime.date(2030, 5, 1),
        deadline=at(2030, 6, 1, 12),
        grade="P-3",
        duty_station="vienna",
        tags={"structures": [secretariat]},
    )
    late = VacancyPageFactory(
        parent=listing,
        title="Late closing post",
        date=datetime.date(2030, 5, 2),
        deadline=at(2030, 7, 1, 12),
        grade="G-5",
        duty_station="warsaw",
        contract_type="seconded",
    )
    return early, late


def test_vacancy_leaves_listing_and_feed_at_its_deadline(client, listing, two):
    early, late = two
    with freeze_time(at(2030, 6, 1, 11, 59)):
        html = client.get(listing.url).content.decode()
        assert "Early closing post" in html and "Late closing post" in html
        assert "of 2 results" in html
        rss = client.get(listing.url + "feed/rss/").content.decode()
        assert "Early closing post" in rss
        # The cached copies expire when the early one closes (61 seconds from now).
        response = client.get(listing.url)
        assert "max-age=61" in response["Cache-Control"]
    with freeze_time(at(2030, 6, 1, 12, 0, 1)):
        html = client.get(listing.url).content.decode()
        assert "Early closing post" not in html and "Late closing post" in html
        assert "1 result" in html
        for path in ("feed/rss/", "feed/atom/"):
            feed = client.get(listing.url + path).content.decode()
            assert "Early closing post" not in feed and "Late closing post" in feed
        page = client.get(early.url).content.decode()
        assert "This vacancy is closed" in page
    with freeze_time(at(2030, 7, 2)):
        html = client.get(listing.url).content.decode()
        assert "There are no open vacancies at the moment." in html


def test_query_counts_only_open_vacancies(listing, two):
    locale = listing.locale
    assert ListingQuery("vacancies", locale, {}, now=at(2030, 5, 15)).total() == 2
    assert ListingQuery("vacancies", locale, {}, now=at(2030, 6, 15)).total() == 1
    query = ListingQuery("vacancies", locale, {"grade": "P-3"}, now=at(2030, 5, 15))
    assert [p.title for p in query.results()[:10]] == ["Early closing post"]
    assert query.next_closing() == at(2030, 6, 1, 12)


@pytest.mark.parametrize(
    "params,titles",
    [
        ({"grade": "G-5"}, ["Late closing post"]),
        ({"duty_station": "vienna"}, ["Early closing post"]),
        ({"contract_type": "seconded"}, ["Late closing post"]),
        ({"structure": "secretariat"}, ["Early closing post"]),
    ],
)
def test_listing_filters(client, listing, two, params, titles):
    with freeze_time(at(2030, 5, 15)):
        html = client.get(listing.url, params).content.decode()
    results = html.split('id="results-heading"')[1]
    for title in ("Early closing post", "Late closing post"):
        assert (title in results) == (title in titles)


def test_bad_filter_is_a_400_in_the_visitors_language(client, listing, two):
    with freeze_time(at(2030, 5, 15)):
        french = listing.get_translation(Locale.objects.get(language_code="fr"))
        response = client.get(french.url, {"grade": "Z-1"})
    assert response.status_code == 400
    assert "filtre" in response.content.decode()


def test_open_vacancy_page_expires_at_deadline(client, two):
    early, _late = two
    with freeze_time(at(2030, 6, 1, 11, 58)):
        response = client.get(early.url)
    html = response.content.decode()
    assert "This vacancy is closed" not in html
    assert "VNTEST" in html and "P-3" in html
    assert "max-age=121" in response["Cache-Control"]
    assert "stale-while-revalidate=0" in response["Cache-Control"]
    # The deadline is shown in its own time zone (Vienna: UTC+2 in June).
    assert 'datetime="2030-06-01T14:00:00+02:00"' in html


def test_importer_creates_updates_and_unpublishes(listing, tmp_path):
    out, err = StringIO(), StringIO()
    call_command("import_vacancies", str(FEED), stdout=out, stderr=err)
    assert "3 created, 0 updated, 0 unchanged, 0 unpublished, 4 skipped" in out.getvalue()
    assert "record 4 (VNBAD00404): grade" in err.getvalue()
    assert "record 5 (VNBAD00505): structure: unknown structure 'ministry-of-nowhere'" in (
        err.getvalue()
    )
    assert "record 6: reference" in err.getvalue()
    assert "record 7: " in err.getvalue()
    adviser = VacancyPage.objects.get(reference_number="VNSECS00101")
    assert adviser.live and adviser.imported and adviser.get_parent().pk == listing.pk
    assert adviser.grade == "P-3" and adviser.duty_station == "vienna"
    assert adviser.deadline == at(2030, 6, 1, 21, 59)  # 23:59 in Vienna, summer time
    assert adviser.tagged_terms("structures").get().slug == "transnational-threats-department"
    analyst = VacancyPage.objects.get(reference_number="VNODIH00202")
    assert analyst.deadline == at(2030, 5, 20, 10)

    # The same feed again: nothing changes.
    assert import_feed(str(FEED)).summary() == (
        "0 created, 0 updated, 3 unchanged, 0 unpublished, 4 skipped"
    )

    # One vacancy changed, one gone.
    data = json.loads(FEED.read_text())
    changed = copy.deepcopy(data)
    changed["vacancies"][0]["deadline"] = "2030-06-08T23:59:00"
    del changed["vacancies"][2]
    second = tmp_path / "second.json"
    second.write_text(json.dumps(changed))
    report = import_feed(str(second))
    assert report.updated == ["VNSECS00101"]
    assert report.unchanged == ["VNODIH00202"]
    assert report.unpublished == ["VNSECG00303"]
    assert not VacancyPage.objects.get(reference_number="VNSECG00303").live
    assert VacancyPage.objects.get(reference_number="VNSECS00101").deadline == at(
        2030, 6, 8, 21, 59
    )
    # Back in the feed: published again (and the first one's deadline restored).
    assert import_feed(str(FEED)).updated == ["VNSECS00101", "VNSECG00303"]
    assert VacancyPage.objects.filter(live=True, imported=True).count() == 3


def test_importer_refuses_unreadable_feeds_and_changes_nothing(listing, tmp_path):
    VacancyPageFactory(parent=listing, imported=True, reference_number="VNKEEP00001")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(CommandError):
        call_command("import_vacancies", str(broken))
    with pytest.raises(FeedError):
        import_feed(str(tmp_path / "missing.json"))
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"vacancies": ["nothing valid"]}))
    assert import_feed(str(empty)).unpublished == []
    assert VacancyPage.objects.get(reference_number="VNKEEP00001").live


def test_periodic_job_imports_the_configured_feed(listing, settings):
    from portal.core.jobs import PERIODIC_JOBS
    from portal.vacancies.tasks import import_vacancies_feed

    assert import_vacancies_feed in [job.task for job in PERIODIC_JOBS.values()]
    settings.VACANCIES_FEED_URL = ""
    import_vacancies_feed.call()
    assert not VacancyPage.objects.exists()
    settings.VACANCIES_FEED_URL = str(FEED)
    import_vacancies_feed.call()
    assert VacancyPage.objects.filter(live=True).count() == 3


def test_every_language_lists_the_same_vacancies(client, listing, two):
    from portal.translations.tests.parity import Targets
    from portal.translations.tests.test_parity import differences

    targets = Targets()
    with freeze_time(at(2030, 5, 15)):
        found = differences(client, listing, targets) + differences(client, two[0], targets)
    assert found == []


def test_the_page_cache_serves_no_copy_past_the_deadline(client, listing, two, settings):
    """With the page cache on: the listing is a hit before the early deadline,
    and the first request after it renders afresh (no stale copy, which the
    site otherwise serves for PAGE_CACHE_STALE_WHILE_REVALIDATE seconds)."""
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    try:
        with freeze_time(at(2030, 6, 1, 11, 59, 30)) as frozen:
            first = client.get(listing.url)
            assert first["X-Cache"] == "miss" and "Early closing post" in first.content.decode()
            assert client.get(listing.url)["X-Cache"] == "hit"
            frozen.move_to(at(2030, 6, 1, 12, 0, 2))
            after = client.get(listing.url)
            assert after["X-Cache"] == "miss"
            assert "Early closing post" not in after.content.decode()
    finally:
        caches["pages"].clear()
