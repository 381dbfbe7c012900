"""The shape of the reference content files (content/reference/*.yaml).

Each file is validated as a whole before anything is written, and errors
name the file, the path to the field and what is wrong with it."""

import datetime
import re
import zoneinfo
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from portal.taxonomy.symbols import ISSUING_BODIES
from portal.taxonomy.years import MAX_YEAR, MIN_YEAR

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _path(value: str) -> str:
    if not re.fullmatch(r"/(?:[a-z0-9-]+/)*", value):
        raise ValueError("must be a page path such as /about-us/leadership/")
    return value


PagePath = Annotated[str, AfterValidator(_path)]


def _issuing_body(value: str) -> str:
    if value not in ISSUING_BODIES:
        raise ValueError(f"unknown issuing body; expected one of {', '.join(ISSUING_BODIES)}")
    return value


class Heading(BaseModel):
    model_config = ConfigDict(extra="forbid")
    heading: Text


Prose = list[Text | Heading]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PageEntry(Strict):
    title: Text
    slug: Slug | None = None
    summary: str = ""
    body: Prose = []


class Link(Strict):
    """An external address (``url``) or a page of the site (``page``)."""

    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://")] | None = None
    page: PagePath | None = None

    @model_validator(mode="after")
    def one_target(self):
        if (self.url is None) == (self.page is None):
            raise ValueError("a link needs either `url:` or `page:`")
        return self


class HomeText(Strict):
    """The home page's texts, in English or in a translation."""

    title: Text
    summary: str = ""
    intro: str = ""
    mission_heading: str = ""
    mission_lead: str = ""
    mission_body: Prose = []
    history_heading: str = ""
    history_body: Prose = []
    jobs_heading: str = ""
    jobs_body: Prose = []


class HomeEntry(HomeText):
    jobs_links: list[Link] = []


class TreeNode(PageEntry):
    type: Literal[
        "standard",
        "listing",
        "countries",
        "report",
        "feedback",
        "privacy",
        "subscribe",
        "recommendations",
        "data",
    ] = "standard"
    listing: (
        Literal["news", "stories", "events", "publications", "projects", "elections", "vacancies"]
        | None
    ) = None
    children: list["TreeNode"] = []

    @model_validator(mode="after")
    def listing_needs_type(self):
        if self.type == "listing" and self.listing is None:
            raise ValueError("a listing page needs `listing:` (news, stories, events...)")
        return self


class PagesFile(Strict):
    home: HomeEntry
    tree: list[TreeNode]


class FieldOfWorkEntry(PageEntry):
    challenge: Prose = []
    action: Prose = []
    teams: Prose = []


class FieldsOfWorkFile(Strict):
    parent: PagePath
    items: list[FieldOfWorkEntry]


class MeetingSeriesEntry(PageEntry):
    aliases: list[Text] = []
    # The body whose decisions the series' meetings adopt: PC, MC, FSC...
    # (portal.taxonomy.symbols.ISSUING_BODIES).
    issuing_body: Annotated[str, AfterValidator(_issuing_body)] | None = None


class MeetingSeriesFile(Strict):
    parent: PagePath
    items: list[MeetingSeriesEntry]


class CountryEntry(PageEntry):
    status: Literal["participating_state", "asian_partner", "mediterranean_partner"]
    iso_code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    joined: Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)] | None = None
    aliases: list[Text] = []


class ChairpersonshipEntry(Strict):
    year: Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]
    country: Slug


class CountriesFile(Strict):
    parent: PagePath
    chairpersonships: list[ChairpersonshipEntry] = []
    items: list[CountryEntry]


StructureKindName = Literal[
    "chairpersonship",
    "secretariat",
    "department",
    "office",
    "unit",
    "institution",
    "field_operation",
    "group",
    "decision_making_body",
    "assembly",
    "court",
]


class StructureEntry(PageEntry):
    type: Literal["structure", "standard"] = "structure"
    kind: StructureKindName | None = None
    acronym: str = ""
    headquarters: str = ""
    established: datetime.date | None = None
    closed: datetime.date | None = None
    mandate: Annotated[str, StringConstraints(max_length=300)] = ""
    countries: list[Slug] = []
    fields_of_work: list[Slug] = []
    children: list["StructureEntry"] = []

    @model_validator(mode="after")
    def check(self):
        if self.type == "structure" and self.kind is None:
            raise ValueError("a structure needs `kind:`")
        if self.established and self.closed and self.closed < self.established:
            raise ValueError("`closed` is before `established`")
        return self


class StructureBlock(Strict):
    parent: PagePath
    items: list[StructureEntry]


class Holder(Strict):
    """A holder named by the sources, with the dates they give (facts only)."""

    name: Text
    summary: Annotated[str, StringConstraints(max_length=600)] = ""
    since: datetime.date
    until: datetime.date | None = None
    biography: Prose = []

    @model_validator(mode="after")
    def ends_after_start(self):
        if self.until and self.until < self.since:
            raise ValueError("`until` is before `since`")
        return self


class LeadershipEntry(PageEntry):
    structure: Slug | None = None
    is_head: bool = True
    vacant: bool = False
    # Successive holders, as the sources name them; empty where they name none.
    holders: list[Holder] = []

    @model_validator(mode="after")
    def vacant_has_no_holder(self):
        if self.vacant and any(h.until is None for h in self.holders):
            raise ValueError("a vacant post cannot have a current holder")
        return self


class LeadershipFile(Strict):
    parent: PagePath
    items: list[LeadershipEntry]


class TaggedEntry(PageEntry):
    fields_of_work: list[Slug] = []
    countries: list[Slug] = []
    structures: list[Slug] = []


class NewsEntry(TaggedEntry):
    date: datetime.date
    news_type: Literal["press_release", "news"] = "news"
    location: str = ""


class StoryEntry(TaggedEntry):
    date: datetime.date


class EventEntry(TaggedEntry):
    start: datetime.datetime | datetime.date
    end: datetime.datetime | datetime.date
    timezone: str = "Europe/Vienna"
    all_day: bool = False
    location: str = ""
    event_type: Literal[
        "meeting", "conference", "training", "ceremony", "exhibition", "workshop", "other"
    ] = "meeting"
    meeting_series: Slug | None = None
    organizer: Slug | None = None
    registration: Literal["open", "closed", "invitation", "none"] = "none"

    @field_validator("timezone")
    @classmethod
    def known_timezone(cls, value):
        if value not in zoneinfo.available_timezones():
            raise ValueError(f"unknown time zone {value!r}; use an IANA name like Europe/Vienna")
        return value

    @model_validator(mode="after")
    def ends_after_start(self):
        if _as_date(self.end) < _as_date(self.start):
            raise ValueError("`end` is before `start`")
        return self


def _as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value


class MeetingEntry(PageEntry):
    """One meeting of a series (meetings.yaml): facts only, prose optional."""

    number: Annotated[int, Field(ge=1)] | None = None
    start: datetime.date
    end: datetime.date | None = None
    venue: str = ""
    webcast_url: Annotated[str, StringConstraints(pattern=r"^https://")] | None = None
    countries: list[Slug] = []

    @model_validator(mode="after")
    def ends_after_start(self):
        if self.end and self.end < self.start:
            raise ValueError("`end` is before `start`")
        if not MIN_YEAR <= self.start.year <= MAX_YEAR:
            raise ValueError(f"`start` must be between {MIN_YEAR} and {MAX_YEAR}")
        return self


class MeetingsOfSeries(Strict):
    series: PagePath
    items: list[MeetingEntry]


class MeetingsFile(Strict):
    series: list[MeetingsOfSeries]


class DonorEntry(PageEntry):
    donor_kind: Literal["state", "organization", "other"] = "state"
    iati_identifier: str = ""


class DonorsFile(Strict):
    parent: PagePath
    items: list[DonorEntry]


class ElectionEntry(TaggedEntry):
    date: datetime.date
    second_round: datetime.date | None = None
    election_type: Literal[
        "presidential", "parliamentary", "early_parliamentary", "local", "referendum"
    ]
    mission_type: Literal["eom", "leom", "eam", "nam"] | None = None

    @model_validator(mode="after")
    def second_round_after_first(self):
        if self.second_round and self.second_round < self.date:
            raise ValueError("`second_round` is before `date`")
        return self


class ElectionsFile(Strict):
    parent: PagePath
    items: list[ElectionEntry]


class NewsFile(Strict):
    parent: PagePath
    items: list[NewsEntry]


class StoriesFile(Strict):
    parent: PagePath
    items: list[StoryEntry]


class EventsFile(Strict):
    parent: PagePath
    items: list[EventEntry]


class MenuLink(Strict):
    page: PagePath | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://")] | None = None
    title: str = ""
    route: Annotated[str, StringConstraints(pattern=r"^(?:[a-z0-9-]+/)+$")] | None = None

    @model_validator(mode="before")
    @classmethod
    def from_path(cls, value):
        return {"page": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def page_or_url(self):
        if bool(self.page) == bool(self.url):
            raise ValueError("a link needs exactly one of `page` or `url`")
        if self.url and not self.title:
            raise ValueError("an external link needs a `title`")
        return self


class MenuGroup(MenuLink):
    children: list[MenuLink] = []
    children_of: PagePath | None = None


class MenuSection(Strict):
    title: Text
    page: PagePath | None = None
    groups: list[MenuGroup]


class NavigationFile(Strict):
    main: list[MenuSection]
    meta: list[MenuLink] = []
    footer: list[MenuLink] = []
    footer_secondary: list[MenuLink] = []
    social: list[MenuLink] = []


# --- translations (content/reference/translations/<language>.yaml) -------------------

TranslatedSlug = Annotated[
    str, StringConstraints(pattern=r"^[^\W_A-Z]+(?:-[^\W_A-Z]+)*$", max_length=120)
]


class TranslatedLink(Strict):
    title: Text


class TranslatedHome(HomeText):
    """The links' titles only: their addresses are the English ones."""

    jobs_links: list[TranslatedLink] = []


class TranslatedPage(Strict):
    """A page of the English tree in another language. Fields left out are
    left empty rather than copied in English."""

    path: PagePath
    title: Text
    slug: TranslatedSlug | None = None
    summary: str = ""
    body: Prose = []


class TranslatedFieldOfWork(Strict):
    title: Text
    slug: TranslatedSlug | None = None
    summary: str = ""
    challenge: Prose = []
    action: Prose = []
    teams: Prose = []


class TranslatedCountry(Strict):
    title: Text
    slug: TranslatedSlug | None = None
    summary: str = ""


def _country_entry(value):
    return {"title": value} if isinstance(value, str) else value


class TranslationFile(Strict):
    language: Literal["fr", "de", "it", "ru", "es"]
    home: TranslatedHome
    pages: list[TranslatedPage] = []
    fields_of_work: dict[Slug, TranslatedFieldOfWork] = {}
    countries: dict[Slug, TranslatedCountry] = {}
    menu_titles: dict[Text, Text] = {}

    @field_validator("countries", mode="before")
    @classmethod
    def names_as_entries(cls, value):
        if isinstance(value, dict):
            return {key: _country_entry(item) for key, item in value.items()}
        return value

    @field_validator("pages")
    @classmethod
    def unique_paths(cls, value):
        seen = set()
        for entry in value:
            if entry.path in seen:
                raise ValueError(f"{entry.path} is translated twice")
            seen.add(entry.path)
        return value
