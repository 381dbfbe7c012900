"""StreamField raw data for the loader: YAML prose as blocks, the home page's
fields, and the comparison of stored and wanted values (without block ids),
which decides whether a page changed."""

import html
from typing import Any

from django.db.models import Model
from wagtail.fields import StreamField

from . import schema


def prose(items: schema.Prose, heading_level: str = "h2") -> list[dict]:
    """YAML prose (paragraph strings and {heading: ...}) as StreamField raw data."""
    blocks = []
    for item in items:
        if isinstance(item, schema.Heading):
            blocks.append(
                {"type": "heading", "value": {"text": item.heading, "level": heading_level}}
            )
        else:
            blocks.append(
                {"type": "paragraph", "value": f"<p>{html.escape(item, quote=False)}</p>"}
            )
    return blocks


def home_fields(
    entry: schema.HomeText, links: list[tuple[str, str | None, int | None]]
) -> dict[str, Any]:
    """The home page's fields (but its title) from its entry, English or
    translated; ``links`` are the jobs links as (title, address, page id)."""
    return {
        "summary": entry.summary,
        "intro": entry.intro,
        "mission_heading": entry.mission_heading,
        "mission_lead": entry.mission_lead,
        "mission_body": prose(entry.mission_body),
        "history_heading": entry.history_heading,
        "history_body": prose(entry.history_body),
        "jobs_heading": entry.jobs_heading,
        "jobs_body": "\n\n".join(p for p in entry.jobs_body if isinstance(p, str)),
        "jobs_links": [
            {
                "type": "link",
                "value": {"page": page_id, "url": url or "", "title": title, "route": ""},
            }
            for title, url, page_id in links
        ],
    }


def normalize(value: Any) -> Any:
    """StreamField raw data without block ids and ListBlock item wrappers, for
    comparing what is stored with what a file asks for."""
    if isinstance(value, list):
        return [normalize(v) for v in value]
    if isinstance(value, dict):
        if (
            value.get("type") == "item"
            and "value" in value
            and set(value) <= {"type", "value", "id"}
        ):
            return normalize(value["value"])
        return {k: normalize(v) for k, v in value.items() if k != "id"}
    return value


def streamfield_names(model: type[Model]) -> set[str]:
    """The names of ``model``'s StreamFields."""
    return {f.name for f in model._meta.get_fields() if isinstance(f, StreamField)}


def assign_changes(page: Model, model: type[Model], fields: dict[str, Any]) -> bool:
    """Set on ``page`` (a ``model``) the values of ``fields`` that differ from
    what it holds (StreamFields compared without block ids); returns whether
    any did."""
    streamfields = streamfield_names(model)
    changed = False
    for name, value in fields.items():
        current = getattr(page, name)
        if name in streamfields:
            same = normalize(list(current.raw_data)) == normalize(value)
        else:
            same = current == value
        if not same:
            setattr(page, name, value)
            changed = True
    return changed
