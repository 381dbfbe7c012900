"""Shared fixtures: the reference content is loaded once per test session into
the test database; each test runs inside a transaction that is rolled back."""

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_reference_content", verbosity=0)


@pytest.fixture(autouse=True)
def _isolation():
    """Every test starts with an empty cache, a new content version (what a
    process keeps per version, such as the terms or search statements, is read
    again: a rolled-back test may have changed the rows under the old one) and
    English active, whatever the previous test did."""
    cache.clear()
    caches["versions"].clear()
    translation.activate("en")
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture
def home(db):
    from portal.home.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code="en")


@pytest.fixture
def page_at(home):
    """Fetch a reference page by its path below the home page."""
    from wagtail.models import Page

    def get(path):
        return Page.objects.get(url_path=home.url_path + path.lstrip("/")).specific

    return get


@pytest.fixture
def terms(page_at):
    """Reference terms used to tag test content, by a short name."""
    return {
        "policing": page_at("/our-work/fields-of-work/policing/").term,
        "youth": page_at("/our-work/fields-of-work/youth/").term,
        "serbia": page_at("/countries/serbia/").term,
        "moldova": page_at("/countries/moldova/").term,
        "mission": page_at("/structures/field-operations/mission-to-serbia/").term,
    }
