"""``{% visitor_form_fields form %}``: the form token and the honeypot, for
inside a visitor form's ``<form>`` (docs/forms.md)."""

from django import template

from .. import tokens
from ..forms import HONEYPOT

register = template.Library()


@register.inclusion_tag("visitors/includes/hidden_fields.html")
def visitor_form_fields(form):
    return {"field_name": tokens.FIELD, "token": tokens.form_token(), "trap": form[HONEYPOT]}
