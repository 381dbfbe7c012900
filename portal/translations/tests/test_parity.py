"""Every language tells the truth: a page links, section by section, to the
same items in all six languages (translated, or in English marked as not yet
translated), over the reference content and over generated content.

See ``parity.py`` for how links are compared, and docs/languages.md."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Q
from django.utils import translation
from wagtail.models import Page

from portal.countries.models import CountryIndexPage
from portal.structures.models import StructureKind, StructurePage

from .parity import Targets, sections

OTHER_LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != "en"]
PER_TYPE = 3  # pages checked per page type (translated ones first)


def sample_pages():
    """Up to PER_TYPE live English pages of every page type, preferring those
    that have translations (they exercise both the translated and the
    fallback versions of each list)."""
    english = Page.objects.live().filter(depth__gt=1, locale__language_code="en")
    translated = set(
        Page.objects.live()
        .exclude(locale__language_code="en")
        .values_list("translation_key", flat=True)
    )
    by_type = {}
    for page in english.order_by("path").only("id", "content_type_id", "translation_key"):
        by_type.setdefault(page.content_type_id, []).append(page)
    chosen = {}
    for pages in by_type.values():
        pages.sort(key=lambda page: page.translation_key not in translated)
        chosen.update((page.pk, page) for page in pages[:PER_TYPE])
    chosen.update((page.pk, page) for page in visual_pages(english))
    return [page.specific for page in chosen.values()]


def visual_pages(english):
    """The pages that carry the org chart (the pages structure trees hang
    from, and their other children), the map (home, country index) and the
    timeline (groups of structures), whatever the sampling picked."""
    structures = StructurePage.objects.filter(locale__language_code="en")
    step = Page.steplen
    paths = set(structures.values_list("path", flat=True))
    holders = {path[:-step] for path in paths if path[:-step] not in paths}
    return english.filter(
        Q(path__in=holders)
        | Q(depth__in={len(h) // step + 1 for h in holders}, path__regex=_under(holders, step))
        | Q(pk__in=structures.filter(kind=StructureKind.GROUP).values("pk"))
        | Q(pk__in=CountryIndexPage.objects.values("pk"))
        | Q(depth=2)
    ).exclude(pk__in=structures.exclude(kind=StructureKind.GROUP).values("pk"))


def _under(holders, step):
    """A regex matching the paths of the direct children of ``holders``."""
    return "^(" + "|".join(sorted(holders)) + ")" + "." * step + "$"


def address_in(page, language):
    """The address a reader of ``language`` reaches ``page`` at: its live
    translation's, else the English page's fallback address."""
    translated = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .first()
    )
    with translation.override(language):
        return (translated or page).get_url()


def differences(client, page, targets):
    with translation.override("en"):
        english = client.get(page.get_url())
    assert english.status_code == 200, page.url_path
    expected = sections(english.content, targets)
    found = []
    for language in OTHER_LANGUAGES:
        url = address_in(page, language)
        response = client.get(url)
        if response.status_code != 200:
            found.append(f"{url}: HTTP {response.status_code}")
            continue
        got = sections(response.content, targets)
        for section in sorted(set(expected) | set(got)):
            missing = expected.get(section, set()) - got.get(section, set())
            extra = got.get(section, set()) - expected.get(section, set())
            if missing or extra:
                found.append(
                    f"{url} #{section}: {len(missing)} missing {sorted(missing)[:3]}, "
                    f"{len(extra)} extra {sorted(extra)[:3]}"
                )
    return found


def check_parity(client):
    targets = Targets()
    found = []
    for page in sample_pages():
        found.extend(differences(client, page, targets))
    assert not found, f"{len(found)} sections differ from English:\n" + "\n".join(found)


@pytest.mark.django_db
def test_every_language_links_to_what_english_links_to(client):
    check_parity(client)


@pytest.mark.django_db
def test_parity_holds_with_generated_content(client):
    """Generated news, events, publications and projects (English only,
    tagged across the taxonomy) appear on hubs, countries and structures in
    every language."""
    call_command("generate_content", items=60, seed=7, batch_size=60, verbosity=0)
    check_parity(client)
