"""Translators' screens: create a page's translation into one language, and
see a translation beside its source with what changed in the source since
the translation was made (Wagtail's revision comparison; docs/languages.md).

Creating a translation asks for the right to add a page under the parent's
translation in that language (a translator's own language tree), not for the
right to change the source: a French translator creates French pages only."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale, Page, Revision

from . import sources


def _target_locale(language: str) -> Locale:
    if language == settings.LANGUAGE_CODE:
        raise Http404
    return get_object_or_404(Locale, language_code=language)


def translate(request, page_id: int, language: str):
    """GET: what will be created; POST: create the draft translation and open its editor."""
    source = get_object_or_404(
        Page, pk=page_id, locale__language_code=settings.LANGUAGE_CODE, depth__gt=2
    ).specific
    locale = _target_locale(language)
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return redirect("wagtailadmin_pages:edit", existing.pk)
    parent = source.get_parent().get_translation_or_none(locale)
    if parent is not None and not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    context = {
        "source": source,
        "locale": locale,
        "parent": parent,
        "header_title": _("Translate"),
        "page_title": _("Translate"),
        "header_icon": "globe",
    }
    if parent is None:
        context["error"] = _("Translate the parent page first: it has no version in this language.")
        return render(request, "translations/translate.html", context, status=409)
    if request.method == "POST":
        translation = CopyPageForTranslationAction(
            page=source, locale=locale, include_subtree=False, user=request.user
        ).execute(skip_permission_checks=True)
        sources.record(translation, source)
        return redirect("wagtailadmin_pages:edit", translation.pk)
    return render(request, "translations/translate.html", context)


def _comparisons(source: Page, request):
    panel = source.get_edit_handler().get_bound_panel(instance=source, request=request, form=None)
    return panel.get_comparison()


def _revision_object(revision_id):
    revision = Revision.page_revisions.filter(pk=revision_id).first() if revision_id else None
    return revision.as_object() if revision else None


def source_and_changes(request, page_id: int):
    """A translation beside its source, field by field, and the source's
    changes since the revision the translation was made from."""
    translation = get_object_or_404(Page, pk=page_id).specific
    perms = translation.permissions_for_user(request.user)
    if not (perms.can_edit() or perms.can_publish()):
        raise PermissionDenied
    source = sources.source_of(translation)
    if source is None:
        raise Http404
    source = source.specific
    recorded_id = sources.recorded_revision_id(translation)
    current_id = sources.source_revision_id(source)
    current = (source if source.live else _revision_object(current_id)) or source
    comparisons = _comparisons(source, request)
    changes = None
    made_from = _revision_object(recorded_id)
    if made_from is not None and recorded_id != current_id:
        changes = [c for c in (cls(made_from, current) for cls in comparisons) if c.has_changed()]
    # A comparison of a version with itself renders that version.
    side_by_side = [(cls(current, current), cls(translation, translation)) for cls in comparisons]
    return render(
        request,
        "translations/source_and_changes.html",
        {
            "translation": translation,
            "source": source,
            "recorded": made_from is not None,
            "up_to_date": made_from is not None and recorded_id == current_id,
            "changes": changes,
            "side_by_side": [
                (mine.field_label(), theirs.htmldiff(), mine.htmldiff())
                for theirs, mine in side_by_side
                if theirs.is_field
            ],
            "header_title": _("Source and changes"),
            "page_title": _("Source and changes"),
            "header_icon": "globe",
        },
    )
