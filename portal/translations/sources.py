"""The source revision a translation was made from (``TranslationSource``).

Recorded when a translation is created from its source and each time it is
published: publishing a translation says "this is the translation of the
source as it is now". The status report compares the recorded revision with
the source's live one; the translation's side view shows what changed in the
source between the two (docs/languages.md)."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page

from portal.core.locales import code_of_locale

from .models import TranslationSource


def source_of(page: Page) -> Page | None:
    """The default language's version of ``page``, or None (``page`` is it, or it has none)."""
    if code_of_locale(page.locale_id) == settings.LANGUAGE_CODE:
        return None
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .select_related("locale")
        .first()
    )


def source_revision_id(source: Page) -> int | None:
    """The revision a translator works from: the live one, else the latest draft."""
    return source.live_revision_id or source.latest_revision_id


def record(translation: Page, source: Page | None = None) -> TranslationSource | None:
    source = source or source_of(translation)
    if source is None:
        return None
    entry, _created = TranslationSource.objects.update_or_create(
        translation_id=translation.pk,
        defaults={"source_revision_id": source_revision_id(source)},
    )
    return entry


def recorded_revision_id(translation: Page) -> int | None:
    return (
        TranslationSource.objects.filter(translation_id=translation.pk)
        .values_list("source_revision_id", flat=True)
        .first()
    )


def on_published(sender, instance, **kwargs) -> None:
    """``page_published``: a translation published is made from the current source."""
    if instance.locale_id and code_of_locale(instance.locale_id) != settings.LANGUAGE_CODE:
        record(instance)
