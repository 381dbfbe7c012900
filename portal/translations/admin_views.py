from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from . import status

PERMISSION = "translations.view_translation_status"


def _sections():
    """The top-level sections of the default-language site (children of its home pages)."""
    return Page.objects.filter(depth=3, locale__language_code=settings.LANGUAGE_CODE).order_by(
        "path"
    )


class StatusFilterForm(forms.Form):
    section = forms.ModelChoiceField(
        queryset=Page.objects.none(), required=False, label=_("Section"), empty_label=_("All")
    )
    language = forms.ChoiceField(required=False, label=_("Language"))
    state = forms.ChoiceField(
        required=False,
        label=_("Show"),
        choices=[
            ("", _("Missing or out of date")),
            (status.MISSING, _("Missing")),
            (status.OUTDATED, _("Out of date")),
            ("all", _("All pages")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = _sections()
        self.fields["language"].choices = [("", _("All"))] + [
            (code, name)
            for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
            if code != settings.LANGUAGE_CODE
        ]


def translation_status(request):
    """Pages of the default language with their missing or out-of-date
    translations, filterable by section, language and state. Three queries
    for the rows of a screen (count, pages, their translations)."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = StatusFilterForm(request.GET or None)
    section = language = state = None
    if form.is_valid():
        section = form.cleaned_data["section"]
        language = form.cleaned_data["language"] or None
        state = form.cleaned_data["state"] or None
    locales = status.target_locales(language)
    pages = status.source_pages(locales, section=section, state=state)
    paginator = Paginator(pages, 50)
    page_obj = paginator.get_page(request.GET.get("p"))
    rows = status.rows_for(page_obj.object_list, locales)
    query = request.GET.copy()
    query.pop("p", None)
    response = render(
        request,
        "translations/status.html",
        {
            "form": form,
            "rows": rows,
            "locales": locales,
            "page_obj": page_obj,
            "query": query.urlencode(),
            "header_title": _("Translation status"),
            "page_title": _("Translation status"),
            "header_icon": "globe",
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
    return response
