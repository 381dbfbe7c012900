"""The index follows publish, unpublish, move and delete; translations are
found in their own language only; the bulk indexer writes what Wagtail's
indexer writes; search_index rebuilds everything with progress."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from portal.news.factories import NewsPageFactory
from portal.news.models import NewsPage
from portal.search.bulk import index_pages
from portal.search.models import PageDate, Word

pytestmark = pytest.mark.django_db


def found(client, query, language="en"):
    response = client.get(f"/{language}/search/", {"q": query})
    return [r.page_id for r in response.context["results"] or []]


def test_publish_unpublish_move_delete(client, page_at):
    page = NewsPageFactory(parent=page_at("/news/"), title="Hovercraft drill", live=False)
    assert page.pk not in found(client, "hovercraft")

    page.save_revision().publish()
    assert page.pk in found(client, "hovercraft")

    page.refresh_from_db()
    page.title = "Amphibious hovercraft drill"
    page.save_revision().publish()
    assert page.pk in found(client, "amphibious")

    page.refresh_from_db()
    page.unpublish()
    assert page.pk not in found(client, "hovercraft")

    page.save_revision().publish()
    page.refresh_from_db()
    page.move(page_at("/stories/"), pos="last-child")
    page.refresh_from_db()
    response = client.get("/en/search/", {"q": "hovercraft"})
    urls = [r.url for r in response.context["results"]]
    assert urls == [page.url]
    assert "/stories/" in page.url

    page.delete()
    assert found(client, "hovercraft") == []
    assert not PageDate.objects.filter(page_id=page.pk).exists()


def test_publishing_adds_title_words_to_the_vocabulary(page_at):
    page = NewsPageFactory(parent=page_at("/news/"), title="Glockenspiel concert", live=False)
    page.save_revision().publish()
    assert Word.objects.filter(language="en", word="glockenspiel").exists()


def test_dates_follow_the_page(page_at):
    import datetime

    page = NewsPageFactory(parent=page_at("/news/"), date=datetime.date(2001, 5, 4))
    assert PageDate.objects.get(page_id=page.pk).year == 2001
    page.date = datetime.date(2011, 5, 4)
    page.save_revision().publish()
    assert PageDate.objects.get(page_id=page.pk).year == 2011


def test_each_language_finds_its_own_pages(client, page_at):
    source = NewsPageFactory(parent=page_at("/news/"), title="Marimba festival")
    french = Locale.objects.get_or_create(language_code="fr")[0]
    copy = source.copy_for_translation(french, copy_parents=True)
    copy.title = "Festival de marimba"
    copy.save_revision().publish()
    assert found(client, "marimba", "en") == [source.pk]
    assert found(client, "marimba", "fr") == [copy.pk]


def test_replacing_a_file_reindexes_its_publication(client, decision):
    from portal.publications.tests.files import pdf_bytes

    assert decision.pk in found(client, "quarzolith")
    document = decision.files.get().document
    from django.core.files.base import ContentFile

    document.file.save("decision-fr-2.pdf", ContentFile(pdf_bytes("Xenolith annex")), save=False)
    document.file_hash = ""
    document.save()
    assert decision.pk in found(client, "xenolith")
    assert decision.pk not in found(client, "quarzolith")


def forget(page_ids=None):
    """Empty what search knows of these pages (of every page), as if they had
    been written without signals."""
    from modelsearch.conf import get_app_config

    from portal.search import entries

    index = get_app_config().get_model("IndexEntry").objects.all()
    dates = PageDate.objects.all()
    if page_ids is not None:
        index = index.filter(object_id__in=[str(pk) for pk in page_ids])
        dates = dates.filter(page_id__in=page_ids)
    index.delete()
    dates.delete()
    if entries.enabled():
        from django.db import connection

        with connection.cursor() as cursor:
            if page_ids is None:
                cursor.execute("DELETE FROM search_entry")
            else:
                cursor.execute("DELETE FROM search_entry WHERE page_id = ANY(%s)", [page_ids])


def test_bulk_index_finds_pages_written_without_signals(client, page_at):
    page = NewsPageFactory(parent=page_at("/news/"), title="Ocarina ensemble")
    forget([page.pk])
    assert found(client, "ocarina") == []
    assert index_pages([page.pk]) == 1
    assert found(client, "ocarina") == [page.pk]
    assert PageDate.objects.filter(page_id=page.pk).exists()


def test_search_index_command_shows_progress_and_rebuilds(client, news):
    forget()
    Word.objects.all().delete()
    assert found(client, "police") == []
    out, err = io.StringIO(), io.StringIO()
    call_command("search_index", stdout=out, stderr=err)
    assert "Indexed" in out.getvalue() and "pages/s" in out.getvalue()
    assert "Pages" in err.getvalue() and "100%" in err.getvalue()
    assert news["b"].pk in found(client, "police")
    assert Word.objects.filter(language="en", word="chisinau").exists()
    assert NewsPage.objects.count() >= 3


def test_generated_content_is_searchable_and_removable(client):
    from portal.content.generator import Generator

    Generator(seed=11, batch_size=40, progress=False).generate(60)
    generated = NewsPage.objects.filter(slug__startswith="gen-11-").order_by("pk").first()
    response = client.get("/en/search/", {"q": generated.title})
    assert response.context["results"][0].page_id == generated.pk
    assert PageDate.objects.filter(page_id=generated.pk).exists()

    Generator(seed=11, progress=False).remove()
    response = client.get("/en/search/", {"q": generated.title})
    assert generated.pk not in [r.page_id for r in response.context["results"] or []]
