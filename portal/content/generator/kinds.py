"""What is generated: the fixed mix of kinds, each kind's page model and
listing, where the reference content puts those listings, the slugs of
generated pages and the span of their dates."""

import datetime
import re

from portal.elections.models import ElectionPage
from portal.events.models import EventPage
from portal.news.models import NewsPage, StoryPage
from portal.projects.models import ProjectPage
from portal.publications.models import PublicationPage
from portal.vacancies.models import VacancyPage

SLUG_PREFIX = "gen-"
SLUG_PATTERN = re.compile(r"^gen-(\d+)-(\d+)$")

# One cycle of 20 items fixes the mix: 6 news items (30 %), 2 stories (10 %),
# 3 events (15 %), 6 publications (30 %, of which 2 official documents),
# 1 project (5 %), 1 election with its recommendations (5 %) and 1 vacancy
# (5 %). Interleaved so that every batch feeds every listing.
CYCLE = (
    ("news", "official_document", "news", "event", "news")
    + ("publication", "story", "news", "event", "official_document")
    + ("news", "project", "publication", "election", "event")
    + ("story", "news", "publication", "vacancy", "publication")
)
OFFICIAL_PER_CYCLE = CYCLE.count("official_document")

KINDS = {
    # kind -> (page model, the listed kind of its parent: portal.listings.kinds)
    "news": (NewsPage, "news"),
    "story": (StoryPage, "stories"),
    "event": (EventPage, "events"),
    "publication": (PublicationPage, "publications"),
    "official_document": (PublicationPage, "publications"),
    "project": (ProjectPage, "projects"),
    "election": (ElectionPage, "elections"),
    "vacancy": (VacancyPage, "vacancies"),
}
MODELS = (NewsPage, StoryPage, EventPage, PublicationPage, ProjectPage, ElectionPage, VacancyPage)

# How the summary names each model's pages.
LABELS = {
    NewsPage: "news items",
    StoryPage: "stories",
    EventPage: "events",
    PublicationPage: "publications",
    ProjectPage: "projects",
    ElectionPage: "elections",
    VacancyPage: "vacancies",
}

# Where the reference content puts each listing, below the home page.
LISTING_PATHS = {
    "news": "news/",
    "stories": "stories/",
    "events": "events/",
    "publications": "resources/",
    "projects": "our-work/projects/",
    "elections": "our-work/elections/",
    "vacancies": "about-us/employment/vacancies/",
}

FIRST_DAY = datetime.date(1995, 1, 1)
# Events run to the end of 2026, so some are always upcoming; other content
# stops a little earlier, so that nothing reads as published in the future.
LAST_EVENT_DAY = datetime.date(2026, 12, 31)
LAST_DAY = datetime.date(2026, 10, 31)
