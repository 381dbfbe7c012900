"""The results page: one ranked list across page types, facets, sorting,
pagination, snippets, the symbol shortcut, promotions, suggestions and the
help shown when nothing matches."""

import re

import pytest
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from portal.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [r.title for r in response.context["results"]]


def test_results_span_page_types(client, news, decision):
    response = client.get("/en/search/", {"q": "policing"})
    assert response.status_code == 200
    found = titles(response)
    assert "Community policing workshop in Novi Sad" in found
    assert "Policing" in found  # the field-of-work page
    types = {r.type_label for r in response.context["results"]}
    assert {"News", "Fields of work"} <= types or len(types) > 1


def test_exact_title_ranks_first(client, news):
    response = client.get("/en/search/", {"q": "police reform conference in chisinau"})
    assert titles(response)[0] == "Police reform conference in Chisinau"
    response = client.get("/en/search/", {"q": "Policing"})
    assert titles(response)[0] == "Policing"


def test_document_text_is_searchable(client, decision):
    response = client.get("/en/search/", {"q": "quarzolith"})
    assert titles(response) == ["Decision on the unified budget"]
    assert "<mark>Quarzolith</mark>" in response.content.decode()


@pytest.mark.parametrize(
    "typed", ["PC.DEC/1162", "pc.dec/1162", "PC.DEC / 1162", " pc . dec /1162 ", "pc dec 1162"]
)
def test_symbol_goes_straight_to_the_document(client, decision, typed):
    response = client.get("/en/search/", {"q": typed})
    assert response.status_code == 302
    assert response["Location"] == decision.url


def test_unknown_symbol_is_searched_as_words(client, decision):
    response = client.get("/en/search/", {"q": "PC.DEC/9999"})
    assert response.status_code == 200


def test_facets_count_and_combine(client, news, terms):
    response = client.get("/en/search/", {"q": "police"})
    facets = {f.name: f for f in response.context["facets"]}
    countries = {o.value: o.count for o in facets["country"].options}
    assert countries["serbia"] >= 1 and countries["moldova"] >= 1
    years = {o.value: o.count for o in facets["year"].options}
    assert years["2024"] >= 1 and years["2025"] >= 1
    types = {o.value: o.count for o in facets["type"].options}
    assert types["news"] >= 2

    response = client.get(
        "/en/search/", {"q": "police", "country": "serbia", "year": "2024", "type": "news"}
    )
    assert response.status_code == 200
    assert titles(response) == ["Community policing workshop in Novi Sad"]
    assert response.context["total"] == 1
    html = response.content.decode()
    assert "Remove Country: Serbia" in html

    response = client.get("/en/search/", {"q": "police", "field_of_work": "youth"})
    assert "Police reform conference in Chisinau" not in titles(response)


def test_language_facet_filters_by_file_language(client, decision):
    response = client.get("/en/search/", {"q": "budget", "language": "fr"})
    assert "Decision on the unified budget" in titles(response)
    response = client.get("/en/search/", {"q": "budget", "language": "ru"})
    assert "Decision on the unified budget" not in titles(response)


def test_sort_by_date(client, news):
    response = client.get("/en/search/", {"q": "police", "sort": "date", "type": "news"})
    dates = [r.date for r in response.context["results"]]
    assert dates == sorted(dates, reverse=True)
    assert len(dates) >= 2


def test_pagination(client, page_at):
    parent = page_at("/news/")
    for n in range(25):
        NewsPageFactory(parent=parent, title=f"Zebrafish survey number {n}")
    first = client.get("/en/search/", {"q": "zebrafish"})
    second = client.get("/en/search/", {"q": "zebrafish", "page": "2"})
    assert first.context["total"] == 25
    assert len(first.context["results"]) == 20
    assert len(second.context["results"]) == 5
    assert not set(titles(first)) & set(titles(second))
    assert 'href="?q=zebrafish&amp;page=2"' in first.content.decode()
    beyond = client.get("/en/search/", {"q": "zebrafish", "page": "9"})
    assert beyond.status_code == 400
    assert "There is no page 9" in beyond.content.decode()


def test_snippets_are_highlighted_and_escaped(client, page_at):
    NewsPageFactory(
        parent=page_at("/news/"),
        title="Ombudsperson <b>visit</b>",
        summary="The ombudsperson met <script>alert(1)</script> officials.",
    )
    response = client.get("/en/search/", {"q": "ombudsperson"})
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<mark>Ombudsperson</mark> &lt;b&gt;visit&lt;/b&gt;" in html


def test_misspelling_gets_did_you_mean(client, news):
    response = client.get("/en/search/", {"q": "polcing"})
    assert response.context["suggestion"] == "policing"
    assert 'href="/en/search/?q=policing"' in response.content.decode()


def test_a_title_with_a_numbered_reference_is_found_as_typed(client, page_at):
    from portal.news.factories import NewsPageFactory

    page = NewsPageFactory(
        parent=page_at("/news/"), title="Forum Decision No. 1043/21 on youth and security"
    )
    response = client.get("/en/search/", {"q": "Forum Decision No. 1043/21"})
    assert [r.page_id for r in response.context["results"]][:1] == [page.pk]


def test_did_you_mean_never_offers_a_word_nothing_matches(client, page_at):
    from portal.news.factories import NewsPageFactory

    page = NewsPageFactory(parent=page_at("/news/"), title="Xylophonist summit", live=False)
    page.save_revision().publish()
    assert client.get("/en/search/", {"q": "xylophonst"}).context["suggestion"] == "xylophonist"

    page.refresh_from_db()
    page.unpublish()  # the word stays in the vocabulary, but no page has it now
    assert "suggestion" not in client.get("/en/search/", {"q": "xylophonst"}).context


def test_promoted_result_comes_first(client, page_at):
    target = page_at("/about-us/our-history/")
    query = Query.get("history of the organization")
    SearchPromotion.objects.create(query=query, page=target, description="Where it began.")
    response = client.get("/en/search/", {"q": "History of the Organization"})
    html = response.content.decode()
    assert "Recommended" in html
    assert [p.page_id for p in response.context["promotions"]] == [target.pk]
    assert 'class="search-result-list"' in html
    assert html.index(target.url) < html.index('class="search-result-list"')


def test_empty_result_suggests_fields_of_work_and_pages(client):
    response = client.get("/en/search/", {"q": "xylophonequartet"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "No results for “xylophonequartet”" in html
    assert "/en/our-work/fields-of-work/policing/" in html
    assert "Popular pages" in html
    assert response.context["popular_pages"]


def test_popular_pages_come_from_popular_queries(client, page_at):
    target = page_at("/about-us/our-history/")
    SearchPromotion.objects.create(query=Query.get("history"), page=target)
    for _ in range(3):
        client.get("/en/search/", {"q": "history"})
    assert Query.get("history").hits == 3
    response = client.get("/en/search/", {"q": "xylophonequartet"})
    assert response.context["popular_pages"][0][2] == target.pk


def test_search_box_in_every_page_header(client, page_at):
    for path in ["/en/", "/en/news/", "/en/countries/serbia/", "/en/no-such-page/"]:
        html = client.get(path).content.decode()
        form = re.search(r'<form class="search-form"[^>]*>', html).group(0)
        assert 'action="/en/search/"' in form
        assert 'data-autocomplete-url="/en/search/suggest/"' in html
        assert "js/search.js" in html


def test_search_in_another_language_uses_its_own_url(client):
    with translation.override("fr"):
        response = client.get("/fr/search/", {"q": "policing"})
    assert response.status_code == 200
    assert 'action="/fr/search/"' in response.content.decode()


def test_autocomplete(client, news, decision):
    data = client.get("/en/search/suggest/", {"q": "commun"}).json()
    assert "Community policing workshop in Novi Sad" in [r["title"] for r in data["results"]]
    assert all(r["url"].startswith("/en/") for r in data["results"])
    data = client.get("/en/search/suggest/", {"q": "pc.dec/11"}).json()
    assert data["results"][0]["title"] == "Decision on the unified budget"
    assert client.get("/en/search/suggest/", {"q": "a"}).json()["results"] == []
    assert client.get("/en/search/suggest/", {"q": "%%"}).json()["results"] == []


def test_query_count_is_bounded(client, news, django_assert_max_num_queries, page_at):
    parent = page_at("/news/")
    for n in range(30):
        NewsPageFactory(parent=parent, title=f"Police cadets graduate {n}")
    client.get("/en/")  # warm menus
    with django_assert_max_num_queries(40):
        response = client.get("/en/search/", {"q": "police"})
    assert response.status_code == 200
