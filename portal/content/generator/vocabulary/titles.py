"""Titles and summaries per kind of item: news verbs and activities, the
officials' statements and visits, story, event, meeting-series and
publication titles, and the families of official document symbols."""

NEWS_VERBS = ["supports", "organizes", "holds", "hosts", "launches", "concludes", "co-organizes"]
NEWS_VERBS_PAST = {
    "supports": "supported",
    "organizes": "organized",
    "holds": "held",
    "hosts": "hosted",
    "launches": "launched",
    "concludes": "concluded",
    "co-organizes": "co-organized",
}
ACTIVITIES = [
    "workshop",
    "training course",
    "round table",
    "conference",
    "study visit",
    "seminar",
    "awareness-raising campaign",
    "expert meeting",
    "simulation exercise",
]

# (title after the official's name, summary): {official}, {country}, {topic}.
OFFICIAL_ACTIONS = [
    (
        "visits {country}, discusses {topic}",
        "During a visit to {country}, the {official} discussed {topic} with the authorities "
        "and civil society.",
    ),
    (
        "welcomes progress on {topic} in {country}",
        "The {official} welcomed the progress made on {topic} in {country} and encouraged "
        "further steps.",
    ),
    (
        "calls for renewed efforts on {topic}",
        "The {official} called on the participating States to renew their efforts on {topic}.",
    ),
    (
        "meets authorities in {country} to discuss {topic}",
        "The {official} met representatives of the authorities in {country} to discuss {topic}.",
    ),
    (
        "concludes visit to {country}, focusing on {topic}",
        "The {official} concluded a visit to {country} that focused on {topic}.",
    ),
]

STORY_TITLES = [
    "How {audience} in {place} are making a difference for {topic}",
    "Ten years of work on {topic} in {place}",
    "What {topic} means for {audience} in {place}",
    "From the training room to everyday practice: {audience} and {topic}",
    "Lessons learned: {topic} in {place}",
    "Voices from {place}: {audience} on {topic}",
    "“We could not do it alone”: {audience} and {topic} in {place}",
]

EVENT_TITLES = {
    "meeting": ["Expert meeting on {topic}", "Annual meeting of {audience} on {topic}"],
    "conference": [
        "Regional conference on {topic}",
        "International conference on {topic}",
        "High-level conference on {topic} in {place}",
    ],
    "training": ["Training course for {audience} on {topic}", "Train-the-trainer course: {topic}"],
    "ceremony": [
        "Handover ceremony: support for {topic} in {place}",
        "Award ceremony for {audience} working on {topic}",
    ],
    "exhibition": ["Photo exhibition on {topic}", "Exhibition: {Topic} in {place}"],
    "workshop": ["Workshop on {topic} in {city}", "Regional workshop for {audience} on {topic}"],
    "other": ["Public lecture on {topic}", "Online briefing: {Topic}"],
}

# Meeting series slug -> the title of one of its meetings.
SERIES_TITLES = {
    "annual-implementation-assessment-meetings": "Annual Implementation Assessment Meeting {year}",
    "annual-osce-asian-conferences": "OSCE Asian Conference {year}",
    "annual-osce-mediterranean-conferences": "OSCE Mediterranean Conference {year}",
    "conference-of-the-alliance-against-trafficking-in-persons": (
        "Alliance against Trafficking in Persons Conference {year}"
    ),
    "cyber-ict-security-conferences": "OSCE-wide Conference on Cyber/ICT Security {year}",
    "economic-and-environmental-dimension-implementation-meetings": (
        "Economic and Environmental Dimension Implementation Meeting {year}"
    ),
    "economic-and-environmental-forum": "Economic and Environmental Forum {year}",
    "gender-equality-review-conferences": "Gender Equality Review Conference {year}",
    "human-rights-meetings": "Supplementary Human Dimension Meeting on {topic}",
    "media-conferences": "South-East Europe Media Conference {year}",
    "ministerial-council-meetings": "{ordinal} OSCE Ministerial Council",
    "plenary-meetings-of-the-forum-for-security-co-operation": (
        "{ordinal} Plenary Meeting of the Forum for Security Co-operation"
    ),
    "plenary-meetings-of-the-permanent-council": "{ordinal} Plenary Meeting of the Permanent Council",
    "review-conferences": "OSCE Review Conference {year}",
    "security-review-conferences": "Annual Security Review Conference {year}",
    "summit-meetings": "OSCE Summit {year}",
}

PUBLICATION_TITLES = {
    "report": [
        "Report on {topic} in {place}",
        "{Place}: assessment of {topic}",
        "Mapping {topic} in {place}",
        "Annual report on {topic}, {year}",
        "Trial monitoring report: {topic}",
    ],
    "manual": [
        "Guide on {topic} for {audience}",
        "Handbook on {topic}",
        "Training manual: {Topic}",
        "Guidelines on {topic}",
    ],
    "factsheet": ["Factsheet: {Topic}", "{Actor}: what we do on {topic}"],
    "other": [
        "Compendium of good practices on {topic}",
        "Conference proceedings: {Topic}",
        "Leaflet on {topic} for {audience}",
    ],
}

# "A report by the OSCE..." for each non-official publication type.
PUBLICATION_NOUNS = {
    "report": "report",
    "manual": "guide",
    "factsheet": "factsheet",
    "other": "publication",
}

# Official documents: (issuing body, document type, year in the symbol?, title).
# The numbers the generator gives them start above those of real documents.
SYMBOL_FAMILIES = [
    ("PC", "DEC", False, "Decision No. {number} on {topic}"),
    ("PC", "JOUR", False, "Journal of the {ordinal} Plenary Meeting of the Permanent Council"),
    ("MC", "DEC", True, "Ministerial Council Decision No. {number}/{yy} on {topic}"),
    ("SEC", "GAL", True, "Report by the Secretary General on {topic}"),
    ("FSC", "DEC", True, "Forum for Security Co-operation Decision No. {number}/{yy} on {topic}"),
    ("FSC", "JOUR", False, "Journal of the {ordinal} Plenary Meeting of the Forum"),
    ("CIO", "GAL", True, "Statement by the Chairperson-in-Office on {topic}"),
    ("ODIHR", "GAL", True, "ODIHR note on {topic}"),
    ("HCNM", "GAL", True, "Statement by the High Commissioner on National Minorities on {topic}"),
    ("PC", "DOC", True, "Annual report on {topic}"),
]
