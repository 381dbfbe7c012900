"""The map of the region: participating States, Partners for Co-operation and
field operations, drawn over the outlines in ``map/region.svg``.

The outlines are built once by ``tools/map/build.mjs`` (``make map``) from
Natural Earth data and committed, so serving the site needs no Node.js. Which
country is what, where it links and where field operations work come from the
database on every rebuild of the cached fragment (see ``templatetags``)."""

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from portal.core.locales import language_of
from portal.core.localized import in_language
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


PAGE_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "locale_id", "translation_key")


def region_map_context(locale_id, request=None):
    """Everything the map template needs, in six queries: the countries and the
    active field operations (each read in English, then their translations in
    ``locale_id``: ``portal.core.localized``), the current Chairpersonship and
    the countries of the operations. Every country and operation is on the map
    in every language; an untranslated one keeps its English title and says so."""
    shapes = geometry()["shapes"]
    chair_id = Chairpersonship.current_term_id()
    countries = in_language(
        CountryPage.objects.live().only(*PAGE_FIELDS, "status", "iso_code", "term_id"),
        locale_id,
        sort_by_title=True,
    )
    operations = in_language(
        StructurePage.objects.live()
        .filter(kind=StructureKind.FIELD_OPERATION, closed__isnull=True)
        .only(*PAGE_FIELDS),
        locale_id,
        sort_by_title=True,
    )
    # Tags are shared by translations: read them from whichever page is shown.
    position = {op.pk: index for index, op in enumerate(operations)}
    by_term = {}
    pairs = PageCountry.objects.filter(page_id__in=position).values_list("page_id", "term_id")
    for page_id, term_id in sorted(pairs, key=lambda pair: position[pair[0]]):
        by_term.setdefault(term_id, []).append(operations[position[page_id]])

    rows = []
    for country in countries:
        shape = shapes.get(country.iso_code.upper())
        rows.append(
            {
                "title": country.title,
                "url": country.get_url(request),
                "lang": language_of(country) if country.is_fallback else "",
                "status": country.status,
                "status_label": country.get_status_display(),
                "css": STATUS_CLASSES.get(country.status, "participating"),
                "is_chair": country.term_id == chair_id,
                "operations": [
                    {
                        "title": op.title,
                        "url": op.get_url(request),
                        "lang": language_of(op) if op.is_fallback else "",
                    }
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
