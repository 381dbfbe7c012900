"""Editors of election follow-up keep recommendations and their yearly
assessments in the admin; other groups cannot."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.elections.factories import ElectionPageFactory, RecommendationFactory
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
