"""Counts are grouped by the visitor's language: 12,345 / 12.345 / 12 345."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from portal.listings.query import FacetResult, Option


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "12,345"), ("de", "12.345"), ("it", "12.345")],
)
def test_filter_counts_are_grouped_per_language(language, expected):
    facets = [FacetResult("year", "Year", [Option("2024", "2024", 12345)])]
    with translation.override(language):
        html = render_to_string("components/facets.html", {"facets": facets, "query": None})
    assert f"2024 ({expected})" in html, "and the year itself is not grouped"


@pytest.mark.parametrize("language", ["fr", "ru", "es"])
def test_french_russian_and_spanish_group_with_a_space(language):
    facets = [FacetResult("year", "Year", [Option("2024", "2024", 12345)])]
    with translation.override(language):
        html = render_to_string("components/facets.html", {"facets": facets, "query": None})
    assert re.search(r"2024 \(12[\s\u00a0\u202f]345\)", html)
