"""The subscription form and the form of "manage my subscription"."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.visitors.forms import VisitorForm

from .records import Frequency
from .topics import kind_choices, known_terms, term_groups


class ChoicesForm(VisitorForm):
    """Language, frequency, content types and one field of terms per tag kind;
    with the visitor forms' limits, honeypot and error attributes."""

    language = forms.ChoiceField(label=_("Language of the messages"), choices=settings.LANGUAGES)
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    kinds = forms.MultipleChoiceField(
        label=_("Content types"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to receive every type."),
    )

    def __init__(self, *args, reader_language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = kind_choices()
        self.term_fields = []
        for group in term_groups(reader_language):
            self.fields[group.kind.param] = forms.TypedMultipleChoiceField(
                label=group.kind.plural_label,
                choices=group.choices,
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.term_fields.append(group.kind.param)

    def choice_fields(self):
        return [self[name] for name in ("frequency", "kinds", *self.term_fields)]

    def chosen_terms(self) -> list[int]:
        ids = [term for name in self.term_fields for term in self.cleaned_data.get(name, [])]
        return known_terms(ids)

    def initial_from(self, subscription) -> None:
        self.initial.update(
            language=subscription.language,
            frequency=subscription.frequency,
            kinds=subscription.kinds,
        )
        for name in self.term_fields:
            self.initial[name] = subscription.terms


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)

    field_order = ["email", "language", "frequency", "kinds"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class ManageForm(ChoicesForm):
    pass
