"""Rows by primary key from SQL compiled once per shape (portal/core/prepared.py)
are the instances the ORM gives: the same fields, converted the same way,
deferred fields read on access; one compilation per model, deferral and
padded length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.core import prepared
from portal.core.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def standard_ids():
    return list(StandardPage.objects.order_by("pk").values_list("pk", flat=True)[:7])


def fields_of(page, deferred=()):
    return {
        field.attname: getattr(page, field.attname)
        for field in type(page)._meta.concrete_fields
        if field.name not in deferred
    }


@pytest.mark.parametrize("count", [1, 2, 3, 5, 7])
def test_instances_are_the_orms(standard_ids, count):
    prepared.clear()
    ids = standard_ids[:count]
    assert len(ids) == count
    read = {page.pk: page for page in prepared.by_ids(StandardPage, ids, defer=("body",))}
    expected = {page.pk: page for page in StandardPage.objects.filter(pk__in=ids)}
    assert read.keys() == expected.keys()
    for pk, page in read.items():
        assert type(page) is StandardPage
        assert fields_of(page, ("body",)) == fields_of(expected[pk], ("body",))
        assert page.get_deferred_fields() == {"body"}
        assert not page._state.adding
        assert page.url == expected[pk].url
    # Converted as the ORM converts: dates are dates, flags are booleans.
    some = next(iter(read.values()))
    assert isinstance(some.live, bool)
    assert some.first_published_at is None or some.first_published_at.tzinfo is not None


def test_a_deferred_field_is_read_on_access(standard_ids):
    page = prepared.by_ids(StandardPage, standard_ids[:1], defer=("body",))[0]
    with CaptureQueriesContext(connection) as queries:
        body = page.body
    assert len(queries) == 1
    assert list(body.raw_data) == list(StandardPage.objects.get(pk=page.pk).body.raw_data)


def test_missing_ids_and_repeats_are_left_out(standard_ids):
    missing = max(Page.objects.values_list("pk", flat=True)) + 1000
    read = prepared.by_ids(StandardPage, [standard_ids[0], missing, standard_ids[0]])
    assert [page.pk for page in read] == [standard_ids[0]]
    assert prepared.by_ids(StandardPage, []) == []


def test_one_compilation_per_padded_length(standard_ids, monkeypatch):
    prepared.clear()
    compiled = []
    real = prepared._compile
    monkeypatch.setattr(prepared, "_compile", lambda *a: compiled.append(a) or real(*a))
    for count in (5, 6, 7, 8, 5):  # all padded to eight
        prepared.by_ids(StandardPage, standard_ids[:count], defer=("body",))
    prepared.by_ids(StandardPage, standard_ids[:2], defer=("body",))
    prepared.by_ids(StandardPage, standard_ids[:2])
    assert [(length, defer) for _model, defer, length, _using in compiled] == [
        (8, ("body",)),
        (2, ("body",)),
        (2, ()),
    ]


def test_each_call_reads_its_own_ids(standard_ids):
    prepared.clear()
    first = prepared.by_ids(StandardPage, standard_ids[:3])
    second = prepared.by_ids(StandardPage, standard_ids[3:6])
    assert {p.pk for p in first} == set(standard_ids[:3])
    assert {p.pk for p in second} == set(standard_ids[3:6])


@pytest.mark.parametrize(
    ("ids", "expected"),
    [([], []), ([4], [4]), ([4, 5], [4, 5]), ([4, 5, 6], [4, 5, 6, 6]), ([1] * 5, [1] * 8)],
)
def test_padding(ids, expected):
    assert prepared.padded(ids) == expected
