"""Recommendations filtered by country, theme, election, status, year and
priority, with counts per status and per theme: the question "what was
recommended to country X on theme Y, and where does it stand?" answered in
one place. The page, the CSV and the JSON export read the same query.

The status of a recommendation is the one given by its latest assessment
(of the year asked about, or of an earlier year when ``year`` is set);
a recommendation with none is "not yet assessed"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from portal.core.params import bounded_int
from portal.taxonomy.filters import param_value, parse_year
from portal.taxonomy.models import CountryTerm

from .records import Recommendation
from .vocabulary import ThemeCode, status_choices

PARAMS = ("country", "theme", "election", "status", "year", "priority")
MAX_SLUG = 120


@dataclass
class Tally:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class RecommendationQuery:
    params: Mapping[str, str]
    filters: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._parse()

    def _parse(self) -> None:
        get = lambda name: param_value(self.params, name)  # noqa: E731
        country = get("country")
        if country:
            term = None
            if country.isprintable() and len(country) <= MAX_SLUG:
                term = CountryTerm.objects.filter(slug=country).first()
            if term is None:
                self.errors.append(_("There is no country “%(value)s”.") % {"value": country})
            else:
                self.filters["country"] = term
        theme = get("theme")
        if theme:
            if theme in ThemeCode.values:
                self.filters["theme"] = theme
            else:
                self.errors.append(_("There is no theme “%(value)s”.") % {"value": theme})
        election = get("election")
        if election:
            number = bounded_int(election, 1, 2**31 - 1)
            if number is None:
                self.errors.append(_("There is no election “%(value)s”.") % {"value": election})
            else:
                self.filters["election"] = number
        status = get("status")
        if status:
            if status in dict(status_choices()):
                self.filters["status"] = status
            else:
                self.errors.append(_("There is no status “%(value)s”.") % {"value": status})
        year = get("year")
        if year:
            parsed = parse_year(year)
            if parsed is None:
                self.errors.append(_("“%(value)s” is not a year.") % {"value": year})
            else:
                self.filters["year"] = parsed
        priority = get("priority")
        if priority:
            if priority in ("1", "yes"):
                self.filters["priority"] = True
            else:
                self.errors.append(_("“priority” takes the value 1."))

    @property
    def is_filtered(self) -> bool:
        """Whether any filter is chosen (the shared filter form offers to clear them)."""
        return bool(self.filters)

    def selected(self, name: str):
        value = self.filters.get(name)
        return getattr(value, "slug", value)

    # --- the rows ---------------------------------------------------------------

    def _base(self, without: str = "") -> QuerySet:
        """Live elections' recommendations with their current status, every
        filter applied but ``without``."""
        rows = Recommendation.objects.filter(election__live=True).with_current_status(
            self.filters.get("year")
        )
        filters = self.filters
        if "country" in filters and without != "country":
            rows = rows.filter(election__country_tags__term=filters["country"])
        if "theme" in filters and without != "theme":
            rows = rows.filter(themes__code=filters["theme"])
        if "election" in filters and without != "election":
            rows = rows.filter(election_id=filters["election"])
        if "priority" in filters and without != "priority":
            rows = rows.filter(priority=True)
        if "status" in filters and without != "status":
            rows = rows.filter(current_status=filters["status"])
        return rows

    def results(self) -> QuerySet:
        """The matching recommendations, by election (latest first) and number."""
        return self._base().order_by("-election__date", "election_id", "number")

    def status_counts(self) -> list[Tally]:
        """Every status with the number of recommendations it has, the status
        filter left out (so that each count is what choosing it gives)."""
        pairs = dict(
            self._base(without="status")
            .order_by()
            .values_list("current_status")
            .annotate(n=Count("pk"))
            .values_list("current_status", "n")
        )
        current = self.filters.get("status")
        return [
            Tally(value, str(label), pairs.get(value, 0), value == current)
            for value, label in status_choices()
        ]

    def theme_counts(self) -> list[Tally]:
        """Every theme with its number of recommendations, the theme filter
        left out."""
        pairs = dict(
            self._base(without="theme")
            .order_by()
            .filter(themes__isnull=False)
            .values_list("themes__code")
            .annotate(n=Count("pk"))
            .values_list("themes__code", "n")
        )
        current = self.filters.get("theme")
        return [
            Tally(value, str(label), pairs.get(value, 0), value == current)
            for value, label in ThemeCode.choices
        ]

    def total(self) -> int:
        """The number of matching recommendations (from the status counts)."""
        chosen = self.filters.get("status")
        return sum(c.count for c in self.status_counts() if not chosen or c.selected)

    def query_string(self) -> str:
        """The filters as a query string (for the export links)."""
        pairs = [(name, str(self.selected(name))) for name in PARAMS if name in self.filters]
        pairs = [(n, "1" if n == "priority" else v) for n, v in pairs]
        return urlencode(pairs)
