"""The six content languages and their Locale rows, known without a query.

Locale rows hardly ever change, so their ids and language codes are read once
per process and kept; saving or deleting a Locale forgets them. Templates use
``language_of(page)`` to know a page's language without loading its locale."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

_codes_by_id = {}


def forget_locales(**kwargs):
    _codes_by_id.clear()


def _load():
    if not _codes_by_id:
        _codes_by_id.update(Locale.objects.values_list("pk", "language_code"))
    return _codes_by_id


def code_of_locale(locale_id):
    """The language code of a locale id ("fr"), or None."""
    codes = _load()
    if locale_id not in codes:
        forget_locales()
        codes = _load()
    return codes.get(locale_id)


def locale_id_of(language_code):
    for pk, code in _load().items():
        if code == language_code:
            return pk
    return None


def language_of(page):
    """The language code of ``page``'s locale."""
    locale_id = getattr(page, "locale_id", None)
    return code_of_locale(locale_id) if locale_id else None


def content_languages():
    """[(code, name)] of the content languages, in the settings' order."""
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


def active_language():
    """The active language if it is a content language, else the default one."""
    codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    language = translation.get_language() or settings.LANGUAGE_CODE
    language = language.split("-")[0]
    return language if language in codes else settings.LANGUAGE_CODE
