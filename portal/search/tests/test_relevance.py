"""A relevance test set: what a journalist, a delegate and a researcher type,
and the page that must come first (or among the first three). It runs on the
reference content plus a few documents, on SQLite and on PostgreSQL."""

import datetime

import pytest

from portal.publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

# (query, title expected first)
FIRST = [
    ("Policing", "Policing"),
    ("serbia", "Serbia"),
    ("Mission to Serbia", "Mission to Serbia"),
    ("Permanent Council", "Permanent Council"),
    ("Secretary General", "Secretary General"),
    (
        "Office for Democratic Institutions and Human Rights",
        "Office for Democratic Institutions and Human Rights",
    ),
    ("Dealing with the Cold War’s toxic legacy", "Dealing with the Cold War’s toxic legacy"),
    ("dealing with the cold war's toxic legacy", "Dealing with the Cold War’s toxic legacy"),
    ("High Commissioner on National Minorities", "High Commissioner on National Minorities"),
    (
        "Report on election observation in Moldova 2024",
        "Report on election observation in Moldova 2024",
    ),
]

# (query, title expected among the first three)
TOP_THREE = [
    ("ODIHR", "Office for Democratic Institutions and Human Rights"),
    ("Czech Republic", "Czechia"),
    (
        "marine transport security",
        "OSCE promotes marine transport security and relevant Convention implementation",
    ),
    ("paws pioneers illicit weapons", "Paws and pioneers: side-by-side against illicit weapons"),
    (
        "Iceland anti-trafficking operation",
        "How one training sparked Iceland’s largest anti-trafficking operation",
    ),
    ("election observation Moldova", "Report on election observation in Moldova 2024"),
]


@pytest.fixture
def documents(page_at):
    parent = page_at("/resources/")
    for n, title in enumerate(
        [
            "Report on election observation in Moldova 2024",
            "Election observation handbook",
            "Report on election observation in Georgia 2024",
            "Observation of elections in Moldova: interim report",
        ]
    ):
        PublicationPageFactory(
            parent=parent,
            title=title,
            summary="Findings of the election observation mission.",
            publication_type="report",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        )


def ranked(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200, query
    return [r.title for r in response.context["results"]]


@pytest.mark.parametrize("query, expected", FIRST)
def test_first_result(client, documents, query, expected):
    assert ranked(client, query)[:1] == [expected]


@pytest.mark.parametrize("query, expected", TOP_THREE)
def test_among_the_first_three(client, documents, query, expected):
    assert expected in ranked(client, query)[:3]
