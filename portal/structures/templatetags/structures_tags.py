"""Template filters of the structure pages."""

from django import template

from ..models import StructurePage

register = template.Library()


@register.filter
def structure_pages(pages):
    """The structure pages (teams, departments...) among ``pages``."""
    return [p for p in pages or () if isinstance(p, StructurePage)]


@register.filter
def other_pages(pages):
    """The pages among ``pages`` that are not structures."""
    return [p for p in pages or () if not isinstance(p, StructurePage)]
