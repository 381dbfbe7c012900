"""A translator's work: a French translator creates the French translation of
an English page (and only French pages), sees the source beside it and what
changed in the source since, and the status report follows the source
revision the translation was made from."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.translations.models import TranslationSource
from portal.translations.sources import recorded_revision_id

pytestmark = pytest.mark.django_db

POST = "/our-work/fields-of-work/policing/"
REPORT = "/admin/translation-status/"


def translator(language_name, username="translator"):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=f"Translators ({language_name})"))
    return user


def refused(response) -> bool:
    """Wagtail's admin answers a refusal by sending the user back to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def translate_url(page, code):
    return f"/admin/translation-status/translate/{page.pk}/{code}/"


@pytest.fixture
def english(page_at):
    """An English page with no French version yet."""
    page = page_at(POST)
    for french in page.get_translations().filter(locale__language_code="fr"):
        french.delete()
    return page


@pytest.fixture
def french_translator():
    return translator("French")


@pytest.fixture
def french_client(client, french_translator):
    client.force_login(french_translator)
    return client


def french_state(client, page):
    html = client.get(REPORT, {"language": "fr", "state": "all"}).content.decode()
    row = html.split(f'href="/admin/pages/{page.pk}/edit/"', 1)[1].split("</tr>", 1)[0]
    return row.split('data-state="', 1)[1].split('"', 1)[0]


def test_a_french_translator_creates_the_french_translation(french_client, english):
    assert french_client.get(REPORT).status_code == 200
    assert french_state(french_client, english) == "missing"
    response = french_client.post(translate_url(english, "fr"))
    french = english.get_translations().get(locale__language_code="fr")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{french.pk}/edit/"
    assert not french.live
    assert recorded_revision_id(french) == english.live_revision_id

    edit = french_client.get(f"/admin/pages/{french.pk}/edit/")
    assert edit.status_code == 200
    assert f"/admin/translation-status/source/{french.pk}/" in edit.content.decode()

    french.specific.save_revision().publish()
    assert french_state(french_client, english) == "current"


def test_a_french_translator_creates_and_edits_french_pages_only(
    french_client, french_translator, english
):
    german = english.get_translations().get(locale__language_code="de")
    assert refused(french_client.get(f"/admin/pages/{german.pk}/edit/"))
    assert refused(french_client.get(f"/admin/pages/{english.pk}/edit/"))
    assert not german.permissions_for_user(french_translator).can_edit()
    assert not english.permissions_for_user(french_translator).can_edit()
    german.delete()
    assert refused(french_client.post(translate_url(english, "de")))
    assert not english.get_translations().filter(locale__language_code="de").exists()


def test_translating_into_another_language_is_refused(client, english):
    italian = translator("Italian")
    client.force_login(italian)
    assert refused(client.get(translate_url(english, "fr")))
    assert refused(client.post(translate_url(english, "fr")))
    assert not english.get_translations().filter(locale__language_code="fr").exists()


def test_a_changed_source_makes_the_translation_out_of_date_and_shows_what_changed(
    french_client, english
):
    french_client.post(translate_url(english, "fr"))
    french = english.get_translations().get(locale__language_code="fr").specific
    french.title = "Police"
    french.save_revision().publish()
    assert french_state(french_client, english) == "current"
    side = french_client.get(f"/admin/translation-status/source/{french.pk}/").content.decode()
    assert 'data-state="current"' in side
    assert english.title in side and "Police" in side  # the source beside the translation

    english = english.specific
    english.summary = "Community policing across the region, now with border police."
    english.save_revision().publish()
    assert french_state(french_client, english) == "outdated"
    side = french_client.get(f"/admin/translation-status/source/{french.pk}/").content.decode()
    assert 'data-state="outdated"' in side
    changes = side.split("translation-side-by-side")[0]
    assert "border" in changes and 'class="addition"' in changes

    french.save_revision().publish()  # the translator brought it in step
    entry = TranslationSource.objects.get(translation=french)
    english.refresh_from_db()
    assert entry.source_revision_id == english.live_revision_id
    assert french_state(french_client, english) == "current"


def test_another_languages_translator_cannot_open_the_side_view(client, english, page_at):
    german = page_at(POST).get_translations().get(locale__language_code="de")
    client.force_login(translator("French"))
    assert refused(client.get(f"/admin/translation-status/source/{german.pk}/"))
    assert refused(client.get(f"/admin/translation-status/source/{english.pk}/"))


def test_a_translation_of_a_page_whose_parent_is_not_translated_says_so(admin_client, english):
    parent = english.get_parent()
    for french in parent.get_translations().filter(locale__language_code="fr"):
        french.delete()
    response = admin_client.post(translate_url(english, "fr"))
    assert response.status_code == 409
    assert "parent page" in response.content.decode()
