"""Lists and items of the listed kinds: filters from both registries, keyset
cursors, the languages rule, and a 400 for every bad parameter."""

import datetime

import pytest
from django.utils import timezone

from portal.listings.kinds import listed_kinds
from portal.taxonomy.registry import tag_kinds
from portal.vacancies.factories import VacancyPageFactory

pytestmark = pytest.mark.django_db

MARCH = {"date_from": "2025-03-01", "date_to": "2025-03-04"}


def get(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"] if item["title"].startswith("Apiary")]


def test_every_listed_kind_has_a_list_and_its_items(
    client, news, event, publication, project, page_at
):
    # The reference content has elections, but no vacancy: add an open one.
    VacancyPageFactory(parent=page_at("/about-us/employment/vacancies/"), title="Apiary keeper")
    for kind in listed_kinds():
        data = get(client, f"pages/{kind.key}/", limit=3)
        assert data["items"], kind.key
        item = data["items"][0]
        assert item["kind"] == kind.key
        assert item["type"] == kind.model
        assert set(item["tags"]) == {tag.name for tag in tag_kinds()}
        detail = get(client, f"pages/{kind.key}/{item['id']}/")
        assert detail["id"] == item["id"] and detail["title"] == item["title"]


def test_typed_fields_of_events_and_publications(client, event, publication):
    data = get(client, f"pages/events/{event.pk}/")
    assert data["timezone"] == "Europe/Vienna"
    assert datetime.datetime.fromisoformat(data["start"]) == event.start
    assert datetime.datetime.fromisoformat(data["end"]) == event.end
    data = get(client, f"pages/publications/{publication.pk}/")
    assert {"symbol", "publication_type", "files"} <= set(data)


def test_tag_filters_by_slug_and_by_id(client, news, terms):
    by_slug = get(client, "pages/news/", country="serbia", **MARCH)
    by_id = get(client, "pages/news/", country=str(terms["serbia"].pk), **MARCH)
    assert titles(by_slug) == titles(by_id) == ["Apiary item 4", "Apiary item 2", "Apiary item 0"]
    three = get(
        client, "pages/news/", country="serbia", field_of_work="youth", type="news", **MARCH
    )
    assert titles(three) == ["Apiary item 4"]
    tags = by_slug["items"][0]["tags"]
    assert [t["slug"] for t in tags["countries"]] == ["serbia"]
    assert [t["slug"] for t in tags["fields_of_work"]] == ["youth"]


def test_date_range_and_updated_since(client, news):
    assert titles(get(client, "pages/news/", date_from="2025-03-02", date_to="2025-03-02")) == [
        "Apiary item 2",
        "Apiary item 1",
    ]
    news[3].last_published_at = timezone.now() + datetime.timedelta(days=1)
    news[3].save(update_fields=["last_published_at"])
    since = (timezone.now() + datetime.timedelta(hours=1)).isoformat()
    assert titles(get(client, "pages/news/", updated_since=since)) == ["Apiary item 3"]


def test_cursor_pages_cover_every_item_once_in_order(client, news):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, **MARCH, **({"cursor": cursor} if cursor else {})}
        data = get(client, "pages/news/", **params)
        seen += [item["id"] for item in data["items"]]
        pages += 1
        cursor = data["next_cursor"]
        if cursor is None:
            break
        assert data["next"].startswith("http://testserver/api/v1/pages/news/?")
    assert len(seen) == len(set(seen))
    assert [n.pk for n in reversed(news) if n.pk in seen] == [
        pk for pk in seen if pk in {n.pk for n in news}
    ]
    assert {n.pk for n in news} <= set(seen)
    assert pages >= 3


def test_every_item_in_every_language_translated_or_marked(client, news, french):
    translated = news[4].copy_for_translation(french, copy_parents=True)
    translated.title = "Apiary article 4"
    translated.save_revision().publish()
    data = get(client, "pages/news/", language="fr", **MARCH)
    by_key = {item["translation_key"]: item for item in data["items"]}
    assert len(by_key) == len(get(client, "pages/news/", **MARCH)["items"])
    item = by_key[str(news[4].translation_key)]
    assert item["title"] == "Apiary article 4"
    assert (item["language"], item["translated"], item["content_language"]) == ("fr", True, "fr")
    other = by_key[str(news[0].translation_key)]
    assert (other["language"], other["translated"], other["content_language"]) == (
        "fr",
        False,
        "en",
    )
    # The detail: any language version's id finds the item, shown in the language asked for.
    assert get(client, f"pages/news/{news[4].pk}/", language="fr")["id"] == translated.pk
    assert get(client, f"pages/news/{translated.pk}/", language="en")["id"] == news[4].pk
    assert get(client, f"pages/news/{news[0].pk}/", language="de")["translated"] is False


def test_structures_tree_and_countries(client):
    tree = get(client, "structures/", language="fr")["structures"]
    assert tree and all("children" in node for node in tree)
    assert any(node["children"] for node in tree)
    countries = get(client, "countries/", language="de")["countries"]
    assert {c["status"] for c in countries} >= {"participating_state"}
    assert all(c["language"] == "de" for c in countries)
    only = get(client, "countries/", status="asian_partner")["countries"]
    assert only and {c["status"] for c in only} == {"asian_partner"}


@pytest.mark.parametrize(
    "path, params",
    [
        ("pages/news/", {"cursor": "not-a-cursor"}),
        ("pages/news/", {"cursor": "djEuOTk5OTk5OTk5OTk5OTk5OTk5OTkuMQ"}),  # v1.<huge>.1
        ("pages/news/", {"date_from": "2025-02-30"}),
        ("pages/news/", {"date_from": "2025-03-04", "date_to": "2025-03-01"}),
        ("pages/news/", {"updated_since": "yesterday"}),
        ("pages/news/", {"updated_since": "6.689157792692388e-269"}),  # not a Unix time
        ("pages/news/", {"date_from": "20250301"}),
        ("pages/news/", {"limit": "9" * 5000}),
        ("pages/news/", {"limit": "0"}),
        ("pages/news/", {"country": "atlantis"}),
        ("pages/news/", {"country": "9" * 40}),
        ("pages/news/", {"country": "999999"}),
        ("pages/news/", {"type": "gossip"}),
        ("pages/news/", {"language": "xx"}),
        ("pages/news/99999999999999999999/", {}),
        ("pages/news/abc/", {}),
        ("countries/", {"status": "empire"}),
        ("search/", {}),
        ("search/", {"q": "x" * 500}),
        ("search/", {"q": "policing", "page": "0"}),
    ],
)
def test_bad_input_is_a_400_with_a_json_message(client, path, params):
    response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["errors"] and body["errors"][0]["msg"]


def test_messages_are_in_the_language_asked_for(client):
    response = client.get("/api/v1/pages/news/", {"language": "fr", "country": "atlantis"})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] != "The request has parameters this API cannot read."
    assert "atlantis" in body["errors"][0]["msg"]


def test_an_unknown_item_or_address_is_a_json_404(client, news):
    for path in (f"pages/events/{news[0].pk}/", "pages/gossip/", "nowhere"):
        response = client.get(f"/api/v1/{path}")
        assert response.status_code == 404, path
        assert response.json()["status"] == 404


def test_control_characters_are_refused_before_the_api(client):
    response = client.get("/api/v1/pages/news/", {"country": "serbia\x00"})
    assert response.status_code == 400  # the site's input guard (portal/core/input_guard.py)
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 400


def test_a_list_costs_the_same_queries_for_few_or_many_items(
    client, news, django_assert_max_num_queries
):
    get(client, "pages/news/", limit=1)  # caches filled
    with django_assert_max_num_queries(6):
        get(client, "pages/news/", limit=20, country="serbia", field_of_work="youth")
    with django_assert_max_num_queries(6):
        get(client, "pages/publications/", limit=50)
