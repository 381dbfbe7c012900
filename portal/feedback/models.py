"""Feedback (docs/forms.md): the page type (``pages.py``), what it keeps
(``records.py``), and the privacy notice (``privacy.py``)."""

from .pages import FeedbackPage
from .privacy import PrivacyNoticePage
from .records import FeedbackSubmission, FeedbackTopic

__all__ = ["FeedbackPage", "FeedbackSubmission", "FeedbackTopic", "PrivacyNoticePage"]
