"""Who acts and speaks: the Organization's officials, partner organizations,
donors (and those that take "the") and the speakers of quotes."""

OFFICIALS = [
    "OSCE Secretary General",
    "OSCE Chairperson-in-Office",
    "ODIHR Director",
    "OSCE High Commissioner on National Minorities",
    "OSCE Representative on Freedom of the Media",
    "President of the OSCE Parliamentary Assembly",
]

PARTNERS = [
    "the European Union",
    "the United Nations Development Programme",
    "the Council of Europe",
    "UNODC",
    "the International Organization for Migration",
    "national authorities",
    "local civil society organizations",
]
DONORS = [
    "Austria",
    "Canada",
    "Denmark",
    "European Union",
    "Finland",
    "France",
    "Germany",
    "Italy",
    "Japan",
    "Liechtenstein",
    "Luxembourg",
    "Norway",
    "Poland",
    "Netherlands",
    "Sweden",
    "Switzerland",
    "United Kingdom",
    "United States",
]
# Donors and places that take "the" inside a sentence.
DONORS_WITH_ARTICLE = {"European Union", "Netherlands", "United Kingdom", "United States"}

SPEAKERS = [
    "a senior OSCE official",
    "a representative of the host authorities",
    "one of the participants",
    "the OSCE project manager",
]
