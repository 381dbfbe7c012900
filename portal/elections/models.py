"""Elections and their observation (docs/elections.md): the election page
(``election.py``), the recommendations and their follow-up (``records.py``)
and the page that answers for them (``pages.py``)."""

from .election import ElectionPage, ElectionReport
from .pages import RecommendationsPage
from .records import FollowUp, Recommendation, Theme

__all__ = [
    "ElectionPage",
    "ElectionReport",
    "FollowUp",
    "Recommendation",
    "RecommendationsPage",
    "Theme",
]
