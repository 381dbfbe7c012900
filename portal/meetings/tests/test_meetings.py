"""Meetings: the series lists its meetings by year, a meeting shows its facts,
delegations and documents by role, and a decision names its meeting."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from portal.meetings.factories import MeetingPageFactory
from portal.meetings.models import MeetingPage

pytestmark = pytest.mark.django_db


def test_series_lists_its_latest_year_with_a_year_navigation(client, pc_meeting):
    series = pc_meeting["series"]
    MeetingPageFactory(parent=series, title="A meeting of 2023", start=datetime.date(2023, 3, 2))
    html = client.get(series.url).content.decode()
    assert "Meetings in 2024" in html
    assert pc_meeting["meeting"].url in html
    assert "A meeting of 2023" not in html
    assert f'href="{series.url}2023/"' in html
    assert f'href="{series.url}2024/" aria-current="page"' in html
    older = client.get(f"{series.url}2023/").content.decode()
    assert "A meeting of 2023" in older and pc_meeting["meeting"].url not in older


def test_series_links_to_its_bodys_decisions_of_the_year(client, pc_meeting, page_at):
    html = client.get(pc_meeting["series"].url).content.decode()
    assert f'href="{page_at("/resources/").url}decisions/pc/2024/"' in html
    assert "Decisions of the Permanent Council in 2024" in html


@pytest.mark.parametrize("year", ["1999", "2200", "abcd"])
def test_a_year_without_meetings_is_not_found(client, pc_meeting, year):
    response = client.get(f"{pc_meeting['series'].url}{year}/")
    assert response.status_code == 404


def test_meeting_page_shows_facts_documents_by_role_and_delegations(client, pc_meeting):
    meeting = pc_meeting["meeting"]
    response = client.get(meeting.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hofburg, Vienna" in html
    assert 'href="https://webcast.example.org/pc/1480"' in html
    assert pc_meeting["series"].url in html
    journal_at = html.index('id="documents-journal"')
    decisions_at = html.index('id="documents-decision"')
    assert journal_at < decisions_at
    assert html.index(pc_meeting["journal"].url) > journal_at
    assert html.index(pc_meeting["decision"].url) > decisions_at
    assert pc_meeting["revision"].url in html
    # The corrigendum names no meeting: it is reached from its decision.
    assert pc_meeting["corrigendum"].url not in html
    assert 'id="delegations"' in html and "/countries/serbia/" in html


def test_a_meeting_in_russian_is_a_fallback_with_russian_labels(client, pc_meeting):
    url = pc_meeting["meeting"].url.replace("/en/", "/ru/", 1)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Решения" in html and "Журнал" in html
    assert pc_meeting["decision"].url.replace("/en/", "/ru/", 1) in html


def test_decision_page_names_the_meeting_that_adopted_it(client, pc_meeting):
    html = client.get(pc_meeting["decision"].url).content.decode()
    assert f'href="{pc_meeting["meeting"].url}"' in html
    assert pc_meeting["meeting"].title in html


def test_meeting_dates_are_checked(pc_meeting):
    meeting = pc_meeting["meeting"]
    meeting.end = meeting.start - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        meeting.full_clean()
    assert "end" in excinfo.value.message_dict


def test_meetings_stand_only_under_a_series(page_at):
    assert not MeetingPage.can_exist_under(page_at("/news/"))
    assert MeetingPage.can_exist_under(
        page_at("/our-work/meetings-and-conferences/ministerial-council-meetings/")
    )


def test_reference_meetings_are_loaded(page_at, client):
    malta = page_at(
        "/our-work/meetings-and-conferences/ministerial-council-meetings/2024-valletta/"
    )
    assert (malta.start, malta.end, malta.venue) == (
        datetime.date(2024, 12, 5),
        datetime.date(2024, 12, 6),
        "Valletta, Malta",
    )
    series = malta.get_parent().specific
    assert series.issuing_body == "MC"
    assert malta.url in client.get(series.url).content.decode()


def test_editors_add_a_meeting_with_its_delegations(admin_client, pc_meeting):
    series = pc_meeting["series"]
    response = admin_client.get(f"/admin/pages/add/meetings/meetingpage/{series.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("number", "start", "end", "venue", "webcast_url", "recording_url"):
        assert f'name="{field}"' in html, field
    assert "country_tags-TOTAL_FORMS" in html
    edit = admin_client.get(f"/admin/pages/{pc_meeting['decision'].pk}/edit/").content.decode()
    assert 'name="meeting"' in edit and 'name="meeting_role"' in edit


def test_meetings_are_a_search_type(client):
    response = client.get("/en/search/", {"q": "Valletta", "type": "meeting"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "/ministerial-council-meetings/2024-valletta/" in html
    assert "Meetings" in html
