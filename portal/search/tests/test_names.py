"""Known names (titles and aliases of countries, structures and fields of
work, ``names.py``) are never broken into corrected words, and an alias leads
to the page it names. On the reference content: Czechia is also known as
"Czech Republic", the ODIHR is a structure's acronym."""

import pytest

from portal.search import names
from portal.search.vocabulary import suggest

pytestmark = pytest.mark.django_db


def search(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response


def first_title(response):
    return response.context["results"][0].title


def test_the_vocabulary_alone_would_break_an_alias():
    # What "did you mean" offered before known names were kept whole.
    assert suggest("en", ["Czech", "Republic"]) == ["czechia", "republic"]
    assert suggest("en", ["Czech", "Republic"], keep=names.protected(["Czech", "Republic"])) is None


@pytest.mark.parametrize(
    "tokens, kept",
    [
        (["Czech", "Republic"], {0, 1}),
        (["czech", "REPUBLIC", "poliicing"], {0, 1}),
        (["elections", "in", "Czechia"], {2}),
        (["ODIHR", "reprot"], {0}),
        (["Tchéquie"], {0}),  # a title in another language
        (["Чехия", "выборы"], {0}),
        (["Secretariat"], {0}),
        (["poliicing"], set()),
    ],
)
def test_the_words_of_known_names_are_kept(tokens, kept):
    assert names.protected(tokens) >= kept
    assert not {i for i, t in enumerate(tokens) if t in {"poliicing", "reprot"}} & names.protected(
        tokens
    )


def test_other_words_are_still_corrected_around_a_name():
    tokens = ["Czech", "Republic", "poliicing"]
    assert suggest("en", tokens, keep=names.protected(tokens)) == [
        "czech",
        "republic",
        "policing",
    ]


@pytest.mark.parametrize("query", ["Czech Republic", "czech republic", "CZECH REPUBLIC"])
def test_an_alias_leads_to_the_country_and_suggests_nothing(client, query):
    response = search(client, "en", query)
    assert first_title(response) == "Czechia"
    assert "suggestion" not in response.context or not response.context["suggestion"]
    assert "czechia republic" not in response.content.decode().lower()


@pytest.mark.parametrize(
    "language, query, title",
    [
        ("fr", "Czech Republic", "Tchéquie"),
        ("de", "czech republic", "Tschechien"),
        ("ru", "Чехия", "Чехия"),
        ("es", "chequia", "Chequia"),
    ],
)
def test_in_every_language(client, language, query, title):
    response = search(client, language, query)
    assert first_title(response) == title
    assert not response.context.get("suggestion")


def test_a_structure_acronym_is_never_corrected(client):
    response = search(client, "de", "ODIHR")
    assert not response.context.get("suggestion")


def test_named_pages_are_those_of_the_locale(page_at):
    czechia = page_at("/countries/czechia/")
    assert names.named_pages("czech  REPUBLIC", czechia.locale) == [czechia.pk]
    assert names.named_pages("Czech", czechia.locale) == []
    assert names.named_pages("", czechia.locale) == []
    assert names.named_pages("Czech Republic", None) == []
