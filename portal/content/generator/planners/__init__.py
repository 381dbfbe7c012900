"""One planner per kind of item. A planner fills in a planned ``Item`` (title,
summary, date, body, the page type's fields, files) from the item's own
``random.Random`` and ``Words``; the order of its draws is part of the
content, so changing it changes what every seed generates."""

from .elections import plan_election
from .events import plan_event
from .news import plan_news, plan_story
from .projects import plan_project
from .publications import plan_official_document, plan_publication
from .vacancies import plan_vacancy

PLANNERS = {
    "news": plan_news,
    "story": plan_story,
    "event": plan_event,
    "publication": plan_publication,
    "official_document": plan_official_document,
    "project": plan_project,
    "election": plan_election,
    "vacancy": plan_vacancy,
}
