"""The API follows both registries: a new listed kind gets its list, its
item and its schema; a tag kind is a filter of every list. Nothing in
portal/api names a kind."""

import pytest
from django.utils.translation import gettext_lazy as _
from ninja.testing import TestClient

from portal.api.app import build_api
from portal.listings import kinds, postings
from portal.listings.kinds import ListedKind
from portal.projects.factories import ProjectPageFactory
from portal.taxonomy.registry import tag_kinds

pytestmark = pytest.mark.django_db


def test_a_new_listed_kind_appears_in_the_api(page_at, terms, monkeypatch):
    initiatives = ListedKind(
        "initiatives", _("Initiatives"), "projects.ProjectPage", "initiative", _("Initiatives")
    )
    others = tuple(kind for kind in kinds.LISTED_KINDS if kind.key != "projects")
    monkeypatch.setattr(kinds, "LISTED_KINDS", (*others, initiatives))
    project = ProjectPageFactory(
        parent=page_at("/our-work/projects/"),
        title="A new initiative",
        tags={"countries": [terms["serbia"]]},
    )
    postings.rebuild()

    api = build_api(namespace="api_v1_initiatives")
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    operation = schema["paths"]["/api/v1/pages/initiatives/"]["get"]
    assert {tag.param for tag in tag_kinds()} <= {p["name"] for p in operation["parameters"]}
    assert "/api/v1/pages/projects/" not in schema["paths"]
    item_schema = schema["components"]["schemas"]["ProjectPageItem"]
    assert {"budget_amount", "end_date", "tags", "translated"} <= set(item_schema["properties"])

    client = TestClient(api)
    listed = client.get("/pages/initiatives/?country=serbia&limit=100").json()
    assert project.pk in [item["id"] for item in listed["items"]]
    assert {item["kind"] for item in listed["items"]} == {"initiatives"}
    item = client.get(f"/pages/initiatives/{project.pk}/?language=fr").json()
    assert (item["title"], item["budget_currency"], item["translated"]) == (
        "A new initiative",
        "EUR",
        False,
    )
