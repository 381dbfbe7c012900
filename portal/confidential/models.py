"""Reports of wrongdoing (docs/confidential-reports.md): the page type
(``pages.py``) and the cases (``records.py``)."""

from .pages import ConfidentialReportPage
from .records import OVERSIGHT_GROUP, Case, CaseFile, CaseMessage

__all__ = ["OVERSIGHT_GROUP", "Case", "CaseFile", "CaseMessage", "ConfidentialReportPage"]
