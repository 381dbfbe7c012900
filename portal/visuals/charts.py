"""The organizational chart and the timeline of field operations, both built
from ``StructurePage`` data (the page tree, the kind, the dates), never typed
by hand. Each function costs one or two queries; the template tags cache the
rendered result with the content version."""

import datetime

from wagtail.models import Page

from portal.core.locales import language_of
from portal.core.localized import in_language, localize, source_locale_id
from portal.core.restrictions import public
from portal.structures.models import StructureKind, StructurePage

STEP = Page.steplen


PAGE_FIELDS = ("id", "title", "url_path", "path", "depth", "locale_id", "translation_key")
STRUCTURE_FIELDS = (*PAGE_FIELDS, "kind", "acronym", "closed", "established")


def _shown(pages, locale_id):
    """{source page's path: the page shown in ``locale_id``} (``localized``)."""
    sources = list(pages)
    shown = (
        localize(sources, locale_id, translations=type(sources[0]).objects.only(*PAGE_FIELDS))
        if sources
        else []
    )
    return {source.path: page for source, page in zip(sources, shown, strict=True)}


def _lang(page):
    return language_of(page) if page.is_fallback else ""


def structure_forest(locale_id, request=None):
    """The live structures as trees, grouped under the page each tree hangs
    from (``Structures and institutions``, ``Decision-making bodies``).

    The trees are the English page tree (the source of every translation);
    each box shows the structure in ``locale_id`` where it is translated, else
    in English with ``lang`` set, so the chart has the same boxes in every
    language. Closed and restricted structures are left out, and so are groups
    that only held closed ones. Returns ``[{"title", "url", "lang", "path", "roots": [node...]}]``;
    a node is ``{"title", "url", "lang", "acronym", "kind", "kind_label",
    "children": [...]}``. Four queries."""
    structures = list(
        public(StructurePage.objects.live())
        .filter(locale_id=source_locale_id())
        .only(*STRUCTURE_FIELDS)
        .order_by("path")
    )
    shown = _shown(structures, locale_id)
    nodes = {}
    closed_paths = []
    parents = {}
    for structure in structures:
        if structure.closed or any(structure.path.startswith(p) for p in closed_paths):
            closed_paths.append(structure.path)
            continue
        page = shown[structure.path]
        node = {
            "title": page.title,
            "url": page.get_url(request),
            "lang": _lang(page),
            "acronym": page.acronym or structure.acronym,
            "kind": structure.kind,
            "kind_label": structure.get_kind_display(),
            "children": [],
            "had_children": False,
        }
        nodes[structure.path] = node
        parent_path = structure.path[:-STEP]
        if parent_path in nodes:
            nodes[parent_path]["children"].append(node)
        else:
            parents.setdefault(parent_path, []).append(node)
    for path in closed_paths:
        if path[:-STEP] in nodes:
            nodes[path[:-STEP]]["had_children"] = True

    def prune(children):
        return [
            dict(node, children=prune(node["children"]))
            for node in children
            if not (
                node["kind"] == StructureKind.GROUP
                and node["had_children"]
                and not node["children"]
            )
        ]

    holders = _shown(
        public(Page.objects.live()).filter(path__in=list(parents)).only(*PAGE_FIELDS), locale_id
    )
    forest = []
    for path in sorted(parents):
        holder = holders.get(path)
        if holder is None:
            continue
        forest.append(
            {
                "title": holder.title,
                "url": holder.get_url(request),
                "lang": _lang(holder),
                "path": path,
                "paths": {path, holder.path},
                "roots": prune(parents[path]),
            }
        )
    return forest


def field_operation_timeline(locale_id, today=None):
    """Every field operation, current and closed, shown in ``locale_id``
    (``localized``), on a time axis: ``{"start", "end", "ticks", "rows"}``;
    each row has the operation's title, url, lang, dates and the bar's offset
    and width in percent."""
    today = today or datetime.date.today()
    operations = in_language(
        StructurePage.objects.live()
        .filter(kind=StructureKind.FIELD_OPERATION)
        .only(*STRUCTURE_FIELDS),
        locale_id,
    )
    # By start date; one whose start is not recorded takes its closing date.
    operations.sort(key=lambda op: (op.established or op.closed or today, op.title))
    dated = [d for op in operations for d in (op.established, op.closed) if d]
    if not dated:
        return None
    first_year = min(d.year for d in dated)
    start = datetime.date(first_year - first_year % 5, 1, 1)
    end = datetime.date(today.year + 1, 1, 1)
    span = (end - start).days

    def percent(day):
        return round(100 * (day - start).days / span, 2)

    rows = []
    for op in operations:
        begin = op.established or op.closed or today
        finish = op.closed or today
        left = percent(begin)
        rows.append(
            {
                "title": op.title,
                "url": op.get_url(),
                "lang": _lang(op),
                "established": op.established,
                "closed": op.closed,
                "left": left,
                "width": max(percent(finish) - left, 0.6),
                "unknown_start": op.established is None,
            }
        )
    ticks = [
        {"year": year, "left": percent(datetime.date(year, 1, 1))}
        for year in range(start.year, end.year + 1, 5)
    ]
    return {"start": start, "end": end, "ticks": ticks, "rows": rows}
