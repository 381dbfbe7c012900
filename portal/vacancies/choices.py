"""The values a vacancy's grade, contract type and duty station take: the
listing's filters and the importer's vocabulary (docs/vacancies.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Grade(models.TextChoices):
    # Grades are codes, the same in every language.
    P1 = "P-1", "P-1"
    P2 = "P-2", "P-2"
    P3 = "P-3", "P-3"
    P4 = "P-4", "P-4"
    P5 = "P-5", "P-5"
    D1 = "D-1", "D-1"
    D2 = "D-2", "D-2"
    NP1 = "NP-1", "NP-1"
    NP2 = "NP-2", "NP-2"
    NP3 = "NP-3", "NP-3"
    G4 = "G-4", "G-4"
    G5 = "G-5", "G-5"
    G6 = "G-6", "G-6"
    G7 = "G-7", "G-7"
    S = "S", "S"
    S1 = "S-1", "S-1"
    S2 = "S-2", "S-2"
    S3 = "S-3", "S-3"
    S4 = "S-4", "S-4"
    NONE = "none", _("Not graded")


class ContractType(models.TextChoices):
    FIXED_TERM = "fixed_term", _("Fixed-term contract")
    SECONDED = "seconded", _("Secondment")
    TEMPORARY = "temporary", _("Temporary assignment")
    CONSULTANCY = "consultancy", _("Consultancy")
    INTERNSHIP = "internship", _("Internship")


class DutyStation(models.TextChoices):
    VIENNA = "vienna", _("Vienna")
    WARSAW = "warsaw", _("Warsaw")
    THE_HAGUE = "the-hague", _("The Hague")
    COPENHAGEN = "copenhagen", _("Copenhagen")
    PRAGUE = "prague", _("Prague")
    TIRANA = "tirana", _("Tirana")
    SARAJEVO = "sarajevo", _("Sarajevo")
    PRISTINA = "pristina", _("Pristina")
    PODGORICA = "podgorica", _("Podgorica")
    BELGRADE = "belgrade", _("Belgrade")
    SKOPJE = "skopje", _("Skopje")
    CHISINAU = "chisinau", _("Chisinau")
    ASTANA = "astana", _("Astana")
    ASHGABAT = "ashgabat", _("Ashgabat")
    BISHKEK = "bishkek", _("Bishkek")
    DUSHANBE = "dushanbe", _("Dushanbe")
    TASHKENT = "tashkent", _("Tashkent")
    HOME_BASED = "home-based", _("Home-based")
