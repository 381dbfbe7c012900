"""Where each page type may be added: the admin's "add child page" offers
exactly the types that belong under each page, and the reference content
keeps to those rules."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from portal.confidential.models import ConfidentialReportPage
from portal.core.models import StandardPage
from portal.countries.models import CountryIndexPage, CountryPage
from portal.elections.models import ElectionPage, RecommendationsPage
from portal.events.models import EventPage
from portal.feedback.models import FeedbackPage, PrivacyNoticePage
from portal.home.models import HomePage
from portal.listings.kinds import listed_kinds
from portal.listings.models import ListingPage
from portal.meetings.models import MeetingPage, MeetingSeriesPage
from portal.news.models import NewsPage, StoryPage
from portal.opendata.models import DataPage
from portal.projects.models import DonorPage, ProjectPage
from portal.publications.models import PublicationPage
from portal.structures.models import LeadershipPostPage, PersonPage, StructurePage
from portal.subscriptions.models import SubscribePage
from portal.topics.models import FieldOfWorkPage
from portal.vacancies.models import VacancyPage

pytestmark = pytest.mark.django_db

SECTION_TYPES = {
    StandardPage,
    ListingPage,
    FieldOfWorkPage,
    MeetingSeriesPage,
    StructurePage,
    LeadershipPostPage,
    PersonPage,
    FeedbackPage,
    RecommendationsPage,
    DonorPage,
}
EXPECTED = {
    # The countries' index, the report of wrongdoing, the privacy notice and the
    # subscribe page exist already and are one per home page.
    HomePage: {StandardPage, ListingPage, FeedbackPage},
    StandardPage: SECTION_TYPES,
    StructurePage: {StructurePage, StandardPage, ListingPage, FeedbackPage},
    CountryIndexPage: {CountryPage},
    CountryPage: {StandardPage},
    MeetingSeriesPage: {MeetingPage, StandardPage},
    MeetingPage: set(),
    FieldOfWorkPage: set(),
    LeadershipPostPage: set(),
    PersonPage: set(),
    VacancyPage: set(),
    NewsPage: set(),
    StoryPage: set(),
    EventPage: set(),
    PublicationPage: set(),
    ProjectPage: set(),
    ElectionPage: set(),
    RecommendationsPage: set(),
    DonorPage: set(),
    FeedbackPage: set(),
    ConfidentialReportPage: set(),
    PrivacyNoticePage: set(),
    DataPage: set(),
    SubscribePage: set(),
}


def offered(parent: Page) -> set[type[Page]]:
    """What the admin offers under ``parent``: the same test as its view."""
    return {
        model
        for model in parent.specific_class.creatable_subpage_models()
        if model.can_create_at(parent)
    }


def _first(model: type[Page]) -> Page:
    page = model.objects.filter(locale__language_code="en").order_by("path").first()
    assert page is not None, f"the reference content has no {model.__name__}"
    return page


@pytest.mark.parametrize("model", list(EXPECTED), ids=lambda m: m.__name__)
def test_each_page_type_offers_exactly_its_children(model):
    if not EXPECTED[model]:  # leaves (the reference content lacks some)
        assert model.creatable_subpage_models() == []
    else:
        assert offered(_first(model)) == EXPECTED[model]


@pytest.mark.parametrize("kind", listed_kinds(), ids=lambda k: k.key)
def test_a_listing_offers_only_the_kind_it_lists(kind, admin_client):
    listing = ListingPage.objects.filter(listing_type=kind.key).order_by("path").first()
    assert listing is not None, f"the reference content has no {kind.key} listing"
    assert offered(listing) == {kind.model_class()}
    # One choice: the admin goes straight to that type's form.
    response = admin_client.get(f"/admin/pages/{listing.pk}/add_subpage/")
    model = kind.model_class()._meta
    assert response.status_code == 302
    assert response["Location"] == (
        f"/admin/pages/add/{model.app_label}/{model.model_name}/{listing.pk}/"
    )
    # Any other listed type is refused at its form's address (the admin answers
    # a refusal by returning to the dashboard with a message).
    for other in listed_kinds():
        if other.key == kind.key:
            continue
        meta = other.model_class()._meta
        url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{listing.pk}/"
        refused = admin_client.get(url)
        assert (refused.status_code, refused.get("Location")) == (302, "/admin/"), other.key


def test_the_home_page_offers_the_top_level_types(admin_client, home):
    html = admin_client.get(f"/admin/pages/{home.pk}/add_subpage/").content.decode()
    links = set(re.findall(rf'href="/admin/pages/add/(\w+)/(\w+)/{home.pk}/', html))
    assert links == {
        ("core", "standardpage"),
        ("listings", "listingpage"),
        ("feedback", "feedbackpage"),
    }


def test_every_reference_page_stands_where_the_rules_allow():
    pages = {page.path: page for page in Page.objects.filter(depth__gt=1).specific()}
    checked = 0
    for path, page in pages.items():
        parent = pages.get(path[: -Page.steplen])
        if parent is None:  # the home pages, under the tree's root
            assert isinstance(page, HomePage)
            continue
        assert type(page) in parent.specific_class.allowed_subpage_models(), page.url_path
        assert type(page).can_exist_under(parent), page.url_path
        checked += 1
    assert checked > 900  # every language's tree


def test_a_listing_keeps_its_kind_while_it_holds_items():
    news = ListingPage.objects.filter(listing_type="news").order_by("path").first()
    news.listing_type = "events"
    with pytest.raises(ValidationError) as error:
        news.full_clean()
    assert "listing_type" in error.value.message_dict
    empty = ListingPage(title="Empty", slug="empty", listing_type="news")
    _first(StandardPage).add_child(instance=empty)
    empty.listing_type = "events"
    empty.full_clean()
