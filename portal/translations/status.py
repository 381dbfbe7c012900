"""Which translations are missing or out of date.

A translation is *missing* when the page has no live version in a language
(a draft copy counts as missing, with its state shown), and *out of date*
when the source was published after the translation's last publication.
Filtering runs in the database (``Exists`` subqueries on the indexed
translation key and locale); the rows of one screen cost one more query for
all their translations, whatever the number of pages."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from wagtail.models import Locale, Page

MISSING, DRAFT, OUTDATED, CURRENT = "missing", "draft", "outdated", "current"


@dataclass
class Row:
    page: Page
    states: dict = field(default_factory=dict)  # language code -> (state, translation or None)


def target_locales(language=None):
    """Every locale but the default one (or just ``language``), by settings order."""
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
    if language:
        locales = locales.filter(language_code=language)
    return sorted(
        locales,
        key=lambda loc: order.index(loc.language_code) if loc.language_code in order else 99,
    )


def _translation(locale, **extra):
    return Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale.pk, **extra
    )


def source_pages(locales, section=None, state=None):
    """The live default-language pages (below ``section`` if given) whose
    translation into one of ``locales`` is in ``state`` (``missing``,
    ``outdated``; ``None``: either; ``"all"``: no condition), in tree order."""
    pages = Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
    if section is not None:
        pages = pages.filter(path__startswith=section.path)
    condition = Q()
    for locale in locales:
        missing = ~Exists(_translation(locale, live=True))
        outdated = Exists(
            _translation(locale, live=True, last_published_at__lt=OuterRef("last_published_at"))
        )
        if state in (None, MISSING):
            condition |= missing
        if state in (None, OUTDATED):
            condition |= outdated
    if state != "all" and condition:
        pages = pages.filter(condition)
    # The locale builds each page's public address (its language prefix).
    return pages.select_related("locale").order_by("path")


def rows_for(pages, locales):
    """A ``Row`` per page with each locale's state. One query."""
    pages = list(pages)
    found = {}
    translations = Page.objects.filter(
        translation_key__in=[p.translation_key for p in pages],
        locale_id__in=[loc.pk for loc in locales],
    ).only(
        # What the report shows, and what a page's public address is built from.
        "id",
        "title",
        "translation_key",
        "locale_id",
        "live",
        "last_published_at",
        "url_path",
        "path",
        "depth",
    )
    by_id = {locale.pk: locale for locale in locales}
    for translation in translations:
        translation.locale = by_id[translation.locale_id]  # for its address, without a query
        found[(translation.translation_key, translation.locale_id)] = translation
    rows = []
    for page in pages:
        row = Row(page)
        for locale in locales:
            translation = found.get((page.translation_key, locale.pk))
            if translation is None:
                state = MISSING
            elif not translation.live:
                state = DRAFT
            elif (
                page.last_published_at
                and translation.last_published_at
                and translation.last_published_at < page.last_published_at
            ):
                state = OUTDATED
            else:
                state = CURRENT
            row.states[locale.language_code] = (state, translation)
        rows.append(row)
    return rows
