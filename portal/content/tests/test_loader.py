"""The reference content loader: idempotent, follows edits, refuses bad files
clearly and atomically."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from portal.content.reference.loader import Loader
from portal.countries.models import Chairpersonship, CountryPage
from portal.structures.models import LeadershipPostPage, StructureKind, StructurePage
from portal.topics.models import FieldOfWorkPage

pytestmark = pytest.mark.django_db

SOURCE = Path(settings.BASE_DIR) / "content" / "reference"


@pytest.fixture
def content_dir(tmp_path):
    target = tmp_path / "reference"
    shutil.copytree(SOURCE, target)
    return target


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_running_twice_changes_nothing():
    revisions = Revision.objects.count()
    pages = Page.objects.count()
    latest = Page.objects.order_by("-latest_revision_created_at").first().latest_revision_created_at
    stats = Loader(SOURCE).run()
    assert stats["created"] == 0
    assert stats["updated"] == 0
    assert stats["unchanged"] > 250
    assert Revision.objects.count() == revisions
    assert Page.objects.count() == pages
    newest = Page.objects.order_by("-latest_revision_created_at").first()
    assert newest.latest_revision_created_at == latest


def test_the_default_site_follows_site_url(settings, home):
    assert Site.objects.get(is_default_site=True).root_url == "http://testserver"
    settings.SITE_URL = "https://www.example.org"
    stats = Loader(SOURCE).run()
    assert (stats["created"], stats["updated"]) == (0, 0), "pages keep their revisions"
    site = Site.objects.get(is_default_site=True)
    assert (site.root_url, site.root_page_id) == ("https://www.example.org", home.pk)
    assert Site.objects.count() == 1


def test_a_site_url_the_site_cannot_take_stops_the_command(settings):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="SITE_URL is empty"):
        call_command("load_reference_content", verbosity=0)


def test_a_changed_page_is_indexed_once_when_the_load_ends(content_dir, page_at, monkeypatch):
    """Saved and published several times by the load, the page is indexed for
    search once, in bulk, at the end; its reference index rows are written then."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import ReferenceIndex
    from wagtail.search.models import IndexEntry

    from portal.search import bulk

    replace_in(
        content_dir / "fields_of_work.yaml",
        "- title: Policing\n",
        "- title: Policing and law enforcement\n",
    )
    page = page_at("/our-work/fields-of-work/policing/")
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=str(page.pk)
    )
    references.delete()
    calls = []  # (inside the block, ids, pages indexed)
    real = bulk.index_pages

    def index_pages(ids, *args, **kwargs):
        ids = list(ids)
        inside = getattr(bulk._deferred, "ids", None) is not None
        calls.append((inside, ids, real(ids, *args, **kwargs)))
        return calls[-1][2]

    monkeypatch.setattr(bulk, "index_pages", index_pages)
    Loader(content_dir).run()
    asked = [indexed for inside, ids, indexed in calls if inside and page.pk in ids]
    assert asked and not any(asked), "asked while loading, nothing indexed then"
    done = [indexed for inside, ids, indexed in calls if not inside and page.pk in ids]
    assert len(done) == 1 and done[0] >= 1, "indexed once, when the load ends"
    entry = IndexEntry.objects.get(object_id=str(page.pk), content_type_id=page.content_type_id)
    # On PostgreSQL the title column is a vector; its text is kept beside it.
    title = entry.title_text if connection.vendor == "postgresql" else entry.title
    assert title == "Policing and law enforcement"
    assert references.filter(model_path="term", to_object_id=str(page.term_id)).exists()


def test_editing_a_file_updates_that_page_only(content_dir, page_at):
    replace_in(
        content_dir / "fields_of_work.yaml",
        "- title: Policing\n",
        "- title: Policing and law enforcement\n",
    )
    revisions = Revision.objects.count()
    stats = Loader(content_dir).run()
    assert stats["updated"] == 1
    assert stats["created"] == 0
    assert Revision.objects.count() == revisions + 1
    page = page_at("/our-work/fields-of-work/policing/")
    assert page.title == "Policing and law enforcement"
    assert page.live
    assert page.term.name == "Policing and law enforcement", "the tag follows the title"


def test_new_entry_is_created(content_dir, page_at):
    with (content_dir / "news.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "\n  - title: A freshly added news item\n    date: 2026-01-05\n"
            "    fields_of_work: [policing]\n"
        )
    stats = Loader(content_dir).run()
    assert stats["created"] == 1
    item = page_at("/news/a-freshly-added-news-item/")
    assert [t.slug for t in item.fields_of_work.all()] == ["policing"]


@pytest.mark.parametrize(
    "filename,old,new,expected",
    [
        (
            "countries.yaml",
            "status: participating_state",
            "status: member_state",
            "countries.yaml: items[0].status",
        ),
        (
            "news.yaml",
            "date: 2025-12-31",
            "date: 2025-13-45",
            "news.yaml: items[0].date",
        ),
        (
            "stories.yaml",
            "fields_of_work: [",
            "fields_of_work: [no-such-topic, ",
            "unknown field of work 'no-such-topic'",
        ),
        ("pages.yaml", "  title: Organization", "  titel: Organization", "pages.yaml: home.ti"),
        ("events.yaml", "timezone: Europe/Kyiv", "timezone: Mars/Olympus", "unknown time zone"),
        ("leadership.yaml", "items:", "items: [", "leadership.yaml: line"),
        (
            "structures.yaml",
            "kind: chairpersonship",
            "kind: empire",
            "structures.yaml: [0].items[0].kind",
        ),
    ],
)
def test_malformed_files_are_refused_with_file_and_field(content_dir, filename, old, new, expected):
    replace_in(content_dir / filename, old, new)
    revisions = Revision.objects.count()
    with pytest.raises(CommandError) as excinfo:
        call_command("load_reference_content", directory=str(content_dir))
    assert expected in str(excinfo.value)
    assert Revision.objects.count() == revisions, "nothing is written"


def test_bad_reference_late_in_the_load_rolls_everything_back(content_dir, page_at):
    replace_in(content_dir / "fields_of_work.yaml", "- title: Policing\n", "- title: Polizei\n")
    replace_in(content_dir / "events.yaml", "organizer: mission-to-moldova", "organizer: atlantis")
    with pytest.raises(CommandError, match="events.yaml: items\\[0\\].organizer"):
        call_command("load_reference_content", directory=str(content_dir))
    assert page_at("/our-work/fields-of-work/policing/").title == "Policing"


def test_missing_file_is_named(content_dir):
    (content_dir / "events.yaml").unlink()
    with pytest.raises(CommandError, match="events.yaml: file not found"):
        call_command("load_reference_content", directory=str(content_dir))


def test_reference_facts(page_at):
    """A few facts that must survive any rewrite of the prose."""
    english = {"locale__language_code": "en"}  # translations are counted in portal/translations
    assert FieldOfWorkPage.objects.filter(**english).count() == 23
    assert CountryPage.objects.filter(status="participating_state", **english).count() == 57
    assert CountryPage.objects.filter(status="asian_partner", **english).count() == 5
    assert CountryPage.objects.filter(status="mediterranean_partner", **english).count() == 6
    assert LeadershipPostPage.objects.count() == 23
    operations = StructurePage.objects.filter(kind=StructureKind.FIELD_OPERATION)
    assert operations.filter(closed=None).count() == 12
    closed = page_at("/structures/closed-field-activities/")
    assert operations.child_of(closed).exclude(closed=None).count() == closed.get_children().count()
    albania = page_at("/structures/field-operations/presence-in-albania/")
    assert albania.established.isoformat() == "1997-03-27"
    czechia = page_at("/countries/czechia/")
    assert czechia.title == "Czechia"
    assert czechia.alias_list == ["Czech Republic"]
    finland = page_at("/countries/finland/")
    assert finland.title == "Finland"
    assert Chairpersonship.objects.get(year=2025).country == finland.term
    osg = page_at("/structures/secretariat/office-of-the-secretary-general/")
    assert osg.get_children().type(StructurePage).count() == 8
