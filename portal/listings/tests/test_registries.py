"""Adding a kind of tag or a kind of listed content is one entry in a
registry: listings, their counts, feeds, the listing index, the tag links on
pages and the admin's panels all follow it. Each test adds one and checks
every reader."""

import dataclasses
import datetime

import feedparser
import pytest
from django.apps import apps
from django.template import Context, Template
from django.utils.translation import gettext_lazy as _

from portal.listings import kinds, postings
from portal.listings.kinds import ListedKind
from portal.listings.models import ListingPage
from portal.listings.query import ListingQuery
from portal.news.models import NewsPage
from portal.projects.factories import ProjectPageFactory
from portal.projects.models import ProjectPage
from portal.search import definitions
from portal.search.query import SiteSearch
from portal.taxonomy import registry
from portal.taxonomy.filters import parse_tags
from portal.taxonomy.registry import TagKind, TermKind

pytestmark = pytest.mark.django_db

# A fourth kind of tag. Its model would be a through table of its own; here it
# reads the field-of-work table, so that no migration is needed in a test.
THEME = TagKind(
    name="themes",
    param="theme",
    term_kind=TermKind.FIELD_OF_WORK,
    label=_("Theme"),
    plural_label=_("Themes"),
    relation="field_of_work_tags",
    through="taxonomy.PageFieldOfWork",
    selectivity=5,
)


@pytest.fixture
def with_theme(monkeypatch):
    monkeypatch.setattr(registry, "TAG_KINDS", (*registry.TAG_KINDS, THEME))
    postings.rebuild()
    yield THEME
    monkeypatch.undo()
    postings.rebuild()


@pytest.fixture
def news(page_at, terms):
    parent = page_at("/news/")
    items = []
    for n, tagged in enumerate([True, False]):
        page = NewsPage(
            title=f"Theme item {n}",
            slug=f"theme-item-{n}",
            date=datetime.date(2025, 3, 1 + n),
            news_type="news",
            live=True,
        )
        if tagged:
            page.set_tags("fields_of_work", [terms["policing"].pk])
        parent.add_child(instance=page)
        items.append(page)
    return items


def test_a_new_tag_kind_filters_counts_and_indexes_listings(news, with_theme, page_at):
    tagged, untagged = news
    locale = tagged.locale
    query = ListingQuery("news", locale, {"theme": "policing"})
    assert not query.errors
    ids = [item.pk for item in query.results()[:500]]
    assert tagged.pk in ids and untagged.pk not in ids
    facet = next(f for f in query.facets() if f.name == "theme")
    assert str(facet.label) == "Theme"
    assert facet.selected == "policing"
    assert any(option.value == "policing" and option.count >= 1 for option in facet.options)
    # The most selective kind drives the index scan.
    assert query.drive_order()[0] == "theme"

    unknown = ListingQuery("news", locale, {"theme": "no-such-theme"})
    assert any("theme" in str(error) for error in unknown.errors)


def test_a_new_tag_kind_is_parsed_linked_and_named_in_feeds(client, news, with_theme, terms):
    terms_found, invalid = parse_tags({"theme": "policing", "country": "nowhere"})
    assert terms_found == {"theme": terms["policing"]}
    assert [(kind.param, value) for kind, value in invalid] == [("country", "nowhere")]

    tagged = news[0]
    groups = Template("{% load taxonomy_tags %}{% tag_links page as groups %}").render
    context = Context({"page": tagged, "request": None})
    groups(context)
    rendered = Template(
        "{% load taxonomy_tags %}{% tag_links page as groups %}"
        "{% for g in groups %}{{ g.kind }}:{{ g.label }};{% endfor %}"
    ).render(context)
    assert "themes:Themes;" in rendered and "fields_of_work:Fields of work;" in rendered

    response = client.get("/en/news/feed/rss/?theme=policing")
    feed = feedparser.parse(response.content)
    assert "Policing" in feed.feed.title
    assert tagged.title in [entry.title for entry in feed.entries]


def test_search_filters_by_a_new_tag_kind(with_theme, terms):
    search = SiteSearch({"q": "policing", "theme": "policing"}, language="en")
    assert search.filters["theme"] == terms["policing"]
    unknown = SiteSearch({"q": "policing", "theme": "nowhere"}, language="en")
    assert unknown.errors and "theme" in str(unknown.errors[0])
    assert "taxonomy.PageFieldOfWork" in definitions.tag_tables()


def test_search_types_follow_both_registries():
    for kind in kinds.LISTED_KINDS:
        assert definitions.TYPES[kind.search_type][0] == [kind.model]
    for kind in registry.TAG_KINDS:
        assert definitions.TYPES[kind.param][0] == [kind.page_model]


def listed_models():
    return [apps.get_model(kind.model) for kind in kinds.LISTED_KINDS]


def test_tag_panels_follow_the_registry():
    for model in listed_models():
        relations = [panel.relation_name for panel in model.tag_panels()]
        expected = [kind.relation for kind in registry.TAG_KINDS if kind.applies_to(model)]
        assert relations == expected, model


def test_donors_are_chosen_in_the_editor_of_projects_only():
    """A tag kind names the page types it applies to: the donors' panel is in
    the project editor's form, not in the others'."""
    donors = registry.tag_kind("donors")
    assert donors.page_types == ("projects.ProjectPage",)
    for model in listed_models():
        formsets = model.get_edit_handler().get_form_class().formsets
        for kind in registry.TAG_KINDS:
            shown = kind.relation in formsets
            assert shown == kind.applies_to(model), (model, kind.name)
        assert ("donor_tags" in formsets) == (model is ProjectPage), model
    assert registry.tag_kinds_for(NewsPage) == tuple(
        kind for kind in registry.TAG_KINDS if kind.name != "donors"
    )
    assert registry.tag_kinds_for(ProjectPage) == registry.TAG_KINDS


def test_a_tag_kind_for_some_page_types_applies_to_their_subclasses_too():
    news_only = dataclasses.replace(THEME, page_types=("news.NewsPage",))
    assert news_only.applies_to(NewsPage)
    assert not news_only.applies_to(ProjectPage)
    # Named by an abstract base: every page type built on it.
    tagged = dataclasses.replace(THEME, page_types=("listings.TaggedPage",))
    assert all(tagged.applies_to(model) for model in listed_models())
    assert not tagged.applies_to(ListingPage)
    assert THEME.applies_to(ProjectPage) and THEME.applies_to(ListingPage)


def test_a_new_listed_kind_gets_a_listing_index_and_feeds(client, page_at, monkeypatch):
    initiatives = ListedKind(
        "initiatives",
        _("Initiatives"),
        "projects.ProjectPage",
        "initiative",
        _("Initiatives"),
        feed=True,
    )
    others = tuple(kind for kind in kinds.LISTED_KINDS if kind.key != "projects")
    monkeypatch.setattr(kinds, "LISTED_KINDS", (*others, initiatives))
    project = ProjectPageFactory(parent=page_at("/our-work/projects/"), title="A new initiative")
    postings.rebuild()

    listing = page_at("/our-work/projects/")
    ListingPage.objects.filter(pk=listing.pk).update(listing_type="initiatives")
    response = client.get("/en/our-work/projects/")
    assert response.status_code == 200
    assert "A new initiative" in response.content.decode()

    feed = feedparser.parse(client.get("/en/our-work/projects/feed/atom/").content)
    assert "A new initiative" in [entry.title for entry in feed.entries]
    assert client.get("/en/our-work/projects/calendar/").status_code == 404
    assert postings.listing_of(type(project)) == "initiatives"


def test_listed_kinds_give_the_listing_page_its_choices_and_children():
    field = ListingPage._meta.get_field("listing_type")
    assert [value for value, _label in field.choices] == [k.key for k in kinds.LISTED_KINDS]
    assert ListingPage.subpage_types == [k.model for k in kinds.LISTED_KINDS]
    assert dataclasses.is_dataclass(kinds.LISTED_KINDS[0])
