import datetime

import pytest
from wagtail.models import Locale

from portal.events.factories import EventPageFactory
from portal.news.factories import NewsPageFactory
from portal.projects.factories import ProjectPageFactory
from portal.publications.factories import PublicationPageFactory


@pytest.fixture
def french():
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def news(page_at, terms):
    """Five news items of 2025 (two on the same day), tagged in turn."""
    parent = page_at("/news/")
    made = []
    for n, (day, tags) in enumerate(
        [
            (1, {"countries": [terms["serbia"]], "fields_of_work": [terms["policing"]]}),
            (2, {"countries": [terms["moldova"]]}),
            (2, {"countries": [terms["serbia"]], "structures": [terms["mission"]]}),
            (3, {"fields_of_work": [terms["youth"]]}),
            (4, {"countries": [terms["serbia"]], "fields_of_work": [terms["youth"]]}),
        ]
    ):
        made.append(
            NewsPageFactory(
                parent=parent,
                title=f"Apiary item {n}",
                date=datetime.date(2025, 3, day),
                news_type="press_release" if n % 2 else "news",
                tags=tags,
            )
        )
    return made


@pytest.fixture
def event(page_at, terms):
    return EventPageFactory(
        parent=page_at("/events/"),
        title="Apiary conference",
        date=datetime.date(2025, 6, 2),
        tags={"countries": [terms["serbia"]]},
    )


@pytest.fixture
def publication(page_at, terms):
    return PublicationPageFactory(
        parent=page_at("/resources/"),
        title="Apiary report",
        date=datetime.date(2025, 5, 2),
        tags={"countries": [terms["serbia"]]},
    )


@pytest.fixture
def project(page_at, terms):
    return ProjectPageFactory(
        parent=page_at("/our-work/projects/"),
        title="Apiary project",
        date=datetime.date(2025, 4, 2),
        tags={"countries": [terms["serbia"]]},
    )
