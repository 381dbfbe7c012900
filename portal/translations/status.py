"""Which translations are missing or out of date.

A translation is *missing* when the page has no live version in a language
(a draft copy counts as missing, with its state shown), and *out of date*
when it was made from another revision of the source than the source's
current one (``TranslationSource``, recorded when a translation is created
or published; docs/languages.md). A translation with no such record (loaded
before records were kept) is out of date when the source was published after
it.
Filtering runs in the database (``Exists`` subqueries on the indexed
translation key and locale); the rows of one screen cost one more query for
all their translations, whatever the number of pages."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
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


CURRENT_REVISION = "current_source_revision"


def _outdated():
    """A filter on translations (inside a subquery of their source, annotated
    with ``CURRENT_REVISION``): made from another revision of the source."""
    recorded = Q(translation_source__source_revision__isnull=False)
    return (recorded & ~Q(translation_source__source_revision_id=OuterRef(CURRENT_REVISION))) | (
        ~recorded & Q(last_published_at__lt=OuterRef("last_published_at"))
    )


def is_outdated(page, translation, recorded_revision_id) -> bool:
    if recorded_revision_id is not None:
        return recorded_revision_id != (page.live_revision_id or page.latest_revision_id)
    return bool(
        page.last_published_at
        and translation.last_published_at
        and translation.last_published_at < page.last_published_at
    )


def source_pages(locales, section=None, state=None):
    """The live default-language pages (below ``section`` if given) whose
    translation into one of ``locales`` is in ``state`` (``missing``,
    ``outdated``; ``None``: either; ``"all"``: no condition), in tree order."""
    pages = (
        Page.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
        .annotate(**{CURRENT_REVISION: Coalesce("live_revision_id", "latest_revision_id")})
    )
    if section is not None:
        pages = pages.filter(path__startswith=section.path)
    condition = Q()
    for locale in locales:
        missing = ~Exists(_translation(locale, live=True))
        outdated = Exists(_translation(locale, live=True).filter(_outdated()))
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
    translations = (
        Page.objects.filter(
            translation_key__in=[p.translation_key for p in pages],
            locale_id__in=[loc.pk for loc in locales],
        )
        .only(
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
        .annotate(recorded_revision=F("translation_source__source_revision_id"))
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
            elif is_outdated(page, translation, translation.recorded_revision):
                state = OUTDATED
            else:
                state = CURRENT
            row.states[locale.language_code] = (state, translation)
        rows.append(row)
    return rows
