"""Country names in six languages, checked against a maintained source.

The reference content types each country's name in English and in
``translations/<lang>.yaml``. Here every country page, in every language, is
compared with the ISO 3166-1 name in pycountry's gettext catalogues (the
Debian iso-codes translations), found by the page's ``iso_code``: its short
name, official name or common name. Where the OSCE deliberately writes
otherwise, the name is listed in ``DELIBERATE`` with the reason; an entry that
no longer differs from ISO is reported too, so the list stays short.
"""

import gettext
from collections import defaultdict

import pycountry
import pytest
from django.conf import settings

from portal.countries.models import CountryPage

# (ISO code, language) -> the title the site uses, where ISO 3166 says otherwise.
DELIBERATE = {
    # The OSCE's own names for its participating States and Partners.
    # ISO: "Holy See (Vatican City State)"; the participating State is the Holy See.
    ("VA", "en"): "Holy See",
    ("VA", "fr"): "Saint-Siège",
    ("VA", "de"): "Heiliger Stuhl",
    ("VA", "it"): "Santa Sede",
    ("VA", "ru"): "Святой Престол",  # ISO: "Государство-город Ватикан", the city state
    ("VA", "es"): "Santa Sede",
    # ISO: "Korea, Republic of" (an index form) or "South Korea"; the Partner's name.
    ("KR", "en"): "Republic of Korea",
    ("KR", "fr"): "République de Corée",
    ("KR", "de"): "Republik Korea",
    ("KR", "it"): "Repubblica di Corea",
    ("KR", "es"): "República de Corea",
    # The State's official name, as in the OSCE's list of participating States.
    ("NL", "en"): "The Netherlands",
    ("RU", "fr"): "Fédération de Russie",  # ISO: "Russie, Fédération de" (index form)
    ("RU", "it"): "Federazione Russa",  # ISO: "Russia"
    ("RU", "es"): "Federación de Rusia",  # UN Spanish; ISO: "Federación Rusa"
    # The name the country asked international organizations to use from 2022;
    # ISO's catalogues still translate it ("Turquie", "Türkei", "Turchia", "Turquía").
    ("TR", "fr"): "Türkiye",
    ("TR", "de"): "Türkiye",
    ("TR", "it"): "Türkiye",
    ("TR", "es"): "Türkiye",
    # The countries' own short names, used by the UN and the OSCE, where ISO's
    # translators chose older exonyms ("Moldavia", "Bielorussia", "Киргизия").
    ("MD", "it"): "Moldova",
    ("MD", "ru"): "Молдова",  # ISO: only the official "Республика Молдова"
    ("MD", "es"): "Moldova",
    ("BY", "it"): "Belarus",
    ("BY", "es"): "Belarús",  # UN Spanish
    ("KG", "ru"): "Кыргызстан",  # the official Russian name; ISO: "Киргизия"
    # UN Spanish short names; ISO follows the Academy ("Kazajistán", "Rumanía").
    ("KZ", "es"): "Kazajstán",
    ("RO", "es"): "Rumania",
    # ISO's Spanish catalogue is wrong: "Algeria" (Italian), "Tunez" (no accent).
    ("DZ", "es"): "Argelia",
    ("TN", "es"): "Túnez",
}


def iso_names(country, language: str) -> set[str]:
    """ISO 3166-1's names of ``country`` in ``language``: the short name, and the
    official and common names where the catalogue translates them (an
    untranslated one would come back in English)."""
    if language == "en":
        names = {country.name}
        names.update(getattr(country, key, None) for key in ("official_name", "common_name"))
        return names - {None}
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    names = {catalogue.gettext(country.name)}
    for key in ("official_name", "common_name"):
        english = getattr(country, key, None)
        if english and catalogue.gettext(english) != english:
            names.add(catalogue.gettext(english))
    return names


@pytest.fixture
def titles(db):
    """{translation key: {language: (iso_code, title)}} of every live country page."""
    rows = CountryPage.objects.live().values_list(
        "translation_key", "locale__language_code", "iso_code", "title"
    )
    found = defaultdict(dict)
    for key, language, iso_code, title in rows:
        found[key][language] = (iso_code, title)
    return found


def test_every_country_page_exists_in_six_languages(titles):
    languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    assert len(titles) >= 68
    for by_language in titles.values():
        english = by_language["en"][1]
        assert set(by_language) == languages, f"{english} is missing in some language"


def test_every_country_is_named_as_iso_3166_names_it_or_deliberately_otherwise(titles):
    problems, used = [], set()
    for by_language in titles.values():
        for language, (iso_code, title) in sorted(by_language.items()):
            country = pycountry.countries.get(alpha_2=iso_code)
            assert country is not None, f"{title}: {iso_code!r} is not an ISO 3166-1 code"
            names = iso_names(country, language)
            deliberate = DELIBERATE.get((iso_code, language))
            if deliberate is not None:
                used.add((iso_code, language))
                if title != deliberate:
                    problems.append(f"{iso_code} {language}: {title!r}, listed as {deliberate!r}")
                elif title in names:
                    problems.append(f"{iso_code} {language}: {title!r} is ISO's; unlist it")
            elif title not in names:
                problems.append(f"{iso_code} {language}: {title!r}, ISO says {sorted(names)}")
    assert not problems, "\n".join(problems)
    assert used == set(DELIBERATE), f"listed but not on the site: {set(DELIBERATE) - used}"


def test_the_check_tells_a_wrong_name():
    austria = pycountry.countries.get(alpha_2="AT")
    assert "Autriche" in iso_names(austria, "fr")
    assert "Österreich" in iso_names(austria, "de")
    assert "Australie" not in iso_names(austria, "fr")
    assert iso_names(pycountry.countries.get(alpha_2="CZ"), "fr") == {
        "Tchéquie",
        "République tchèque",
    }
