"""The controlled vocabularies of election observation: kinds of election,
of observation mission and of report, the themes a recommendation is filed
under and the follow-up statuses an assessment gives it.

Codes are stored; labels are translated. A new theme or status is a new
member here (and, for themes, a row: ``Theme.sync()``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ElectionType(models.TextChoices):
    PRESIDENTIAL = "presidential", _("Presidential election")
    PARLIAMENTARY = "parliamentary", _("Parliamentary elections")
    EARLY_PARLIAMENTARY = "early_parliamentary", _("Early parliamentary elections")
    LOCAL = "local", _("Local elections")
    REFERENDUM = "referendum", _("Referendum")


class MissionType(models.TextChoices):
    EOM = "eom", _("Election observation mission")
    LEOM = "leom", _("Limited election observation mission")
    EAM = "eam", _("Election assessment mission")
    NAM = "nam", _("Needs assessment mission")


class ReportKind(models.TextChoices):
    NEEDS_ASSESSMENT = "needs_assessment", _("Needs assessment report")
    INTERIM = "interim", _("Interim report")
    PRELIMINARY = "preliminary", _("Statement of preliminary findings and conclusions")
    FINAL = "final", _("Final report")


class ThemeCode(models.TextChoices):
    LEGAL_FRAMEWORK = "legal_framework", _("Legal framework")
    ELECTION_ADMINISTRATION = "election_administration", _("Election administration")
    VOTER_REGISTRATION = "voter_registration", _("Voter registration")
    CANDIDATE_REGISTRATION = "candidate_registration", _("Candidate registration")
    CAMPAIGN_FINANCE = "campaign_finance", _("Campaign finance")
    MEDIA = "media", _("Media")
    COMPLAINTS_AND_APPEALS = "complaints_and_appeals", _("Complaints and appeals")
    PARTICIPATION_OF_WOMEN = "participation_of_women", _("Participation of women")
    NATIONAL_MINORITIES = "national_minorities", _("National minorities")
    OBSERVERS = "observers", _("Citizen and international observers")


class Status(models.TextChoices):
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    PARTIALLY = "partially", _("Partially implemented")
    MOSTLY = "mostly", _("Mostly implemented")
    FULLY = "fully", _("Fully implemented")


# A recommendation no assessment has looked at yet (by the year asked about).
NOT_ASSESSED = "not_assessed"
NOT_ASSESSED_LABEL = _("Not yet assessed")


def status_choices() -> list[tuple[str, str]]:
    """Every status a recommendation can be shown with, in order."""
    return [*Status.choices, (NOT_ASSESSED, NOT_ASSESSED_LABEL)]
