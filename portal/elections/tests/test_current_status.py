"""Each recommendation stores its current status, the status of its latest
assessment, and that assessment's year (``latest_status``, ``latest_year``):
kept in step whenever assessments change, filled by the migration from the
assessments already recorded, and read by the page, the exports and the
admin with the same results as the status computed row by row."""

import csv
import datetime
import importlib
import io
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from portal.elections.factories import (
    ElectionPageFactory,
    FollowUpFactory,
    RecommendationFactory,
)
from portal.elections.models import FollowUp, Recommendation
from portal.elections.query import RecommendationQuery
from portal.elections.records import latest_assessment, store_current_status
from portal.elections.vocabulary import NOT_ASSESSED
from portal.taxonomy.years import MAX_YEAR

pytestmark = pytest.mark.django_db

PAGE = "/our-work/election-recommendations/"


def stored(recommendation):
    recommendation.refresh_from_db()
    return recommendation.latest_status, recommendation.latest_year


@pytest.fixture
def election(page_at, terms):
    return ElectionPageFactory(
        parent=page_at("/our-work/elections/"),
        title="Moldova, stored status election",
        date=datetime.date(2021, 7, 11),
        tags={"countries": [terms["moldova"]]},
    )


@pytest.fixture
def many(election, page_at, terms):
    """Recommendations of two countries, with histories of every shape: none,
    one assessment, several, a later status lower than an earlier one."""
    serbia = ElectionPageFactory(
        parent=page_at("/our-work/elections/"),
        title="Serbia, stored status election",
        date=datetime.date(2022, 4, 3),
        tags={"countries": [terms["serbia"]]},
    )
    histories = [
        [],
        [(2023, "partially")],
        [(2023, "partially"), (2025, "fully")],
        [(2022, "fully"), (2024, "mostly")],
        [(2025, "not_implemented")],
        [(2021, "mostly"), (2022, "not_implemented"), (2026, "partially")],
    ]
    themes = [["media"], ["media", "legal_framework"], ["voter_registration"], [], ["media"]]
    made = []
    for n in range(24):
        made.append(
            RecommendationFactory(
                election=(election, serbia)[(n // 2) % 2],
                number=n + 1,
                themes=themes[n % len(themes)],
                priority=n % 5 == 0,
            )
        )
        for year, status in histories[n % len(histories)]:
            FollowUpFactory(recommendation=made[-1], year=year, status=status)
    return made


def test_the_latest_assessment_gives_the_status_and_year():
    assert latest_assessment([]) == (NOT_ASSESSED, None)
    assert latest_assessment([(2025, "fully"), (2023, "partially")]) == ("fully", 2025)
    assert latest_assessment([(2022, "fully"), (2024, "not_implemented")]) == (
        "not_implemented",
        2024,
    )


def test_the_stored_status_follows_assessments_saved_and_deleted(election):
    recommendation = RecommendationFactory(election=election, number=1)
    assert stored(recommendation) == (NOT_ASSESSED, None)
    later = FollowUpFactory(recommendation=recommendation, year=2025, status="mostly")
    assert stored(recommendation) == ("mostly", 2025)
    earlier = FollowUpFactory(recommendation=recommendation, year=2023, status="fully")
    assert stored(recommendation) == ("mostly", 2025)  # an older assessment is history
    later.status = "fully"
    later.save()
    assert stored(recommendation) == ("fully", 2025)
    later.delete()
    assert stored(recommendation) == ("fully", 2023)
    FollowUp.objects.filter(pk=earlier.pk).delete()
    assert stored(recommendation) == (NOT_ASSESSED, None)


def test_saving_a_recommendation_read_before_an_assessment_keeps_the_stored_status(election):
    recommendation = RecommendationFactory(election=election, number=1)
    stale = Recommendation.objects.get(pk=recommendation.pk)
    FollowUpFactory(recommendation=recommendation, year=2024, status="partially")
    stale.priority = True
    stale.save()  # its instance still says "not assessed"
    assert (stale.latest_status, stale.latest_year) == ("partially", 2024)
    assert stored(recommendation) == ("partially", 2024)


def test_a_recommendation_saved_with_its_assessments_stores_its_status_once(election, monkeypatch):
    """As the admin saves it: the inline assessments are committed inside the
    recommendation's save, whose end stores the status; their signals do not."""
    from portal.elections import records

    calls = []
    real = records.store_current_status
    monkeypatch.setattr(records, "store_current_status", lambda ids: real(calls.append(1) or ids))
    monkeypatch.setattr(
        "portal.elections.signals.store_current_status",
        lambda ids: real(calls.append(1) or ids),
    )
    recommendation = RecommendationFactory(election=election, number=1)
    calls.clear()
    recommendation.follow_ups = [
        FollowUp(year=2023, status="partially"),
        FollowUp(year=2024, status="mostly"),
        FollowUp(year=2025, status="fully"),
    ]
    recommendation.save()
    assert len(calls) == 1
    assert stored(recommendation) == ("fully", 2025)
    FollowUpFactory(recommendation=recommendation, year=2026, status="not_implemented")
    assert len(calls) == 2, "an assessment saved on its own still stores it"


def test_store_current_status_answers_and_stores_several_at_once(many):
    Recommendation.objects.update(latest_status=NOT_ASSESSED, latest_year=None)
    answered = store_current_status(r.pk for r in many)
    subquery = {
        r.pk: (r.current_status, r.assessed_in)
        for r in Recommendation.objects.with_current_status(MAX_YEAR)
    }
    assert answered == subquery
    assert {r.pk: (r.latest_status, r.latest_year) for r in Recommendation.objects.all()} == (
        subquery
    )


def test_the_migration_fills_the_stored_status_from_the_assessments(many):
    Recommendation.objects.update(latest_status=NOT_ASSESSED, latest_year=None)
    migration = importlib.import_module("portal.elections.migrations.0003_current_status")

    def execute(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)

    migration.fill_current_status(apps, SimpleNamespace(connection=connection, execute=execute))
    filled = {
        pk: (status, year)
        for pk, status, year in Recommendation.objects.values_list(
            "pk", "latest_status", "latest_year"
        )
    }
    expected = {
        r.pk: (r.current_status, r.assessed_in)
        for r in Recommendation.objects.with_current_status(MAX_YEAR)
    }
    assert filled == expected
    assert {status for status, _year in filled.values()} == {
        NOT_ASSESSED,
        "partially",
        "fully",
        "mostly",
        "not_implemented",
    }


FILTER_SETS = [
    {},
    {"status": "fully"},
    {"status": "not_assessed"},
    {"theme": "media", "status": "partially"},
    {"country": "moldova", "status": "mostly"},
    {"country": "serbia", "theme": "media", "status": "not_implemented"},
    {"priority": "1", "status": "fully"},
]


@pytest.mark.parametrize("params", FILTER_SETS)
def test_the_page_query_reads_the_same_as_the_status_computed_row_by_row(many, params):
    """The status as assessed by the last possible year is the current status,
    computed by the subquery over the assessments: both paths agree."""
    stored_path = RecommendationQuery(params)
    subquery_path = RecommendationQuery({**params, "year": str(MAX_YEAR)})
    assert "year" not in stored_path.filters and subquery_path.filters["year"] == MAX_YEAR

    def rows(query):
        return [(r.pk, r.current_status, r.assessed_in) for r in query.results()]

    assert rows(stored_path) and rows(stored_path) == rows(subquery_path)
    assert stored_path.status_counts() == subquery_path.status_counts()
    assert stored_path.theme_counts() == subquery_path.theme_counts()


def test_the_csv_export_reads_the_same_as_the_status_computed_row_by_row(client, page_at, many):
    url = page_at(PAGE).url + "export/csv/"

    def exported(params):
        response = client.get(url, params)
        assert response.status_code == 200
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(body)))

    for params in ({}, {"theme": "media", "status": "fully"}):
        rows = exported(params)
        assert rows and rows == exported({**params, "year": str(MAX_YEAR)})
