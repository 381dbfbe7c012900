"""generate_content: the mix of types, complete and valid items, determinism,
resuming, removal that leaves the reference content as it was, and a site that
shows and serves what was generated."""

import datetime
import itertools
import zoneinfo

import feedparser
import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.models import Locale, Page

from portal.content.generator import (
    Generator,
    Taxonomy,
    path_step,
    plan_item,
    sample_names,
    step_position,
)
from portal.content.generator.kinds import LAST_DAY
from portal.content.generator.meetings import plan as meetings_plan
from portal.content.generator.people import plan as people_plan
from portal.content.generator.people import remove_people
from portal.elections.models import ElectionPage, FollowUp, Recommendation
from portal.events.models import EventPage
from portal.listings.models import ListingPage
from portal.news.models import NewsPage, StoryPage
from portal.projects.models import ProjectPage
from portal.publications.factories import PublicationPageFactory
from portal.publications.models import PublicationFile, PublicationPage
from portal.structures.models import LeadershipPostPage, PersonPage, Tenure
from portal.structures.people import holder_on, post_states
from portal.taxonomy import symbols
from portal.taxonomy.models import PageCountry, PageFieldOfWork, PageStructure, TermKind
from portal.taxonomy.years import MAX_YEAR, MIN_YEAR
from portal.vacancies.models import VacancyPage

pytestmark = pytest.mark.django_db

SEED = 7
ITEMS = 300
MODELS = (
    NewsPage,
    StoryPage,
    EventPage,
    PublicationPage,
    ProjectPage,
    ElectionPage,
    VacancyPage,
)


def generate(items=ITEMS, seed=SEED, batch_size=100):
    call_command("generate_content", items=items, seed=seed, batch_size=batch_size, verbosity=0)


def remove(seed=None):
    call_command("generate_content", remove=True, seed=seed, verbosity=0)


def generated(model=Page, seed=SEED):
    return model.objects.filter(slug__startswith=f"gen-{seed}-")


def snapshot(seed=SEED):
    """What a run produced, keyed by slug, independent of database ids."""
    pages = (
        generated(seed=seed)
        .specific()
        .prefetch_related("field_of_work_tags__term", "country_tags__term", "structure_tags__term")
    )
    return {
        page.slug: (
            type(page).__name__,
            page.title,
            page.translation_key,
            page.date,
            page.summary,
            [
                block.value.source if block.block_type == "paragraph" else None
                for block in page.body
            ],
            [tag.term.slug for tag in page.field_of_work_tags.all()],
            [tag.term.slug for tag in page.country_tags.all()],
            [tag.term.slug for tag in page.structure_tags.all()],
        )
        for page in pages
    }


def tree_problems():
    return [problem for problem in Page.find_problems() if problem]


def reference_state():
    return {
        "pages": set(Page.objects.values_list("id", "path", "depth", "numchild", "url_path")),
        "tags": (PageFieldOfWork.objects.count(), PageCountry.objects.count()),
        "structures": PageStructure.objects.count(),
        "documents": Document.objects.count(),
        "files": PublicationFile.objects.count(),
    }


def test_tree_steps_match_treebeard():
    assert [path_step(n) for n in (1, 9, 10, 35, 36, 1296)] == [
        "0001",
        "0009",
        "000A",
        "000Z",
        "0010",
        "0100",
    ]
    assert step_position("0010") == 36
    assert Page._get_path("0001", 2, 36) == "0001" + path_step(36)


def test_mix_of_types_under_the_reference_listings(home):
    generate()
    counts = {model: generated(model).count() for model in MODELS}
    assert counts == {
        NewsPage: 90,
        StoryPage: 30,
        EventPage: 45,
        PublicationPage: 90,
        ProjectPage: 15,
        ElectionPage: 15,
        VacancyPage: 15,
    }
    listings = {
        NewsPage: "news/",
        StoryPage: "stories/",
        EventPage: "events/",
        PublicationPage: "resources/",
        ProjectPage: "our-work/projects/",
        ElectionPage: "our-work/elections/",
        VacancyPage: "about-us/employment/vacancies/",
    }
    english = Locale.objects.get(language_code="en")
    for model, path in listings.items():
        parent = Page.objects.get(url_path=home.url_path + path)
        pages = generated(model)
        assert pages.filter(live=True, locale=english).count() == counts[model]
        assert pages.child_of(parent).count() == counts[model]
    assert tree_problems() == []


def test_items_are_tagged_dated_and_valid():
    generate()
    for page in generated().specific():
        kinds = {
            "fields_of_work": (TermKind.FIELD_OF_WORK, 1, 2),
            "countries": (TermKind.COUNTRY, 0, 2),
            "structures": (TermKind.STRUCTURE, 0, 2),
        }
        for name, (kind, low, high) in kinds.items():
            terms = list(getattr(page, name))
            assert low <= len(terms) <= high, (page.slug, name)
            assert {t.kind for t in terms} <= {kind}
        assert datetime.date(1995, 1, 1) <= page.date <= datetime.date(2026, 12, 31)
        assert page.title and page.summary and len(page.body) >= 2
        assert "lorem" not in (page.title + page.summary).lower()

    for event in generated(EventPage):
        assert event.start <= event.end
        assert event.date == event.start.astimezone(zoneinfo.ZoneInfo(event.timezone)).date()
        assert event.location
    assert generated(EventPage).filter(meeting_series__isnull=False).exists()
    assert generated(EventPage).filter(organizer__isnull=False).exists()

    official = generated(PublicationPage).filter(publication_type="official_document")
    assert official.count() == 30
    found = set()
    for page in official:
        parsed = symbols.parse(page.symbol)
        assert str(parsed) == page.symbol
        assert (page.issuing_body, page.document_type) == (parsed.body, parsed.doc_type)
        found.add(page.symbol)
    assert len(found) == official.count()
    assert (
        not generated(PublicationPage)
        .exclude(publication_type="official_document")
        .exclude(symbol="")
    )
    assert generated(PublicationPage).filter(distribution="restricted").exists()

    for project in generated(ProjectPage):
        assert project.budget_amount > 0 and project.budget_currency
        donors = list(project.tagged_terms("donors"))
        assert 1 <= len(donors) <= 3 and {d.kind for d in donors} == {TermKind.DONOR}
        assert donors[0].name in project.summary or "the " + donors[0].name in project.summary
    for election in generated(ElectionPage):
        assert len(election.tag_ids("countries")) == 1
        recommendations = Recommendation.objects.filter(election=election)
        assert 8 <= recommendations.count() <= 30
        assert all(r.themes.exists() for r in recommendations)
    assert FollowUp.objects.filter(recommendation__election__slug__startswith="gen-").exists()
    # Rows bypass the signals: the writer stores each current status itself, the
    # same as the status computed from the assessments.
    generated_recommendations = Recommendation.objects.filter(election__slug__startswith="gen-")
    stored = set(generated_recommendations.values_list("pk", "latest_status", "latest_year"))
    computed = {
        (r.pk, r.current_status, r.assessed_in)
        for r in generated_recommendations.with_current_status(MAX_YEAR)
    }
    assert stored == computed
    assert len({status for _pk, status, _year in stored}) >= 3

    for page in generated(PublicationPage).prefetch_related("files__document"):
        files = list(page.files.all())
        languages = [f.language for f in files]
        assert 1 <= len(files) <= 4 and len(set(languages)) == len(languages)
        for file in files:
            assert file.text
            assert file.document.file.name in sample_names()
            assert file.text_source_hash == file.document.file_hash

    # Everything the models validate (choices, lengths, symbols, slugs, ends after starts).
    for model in MODELS:
        for page in generated(model)[:5]:
            page.full_clean()


def test_sample_files_are_real_pdfs():
    generate(items=20)
    for name in sample_names():
        with default_storage.open(name, "rb") as handle:
            assert handle.read(5) == b"%PDF-"
    assert Document.objects.filter(file__in=sample_names()).exists()


def test_same_seed_gives_the_same_content():
    generate()
    first = snapshot()
    taxonomy = Taxonomy.load(Locale.get_default())
    for number in (1, 2, 150, 300):
        item = plan_item(SEED, number, taxonomy)
        assert first[item.slug][1:3] == (item.title, item.translation_key)
        assert plan_item(SEED, number, taxonomy) == item  # a pure function

    remove(seed=SEED)
    assert not generated().exists()
    generate(batch_size=70)  # batches do not change the content
    assert snapshot() == first

    other = {plan_item(SEED + 1, n, taxonomy).title for n in range(1, ITEMS + 1)}
    assert len(other - {title for _type, title, *_rest in first.values()}) > ITEMS * 0.8


def test_a_rerun_continues_after_the_last_batch():
    generate(items=200)
    summary = Generator(seed=SEED, batch_size=100, progress=False).generate(ITEMS)
    assert (summary.total, summary.first, summary.last) == (100, 201, 300)
    slugs = list(generated().values_list("slug", flat=True))
    assert sorted(slugs) == sorted(f"gen-{SEED}-{n}" for n in range(1, ITEMS + 1))
    again = Generator(seed=SEED, batch_size=100, progress=False).generate(ITEMS)
    assert again.total == 0
    assert tree_problems() == []


def test_an_interrupted_batch_leaves_nothing_behind(monkeypatch):
    original = Generator._write_files
    calls = []

    def fail_on_second_batch(self, pages, summary):
        calls.append(len(pages))
        if len(calls) == 2:
            raise RuntimeError("interrupted")
        return original(self, pages, summary)

    monkeypatch.setattr(Generator, "_write_files", fail_on_second_batch)
    with pytest.raises(RuntimeError):
        generate()
    assert generated().count() == 100
    assert tree_problems() == []
    assert PublicationFile.objects.filter(page__slug__startswith=f"gen-{SEED}-").count() == (
        Document.objects.filter(file__in=sample_names()).count()
    )

    monkeypatch.setattr(Generator, "_write_files", original)
    generate()
    assert generated().count() == ITEMS
    assert tree_problems() == []


def test_remove_leaves_the_reference_content_as_it_was():
    before = reference_state()
    generate()
    generate(items=40, seed=SEED + 1)

    remove(seed=SEED)
    assert not generated().exists()
    assert generated(seed=SEED + 1).count() == 40
    assert tree_problems() == []

    remove()
    assert not Page.objects.filter(slug__startswith="gen-").exists()
    assert not Recommendation.objects.exists() and not FollowUp.objects.exists()
    assert not Recommendation.themes.through.objects.exists()
    assert reference_state() == before
    assert tree_problems() == []
    assert not any(default_storage.exists(name) for name in sample_names())


def test_remove_also_takes_pages_an_editor_has_touched():
    before = reference_state()
    generate(items=40)
    edited = generated(NewsPage).first()
    edited.title = "Edited by hand"
    edited.save_revision().publish()
    target = generated(StoryPage).first()
    Redirect.objects.create(old_path="/old-story", redirect_page=target)

    remove()
    assert not Page.objects.filter(slug__startswith="gen-").exists()
    assert not Redirect.objects.filter(old_path="/old-story").exists()
    assert reference_state() == before
    assert tree_problems() == []


def test_remove_keeps_a_generated_document_used_elsewhere(page_at):
    generate(items=20)
    document = Document.objects.filter(file__in=sample_names()).first()
    publication = PublicationPageFactory(parent=page_at("/resources/"), title="Real report")
    PublicationFile.objects.create(page=publication, language="en", document=document)
    remove()
    kept = PublicationFile.objects.get(page=publication)
    assert kept.document == document
    assert "OSCE sample document" in kept.text  # the sample is a real, extractable PDF
    assert default_storage.exists(document.file.name)
    assert tree_problems() == []


def test_remove_never_touches_other_pages_with_similar_slugs(page_at):
    news = page_at("/news/")
    lookalike = NewsPage(title="Gen Z voices", slug="gen-z-voices", date=datetime.date(2025, 1, 1))
    news.add_child(instance=lookalike)
    generate(items=20)
    remove()
    assert NewsPage.objects.filter(slug="gen-z-voices").exists()


def test_reference_content_is_required():
    ListingPage.objects.filter(listing_type="projects").update(listing_type="news")
    with pytest.raises(CommandError, match="load_reference_content"):
        generate(items=10)
    assert not generated().exists()


def test_items_or_remove_is_required():
    with pytest.raises(CommandError, match="--items"):
        call_command("generate_content", verbosity=0)


def test_listings_filters_and_feeds_show_generated_items(client, page_at):
    generate()
    news = page_at("/news/")
    response = client.get(news.url)
    assert response.status_code == 200
    shown = [item.slug for item in response.context["items"].object_list]
    assert any(slug.startswith(f"gen-{SEED}-") for slug in shown)
    newest = NewsPage.objects.live().order_by("-date", "-pk").first()
    assert shown[0] == newest.slug

    item = generated(NewsPage).order_by("-date").first()
    term = item.fields_of_work.first()
    response = client.get(news.url, {"field_of_work": term.slug})
    assert response.status_code == 200
    expected = NewsPage.objects.live().filter(field_of_work_tags__term=term).count()
    assert response.context["paginator"].count == expected
    for listed in response.context["items"].object_list:
        assert term.pk in listed.tag_ids("fields_of_work")

    feed = client.get(news.url + "feed/rss/")
    assert feed.status_code == 200
    assert feedparser.parse(feed.content).entries[0].title == newest.title

    resources = client.get(page_at("/resources/").url, {"type": "official_document"})
    assert resources.status_code == 200
    # The items' official documents and the generated meetings' documents
    # (journals, decisions and their variants: docs/meetings.md).
    meeting_documents = PublicationPage.objects.filter(slug__startswith=f"genm-{SEED}-")
    assert meeting_documents.count() > 0
    assert resources.context["paginator"].count == (
        generated(PublicationPage)
        .filter(publication_type="official_document", distribution="public")
        .count()
        + meeting_documents.count()
    )
    events = client.get(page_at("/events/").url, {"when": "all"})
    assert any(event.slug.startswith("gen-") for event in events.context["items"].object_list)

    field_of_work = page_at(f"/our-work/fields-of-work/{term.slug}/")
    newest_tagged = (
        NewsPage.objects.live().filter(field_of_work_tags__term=term).order_by("-date", "-pk")[0]
    )
    html = client.get(field_of_work.url).content.decode()
    assert newest_tagged.url in html


def test_generated_pages_render(client):
    generate(items=40)
    for model in MODELS:
        for page in generated(model).order_by("pk")[:3]:
            if isinstance(page, PublicationPage) and not page.is_public:
                continue
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert page.title.split("“")[0][:40] in response.content.decode().replace("&#x27;", "'")

    publication = generated(PublicationPage).filter(distribution="public").first()
    file = publication.files.first()
    response = client.get(publication.file_url(file.language))
    assert response.status_code == 302
    assert response["Location"] == file.document.url

    restricted = generated(PublicationPage).filter(distribution="restricted").first()
    if restricted is not None:
        assert client.get(restricted.url).status_code == 404


# -- people and tenures of the leadership posts -------------------------------------------


def generated_tenures(seed=SEED):
    """{post slug: [(person slug, name, start, end, acting)] oldest first}."""
    found = {}
    rows = (
        Tenure.objects.filter(person__slug__startswith=f"genp-{seed}-")
        .select_related("post", "person")
        .order_by("post__slug", "start")
    )
    for t in rows:
        found.setdefault(t.post.slug, []).append(
            (t.person.slug, t.person.title, t.start, t.end, t.acting)
        )
    return found


def test_people_hold_the_leadership_posts_in_turn(client):
    generate(items=40)
    locale = Locale.get_default()
    posts = list(LeadershipPostPage.objects.filter(locale=locale).order_by("slug"))
    history = generated_tenures()
    # The reference content names no holder, so every post gets a history.
    assert set(history) == {post.slug for post in posts}
    sizes = [len(tenures) for tenures in history.values()]
    assert min(sizes) >= 1 and max(sizes) <= 4
    assert sum(2 <= size <= 4 for size in sizes) >= len(posts) // 2
    for slug, tenures in history.items():
        # Successive, never overlapping: each ends before the next begins.
        for (_p, _n, start, end, _a), (_q, _m, next_start, _e, _b) in itertools.pairwise(tenures):
            assert end is not None and start <= end < next_start, slug
        assert all(end is None or start <= end for _p, _n, start, end, _a in tenures)

    states = post_states(posts, locale.pk, day=LAST_DAY)
    vacant = [post for post in posts if states[post.translation_key].vacant]
    held = [post for post in posts if states[post.translation_key].person is not None]
    assert vacant and held and len(vacant) + len(held) == len(posts)
    for post in held:
        person_slug, *_rest, end, _acting = history[post.slug][-1]
        assert end is None
        assert holder_on(post, LAST_DAY).person.slug == person_slug
    for post in vacant:
        assert history[post.slug][-1][3] < LAST_DAY
        assert holder_on(post, LAST_DAY) is None

    # People are live pages beside the posts, shown by the post and the person pages.
    person = PersonPage.objects.get(slug=history[held[0].slug][-1][0])
    assert person.live and person.get_parent().pk == held[0].get_parent().pk
    assert person.title in client.get(held[0].url).content.decode()
    assert held[0].title in client.get(person.url).content.decode()
    assert tree_problems() == []


def test_people_are_the_same_for_the_same_seed_and_added_once():
    generate(items=40)
    first = generated_tenures()
    assert generated_tenures() == first
    again = Generator(seed=SEED, batch_size=100, progress=False).generate(40)
    assert again.total == 0 and generated_tenures() == first  # nothing added twice

    remove(seed=SEED)
    assert not PersonPage.objects.filter(slug__startswith=f"genp-{SEED}-").exists()
    assert not Tenure.objects.exists()
    assert tree_problems() == []
    generate(items=40, batch_size=15)
    assert generated_tenures() == first

    names = {name for tenures in first.values() for _s, name, *_rest in tenures}
    other = generated_tenures_plan(SEED + 1)
    assert other != {slug: [row[1:] for row in rows] for slug, rows in first.items()}
    assert len(names) > 10


def generated_tenures_plan(seed):
    slugs = LeadershipPostPage.objects.filter(locale=Locale.get_default()).values_list(
        "slug", flat=True
    )
    return {
        post.slug: [(t.name, t.start, t.end, t.acting) for t in post.tenures]
        for post in people_plan(seed, list(slugs))
    }


def test_people_are_added_to_an_existing_database_and_removed_alone():
    generate(items=40)
    remove_people(SEED)  # as a database generated before people were
    assert not Tenure.objects.exists()
    items = generated().count()

    summary = Generator(seed=SEED, batch_size=100, progress=False).generate(40)
    assert summary.total == 0 and generated().count() == items
    assert any("people" in note for note in summary.notes)
    assert Tenure.objects.exists()


def test_a_post_with_holders_of_its_own_is_left_alone():
    locale = Locale.get_default()
    post = LeadershipPostPage.objects.filter(locale=locale).order_by("slug").first()
    parent = post.get_parent()
    person = PersonPage(title="Real Holder", slug="real-holder", summary="A holder named by hand.")
    parent.add_child(instance=person)
    Tenure.objects.create(post=post, person=person, start=datetime.date(2020, 1, 1))

    generate(items=40)
    assert post.slug not in generated_tenures()
    assert list(Tenure.objects.filter(post=post).values_list("person__slug", flat=True)) == [
        "real-holder"
    ]
    remove()
    assert Tenure.objects.filter(post=post).count() == 1


def test_meetings_of_a_million_items_stay_within_the_years_a_page_may_have():
    planned = meetings_plan(1, 1_000_000)
    assert len(planned) > 1000
    assert all(MIN_YEAR <= meeting.day.year <= MAX_YEAR for meeting in planned)
    ministerial = [m for m in planned if m.body == "MC"]
    assert len({m.day.year for m in ministerial}) == len(ministerial)  # one a year
