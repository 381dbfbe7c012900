"""The map of the region: participating States, Partners for Co-operation and
field operations, drawn over the outlines in ``map/region.svg``.

The outlines are built once by ``tools/map/build.mjs`` (``make map``) from
Natural Earth data and committed, so serving the site needs no Node.js. Which
country is what, where it links and where field operations work come from the
database on every rebuild of the cached fragment (see ``templatetags``)."""

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from portal.countries.models import Chairpersonship, CountryPage, CountryStatus
from portal.structures.models import StructureKind, StructurePage
from portal.taxonomy.models import PageCountry

GEOMETRY = Path(__file__).resolve().parent / "map" / "region.svg"
SVG_NS = "{http://www.w3.org/2000/svg}"

# CSS class and legend order of each status.
STATUS_CLASSES = {
    CountryStatus.PARTICIPATING_STATE: "participating",
    CountryStatus.ASIAN_PARTNER: "asian",
    CountryStatus.MEDITERRANEAN_PARTNER: "mediterranean",
}


@functools.cache
def geometry():
    """The committed outlines: viewBox, background path and one shape per ISO code."""
    root = ET.parse(GEOMETRY).getroot()
    shapes = {}
    background = ""
    for path in root.iter(f"{SVG_NS}path"):
        if path.get("data-background"):
            background = path.get("d")
            continue
        shapes[path.get("data-iso")] = {
            "d": path.get("d"),
            "cx": path.get("data-cx"),
            "cy": path.get("data-cy"),
            "dot": bool(path.get("data-dot")),
        }
    return {
        "viewbox": root.get("viewBox"),
        "europe": root.get("data-europe"),
        "background": background,
        "shapes": shapes,
    }


def region_map_context(locale, request=None):
    """Everything the map template needs, in three queries: the countries, the
    current Chairpersonship and the active field operations with their countries."""
    shapes = geometry()["shapes"]
    chair_id = Chairpersonship.current_term_id()
    countries = list(
        CountryPage.objects.live()
        .filter(locale=locale)
        .only("id", "title", "slug", "url_path", "status", "iso_code", "term_id", "path", "depth")
        .order_by("title")
    )
    operations = {
        op.pk: op
        for op in StructurePage.objects.live()
        .filter(locale=locale, kind=StructureKind.FIELD_OPERATION, closed__isnull=True)
        .only("id", "title", "url_path", "path", "depth")
        .order_by("title")
    }
    by_term = {}
    for page_id, term_id in PageCountry.objects.filter(page_id__in=operations).values_list(
        "page_id", "term_id"
    ):
        by_term.setdefault(term_id, []).append(operations[page_id])

    rows = []
    for country in countries:
        shape = shapes.get(country.iso_code.upper())
        rows.append(
            {
                "title": country.title,
                "url": country.get_url(request),
                "status": country.status,
                "status_label": country.get_status_display(),
                "css": STATUS_CLASSES.get(country.status, "participating"),
                "is_chair": country.term_id == chair_id,
                "operations": [
                    {"title": op.title, "url": op.get_url(request)}
                    for op in by_term.get(country.term_id, [])
                ],
                "shape": shape,
            }
        )
    statuses = [
        {"css": css, "label": CountryStatus(value).label} for value, css in STATUS_CLASSES.items()
    ]
    return {
        "viewbox": geometry()["viewbox"],
        "europe": geometry()["europe"],
        "background": geometry()["background"],
        "countries": rows,
        "on_map": [row for row in rows if row["shape"]],
        "statuses": statuses,
        "has_operations": any(row["operations"] for row in rows),
    }
