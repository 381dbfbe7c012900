"""``VisitorForm``: what every public form shares (docs/forms.md).

- size limits: every text field has a ``max_length`` (``VISITOR_FIELD_MAX_CHARS``
  when the field gives none), and the whole submission at most
  ``VISITOR_FORM_MAX_CHARS`` characters;
- control characters are removed from text (tabs and line breaks are kept;
  ``\\r\\n`` becomes ``\\n``);
- a honeypot field, ``website``, hidden from people and from assistive
  technology; a submission that fills it is a bot's (``form.is_bot``): the
  view answers as if it had succeeded and keeps and sends nothing;
- the form token (``tokens.py``) rendered with the form, so that the page
  stays cacheable;
- accessible errors: every field in error gets ``aria-invalid`` and
  ``aria-describedby`` naming its message, and
  ``visitors/includes/form.html`` shows the summary of errors, focused on
  load (``autofocus``; no script)."""

import re

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from . import tokens

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
HONEYPOT = "website"


def clean_text(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


class VisitorForm(forms.Form):
    """A Django form for visitors; subclasses declare their fields."""

    required_css_class = "form-field--required"
    error_css_class = "form-field--error"

    website = forms.CharField(
        required=False,
        max_length=200,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_%s")
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = settings.VISITOR_FIELD_MAX_CHARS
                field.widget.attrs.setdefault("maxlength", str(field.max_length))
                field.validators.append(MaxLengthValidator(field.max_length))
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    @property
    def visible_fields_without_trap(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT]

    @property
    def token(self) -> str:
        return tokens.form_token()

    def full_clean(self):
        if self.is_bound:
            data = self.data
            lists = data.lists() if hasattr(data, "lists") else data.items()
            total = sum(
                len(value)
                for _name, values in lists
                for value in (values if isinstance(values, list) else [values])
                if isinstance(value, str)
            )
            if total > settings.VISITOR_FORM_MAX_CHARS:
                self._errors = forms.utils.ErrorDict()
                self.cleaned_data = {}
                self.add_error(
                    None,
                    _("The form is too long: please shorten your message and send it again."),
                )
                self._mark_errors()
                return
        super().full_clean()
        self._mark_errors()

    def _clean_fields(self):
        super()._clean_fields()
        for name, value in list(self.cleaned_data.items()):
            if isinstance(value, str):
                self.cleaned_data[name] = clean_text(value)

    def _mark_errors(self):
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            described = [f"id_{name}-error"]
            if self.fields[name].help_text:
                described.append(f"id_{name}-help")
            attrs["aria-describedby"] = " ".join(described)
