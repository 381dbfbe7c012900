"""Editors of election follow-up keep recommendations and their yearly
assessments in the admin; other groups cannot."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.elections.factories import (
    ElectionPageFactory,
    FollowUpFactory,
    RecommendationFactory,
)
from portal.elections.models import FollowUp, Theme

pytestmark = pytest.mark.django_db


def member(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def recommendation(page_at, terms):
    election = ElectionPageFactory(
        parent=page_at("/our-work/elections/"),
        title="Moldova, admin test election",
        date=datetime.date(2021, 7, 11),
        tags={"countries": [terms["moldova"]]},
    )
    return RecommendationFactory(election=election, number=1, themes=["media"])


def test_follow_up_editors_record_a_status(client, recommendation):
    client.force_login(member("odihr", "Election follow-up editors"))
    url = f"/admin/snippets/elections/recommendation/edit/{recommendation.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    media = Theme.objects.get(code="media")
    response = client.post(
        url,
        {
            "election": recommendation.election_id,
            "number": "1",
            "text": recommendation.text,
            "themes": [media.pk],
            "priority": "on",
            "follow_ups-TOTAL_FORMS": "1",
            "follow_ups-INITIAL_FORMS": "0",
            "follow_ups-MIN_NUM_FORMS": "0",
            "follow_ups-MAX_NUM_FORMS": "1000",
            "follow_ups-0-year": "2025",
            "follow_ups-0-status": "mostly",
            "follow_ups-0-source": "Final report on the 2025 elections",
            "follow_ups-0-source_url": "",
            "follow_ups-0-ORDER": "1",
            "follow_ups-0-id": "",
            "follow_ups-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    recommendation.refresh_from_db()
    assert recommendation.priority
    (follow_up,) = FollowUp.objects.filter(recommendation=recommendation)
    assert (follow_up.year, follow_up.status) == (2025, "mostly")


def test_section_editors_cannot_change_recommendations(client, recommendation):
    client.force_login(member("writer", "Mission to Serbia — editors"))
    url = f"/admin/snippets/elections/recommendation/edit/{recommendation.pk}/"
    assert client.get(url).status_code in (302, 403)


LIST = "/admin/snippets/elections/recommendation/"


@pytest.fixture
def assessed(page_at, terms):
    """Three recommendations: one fully implemented now but partially in an
    earlier year, one partially implemented now, one never assessed."""
    election = ElectionPageFactory(
        parent=page_at("/our-work/elections/"),
        title="Moldova, admin filter election",
        date=datetime.date(2021, 7, 11),
        tags={"countries": [terms["moldova"]]},
    )
    now_fully = RecommendationFactory(election=election, number=1)
    FollowUpFactory(recommendation=now_fully, year=2023, status="partially")
    FollowUpFactory(recommendation=now_fully, year=2025, status="fully")
    now_partially = RecommendationFactory(election=election, number=2)
    FollowUpFactory(recommendation=now_partially, year=2025, status="partially")
    never = RecommendationFactory(election=election, number=3)
    return {"now_fully": now_fully, "now_partially": now_partially, "never": never}


def listed(client, **params):
    response = client.get(LIST, params)
    assert response.status_code == 200
    return {row.pk for row in response.context["object_list"]}


def test_the_status_filter_reads_the_current_status_only(client, assessed):
    client.force_login(member("odihr", "Election follow-up editors"))
    ids = {name: r.pk for name, r in assessed.items()}
    # The 2023 "partially" of the first one is history: it is fully implemented now.
    assert listed(client, current_status="partially") == {ids["now_partially"]}
    assert listed(client, current_status="fully") == {ids["now_fully"]}
    assert listed(client, current_status="not_assessed") == {ids["never"]}
    assert listed(client, current_status="mostly") == set()
    assert listed(client) == set(ids.values())


def test_the_list_shows_the_current_status(client, assessed):
    client.force_login(member("odihr", "Election follow-up editors"))
    html = client.get(LIST).content.decode()
    assert "Current status" in html
    assert "Fully implemented" in html and "Not yet assessed" in html


def test_the_list_costs_the_same_queries_for_two_rows_or_eight(
    client, page_at, terms, django_assert_max_num_queries
):
    client.force_login(member("odihr", "Election follow-up editors"))
    listing = page_at("/our-work/elections/")

    def add(count, first_number):
        for i in range(count):
            election = ElectionPageFactory(
                parent=listing,
                title=f"Serbia, admin list election {first_number + i}",
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=first_number + i),
                tags={"countries": [terms["serbia"]]},
            )
            recommendation = RecommendationFactory(election=election, number=1, themes=["media"])
            FollowUpFactory(recommendation=recommendation, year=2025, status="mostly")

    def cost():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    add(2, 0)
    cost()  # warm the caches a first request fills
    two = cost()
    add(6, 10)
    with django_assert_max_num_queries(two):
        response = client.get(LIST)
    assert len(response.context["object_list"]) == 8


def form_data(recommendation, follow_ups):
    """The edit form's fields with these inline assessments: dicts of
    year, status and, for a recorded one, its id and whether to delete it."""
    data = {
        "election": recommendation.election_id,
        "number": str(recommendation.number),
        "text": recommendation.text,
        "themes": [],
        "follow_ups-TOTAL_FORMS": str(len(follow_ups)),
        "follow_ups-INITIAL_FORMS": str(sum(1 for f in follow_ups if f.get("id"))),
        "follow_ups-MIN_NUM_FORMS": "0",
        "follow_ups-MAX_NUM_FORMS": "1000",
    }
    for n, follow_up in enumerate(follow_ups):
        prefix = f"follow_ups-{n}-"
        data.update(
            {
                prefix + "year": str(follow_up["year"]),
                prefix + "status": follow_up["status"],
                prefix + "source": "Final report of a later election",
                prefix + "source_url": "",
                prefix + "ORDER": str(n + 1),
                prefix + "id": str(follow_up.get("id", "")),
                prefix + "DELETE": "on" if follow_up.get("delete") else "",
            }
        )
    return data


def test_the_stored_status_follows_assessments_edited_inline(client, recommendation):
    """Saving a recommendation with its inline assessments stores the status of
    the latest one, whether it was added, changed or deleted in the form."""
    client.force_login(member("odihr", "Election follow-up editors"))
    url = f"/admin/snippets/elections/recommendation/edit/{recommendation.pk}/"

    def save(follow_ups):
        response = client.post(url, form_data(recommendation, follow_ups))
        assert response.status_code == 302, response.content.decode()[:2000]
        recommendation.refresh_from_db()
        return recommendation.latest_status, recommendation.latest_year

    assert save([{"year": 2023, "status": "partially"}]) == ("partially", 2023)
    first = FollowUp.objects.get(recommendation=recommendation)
    added = [
        {"id": first.pk, "year": 2023, "status": "partially"},
        {"year": 2025, "status": "mostly"},
    ]
    assert save(added) == ("mostly", 2025)
    second = FollowUp.objects.get(recommendation=recommendation, year=2025)
    changed = [
        {"id": first.pk, "year": 2023, "status": "partially"},
        {"id": second.pk, "year": 2025, "status": "fully"},
    ]
    assert save(changed) == ("fully", 2025)
    deleted = [
        {"id": first.pk, "year": 2023, "status": "partially"},
        {"id": second.pk, "year": 2025, "status": "fully", "delete": True},
    ]
    assert save(deleted) == ("partially", 2023)
    all_deleted = [{"id": first.pk, "year": 2023, "status": "partially", "delete": True}]
    assert save(all_deleted) == ("not_assessed", None)
    assert listed(client, current_status="not_assessed") == {recommendation.pk}


def test_follow_up_editors_may_delete_recommendations_and_nothing_else(client, recommendation):
    """Add, change and delete recommendations and assessments, and view
    them: the group holds no other permission than entering the admin."""
    group = Group.objects.get(name="Election follow-up editors")
    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }
    assert granted == {"wagtailadmin.access_admin"} | {
        f"elections.{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in ("recommendation", "followup")
    }
    assert not group.page_permissions.exists() and not group.collection_permissions.exists()

    FollowUpFactory(recommendation=recommendation, year=2025, status="fully")
    client.force_login(member("odihr", "Election follow-up editors"))
    url = f"/admin/snippets/elections/recommendation/delete/{recommendation.pk}/"
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not FollowUp.objects.exists()
    assert not type(recommendation).objects.filter(pk=recommendation.pk).exists()


def test_section_editors_cannot_delete_recommendations(client, recommendation):
    client.force_login(member("writer", "Mission to Serbia — editors"))
    url = f"/admin/snippets/elections/recommendation/delete/{recommendation.pk}/"
    assert client.post(url).status_code in (302, 403)
    assert type(recommendation).objects.filter(pk=recommendation.pk).exists()
