"""Words and phrases for ``portal.content.generator``: what synthetic titles,
summaries, bodies and document texts are assembled from.

Plain data, no logic. Keyed by the slugs of the reference content (fields of
work, countries, meeting series), so a term the vocabulary does not know still
works: the generator falls back to the term's own name.
"""

# Field of work slug -> (topics: noun phrases that read after "on"/"about",
#                        audiences: plural nouns for the people taking part).
FIELDS_OF_WORK = {
    "arms-control": (
        [
            "small arms and light weapons control",
            "the destruction of surplus ammunition",
            "the physical security of weapons stockpiles",
            "confidence- and security-building measures",
            "the implementation of the Vienna Document",
        ],
        ["defence officials", "arms control inspectors", "military officers"],
    ),
    "border-management": (
        [
            "border security and management",
            "integrated border management",
            "travel document security",
            "cross-border co-operation",
            "risk analysis at border crossings",
        ],
        ["border guards", "customs officers", "border police officers"],
    ),
    "combating-trafficking-in-human-beings": (
        [
            "the identification of victims of trafficking",
            "labour exploitation in supply chains",
            "national referral mechanisms for victims of trafficking",
            "trafficking in human beings facilitated by technology",
        ],
        ["social workers", "labour inspectors", "prosecutors"],
    ),
    "conflict-prevention-and-resolution": (
        [
            "early warning and conflict prevention",
            "mediation and dialogue facilitation",
            "confidence-building between communities",
            "the role of women in peace processes",
        ],
        ["mediators", "community leaders", "local officials"],
    ),
    "countering-terrorism": (
        [
            "preventing violent extremism and radicalization that lead to terrorism",
            "countering the financing of terrorism",
            "the protection of critical infrastructure",
            "the use of advance passenger information",
        ],
        ["police officers", "financial intelligence analysts", "counter-terrorism experts"],
    ),
    "cyber-ict-security": (
        [
            "cyber/ICT security confidence-building measures",
            "the protection of critical infrastructure from cyber attacks",
            "cybercrime investigation",
            "digital forensics",
        ],
        ["cyber security experts", "criminal investigators", "policy-makers"],
    ),
    "democratization": (
        [
            "democratic law-making",
            "the regulation of political parties",
            "the participation of women in public and political life",
            "local self-government",
        ],
        ["members of parliament", "civil society representatives", "municipal officials"],
    ),
    "economic-activities": (
        [
            "economic connectivity",
            "good governance in public procurement",
            "the economic empowerment of women",
            "the fight against money laundering",
        ],
        ["entrepreneurs", "public officials", "business representatives"],
    ),
    "education": (
        [
            "education for peace and security",
            "media and information literacy in schools",
            "inclusive education",
        ],
        ["teachers", "students", "school principals"],
    ),
    "elections": (
        [
            "election observation",
            "electoral reform",
            "voter registration",
            "the resolution of election disputes",
        ],
        ["election officials", "election observers", "members of election commissions"],
    ),
    "environmental-activities": (
        [
            "climate change and security",
            "transboundary water management",
            "disaster risk reduction",
            "the safe management of hazardous waste",
            "public participation in environmental decision-making",
        ],
        ["environmental inspectors", "Aarhus Centre staff", "local authorities"],
    ),
    "gender-equality": (
        [
            "women's participation in the security sector",
            "the prevention of violence against women",
            "gender mainstreaming",
            "women's leadership",
        ],
        ["women leaders", "gender focal points", "young women"],
    ),
    "good-governance": (
        [
            "the prevention of corruption",
            "transparency in public administration",
            "asset declarations of public officials",
            "integrity in the public sector",
        ],
        ["civil servants", "anti-corruption officials", "auditors"],
    ),
    "human-rights": (
        [
            "freedom of peaceful assembly",
            "freedom of religion or belief",
            "the rights of persons with disabilities",
            "the protection of human rights defenders",
            "the prevention of torture",
        ],
        ["human rights defenders", "ombudsperson staff", "lawyers"],
    ),
    "media-freedom-and-development": (
        [
            "the safety of journalists",
            "media pluralism",
            "access to information",
            "the safety of female journalists online",
        ],
        ["journalists", "editors", "media students"],
    ),
    "migration": (
        [
            "labour migration",
            "migration governance",
            "the integration of migrants",
            "the collection of migration data",
        ],
        ["migration officials", "consular staff", "municipal officials"],
    ),
    "national-minority-issues": (
        [
            "the integration of diverse societies",
            "education in minority languages",
            "the participation of national minorities in public life",
        ],
        ["minority representatives", "teachers", "local officials"],
    ),
    "policing": (
        [
            "community policing",
            "criminal investigation",
            "police accountability",
            "the fight against organized crime",
            "the fight against drug trafficking",
        ],
        ["police officers", "police trainers", "criminal investigators"],
    ),
    "reform-and-co-operation-in-the-security-sector": (
        [
            "security sector governance and reform",
            "parliamentary oversight of the security sector",
            "the democratic control of armed forces",
        ],
        ["security sector officials", "members of parliament", "defence officials"],
    ),
    "roma-and-sinti": (
        [
            "the inclusion of Roma and Sinti",
            "access to civil registration for Roma",
            "the participation of Roma in public life",
        ],
        ["Roma community mediators", "Roma activists", "local officials"],
    ),
    "rule-of-law": (
        [
            "judicial independence",
            "the training of judges and prosecutors",
            "access to justice",
            "criminal justice reform",
            "trial monitoring",
        ],
        ["judges", "prosecutors", "lawyers"],
    ),
    "tolerance-and-non-discrimination": (
        [
            "the recording of hate crimes",
            "the fight against antisemitism",
            "the fight against intolerance and discrimination against Muslims",
            "equality and non-discrimination",
        ],
        ["police officers", "civil society activists", "prosecutors"],
    ),
    "youth": (
        [
            "the engagement of young people in security",
            "youth participation in decision-making",
            "youth, peace and security",
        ],
        ["young people", "youth leaders", "students"],
    ),
}

GENERIC_AUDIENCES = ["experts", "government officials", "civil society representatives"]

# Country slug -> (IANA time zone, cities: the capital first).
COUNTRY_PLACES = {
    "afghanistan": ("Asia/Kabul", ["Kabul"]),
    "albania": ("Europe/Tirane", ["Tirana", "Shkodër", "Durrës"]),
    "algeria": ("Africa/Algiers", ["Algiers"]),
    "andorra": ("Europe/Andorra", ["Andorra la Vella"]),
    "armenia": ("Asia/Yerevan", ["Yerevan", "Gyumri"]),
    "australia": ("Australia/Sydney", ["Canberra"]),
    "austria": ("Europe/Vienna", ["Vienna", "Graz"]),
    "azerbaijan": ("Asia/Baku", ["Baku"]),
    "belarus": ("Europe/Minsk", ["Minsk"]),
    "belgium": ("Europe/Brussels", ["Brussels"]),
    "bosnia-and-herzegovina": ("Europe/Sarajevo", ["Sarajevo", "Banja Luka", "Mostar"]),
    "bulgaria": ("Europe/Sofia", ["Sofia"]),
    "canada": ("America/Toronto", ["Ottawa"]),
    "croatia": ("Europe/Zagreb", ["Zagreb"]),
    "cyprus": ("Asia/Nicosia", ["Nicosia"]),
    "czechia": ("Europe/Prague", ["Prague", "Brno"]),
    "denmark": ("Europe/Copenhagen", ["Copenhagen"]),
    "egypt": ("Africa/Cairo", ["Cairo"]),
    "estonia": ("Europe/Tallinn", ["Tallinn"]),
    "finland": ("Europe/Helsinki", ["Helsinki"]),
    "france": ("Europe/Paris", ["Paris", "Strasbourg"]),
    "georgia": ("Asia/Tbilisi", ["Tbilisi", "Batumi"]),
    "germany": ("Europe/Berlin", ["Berlin", "Bonn"]),
    "greece": ("Europe/Athens", ["Athens", "Thessaloniki"]),
    "holy-see": ("Europe/Vatican", ["Vatican City"]),
    "hungary": ("Europe/Budapest", ["Budapest"]),
    "iceland": ("Atlantic/Reykjavik", ["Reykjavik"]),
    "ireland": ("Europe/Dublin", ["Dublin"]),
    "israel": ("Asia/Jerusalem", ["Jerusalem"]),
    "italy": ("Europe/Rome", ["Rome", "Milan"]),
    "japan": ("Asia/Tokyo", ["Tokyo"]),
    "jordan": ("Asia/Amman", ["Amman"]),
    "kazakhstan": ("Asia/Almaty", ["Astana", "Almaty", "Shymkent"]),
    "kyrgyzstan": ("Asia/Bishkek", ["Bishkek", "Osh"]),
    "latvia": ("Europe/Riga", ["Riga"]),
    "liechtenstein": ("Europe/Vaduz", ["Vaduz"]),
    "lithuania": ("Europe/Vilnius", ["Vilnius"]),
    "luxembourg": ("Europe/Luxembourg", ["Luxembourg"]),
    "malta": ("Europe/Malta", ["Valletta"]),
    "moldova": ("Europe/Chisinau", ["Chisinau", "Comrat", "Tiraspol"]),
    "monaco": ("Europe/Monaco", ["Monaco"]),
    "mongolia": ("Asia/Ulaanbaatar", ["Ulaanbaatar"]),
    "montenegro": ("Europe/Podgorica", ["Podgorica", "Nikšić"]),
    "morocco": ("Africa/Casablanca", ["Rabat"]),
    "north-macedonia": ("Europe/Skopje", ["Skopje", "Tetovo", "Ohrid"]),
    "norway": ("Europe/Oslo", ["Oslo"]),
    "poland": ("Europe/Warsaw", ["Warsaw", "Kraków"]),
    "portugal": ("Europe/Lisbon", ["Lisbon"]),
    "republic-of-korea": ("Asia/Seoul", ["Seoul"]),
    "romania": ("Europe/Bucharest", ["Bucharest"]),
    "russian-federation": ("Europe/Moscow", ["Moscow"]),
    "san-marino": ("Europe/San_Marino", ["San Marino"]),
    "serbia": ("Europe/Belgrade", ["Belgrade", "Novi Sad", "Niš"]),
    "slovakia": ("Europe/Bratislava", ["Bratislava"]),
    "slovenia": ("Europe/Ljubljana", ["Ljubljana"]),
    "spain": ("Europe/Madrid", ["Madrid"]),
    "sweden": ("Europe/Stockholm", ["Stockholm"]),
    "switzerland": ("Europe/Zurich", ["Bern", "Geneva"]),
    "tajikistan": ("Asia/Dushanbe", ["Dushanbe", "Khujand"]),
    "thailand": ("Asia/Bangkok", ["Bangkok"]),
    "the-netherlands": ("Europe/Amsterdam", ["The Hague", "Amsterdam"]),
    "tunisia": ("Africa/Tunis", ["Tunis"]),
    "turkmenistan": ("Asia/Ashgabat", ["Ashgabat"]),
    "turkiye": ("Europe/Istanbul", ["Ankara", "Istanbul"]),
    "ukraine": ("Europe/Kyiv", ["Kyiv", "Lviv", "Odesa"]),
    "united-kingdom": ("Europe/London", ["London"]),
    "united-states-of-america": ("America/New_York", ["Washington, D.C."]),
    "uzbekistan": ("Asia/Tashkent", ["Tashkent", "Samarkand"]),
}

# Country names that take "the" inside a sentence ("in the Russian Federation").
WITH_ARTICLE = {
    "holy-see",
    "republic-of-korea",
    "russian-federation",
    "the-netherlands",
    "united-kingdom",
    "united-states-of-america",
}

HEADQUARTERS = ("Europe/Vienna", "Vienna")
# Seats of structures that are not in a country of the list above.
OTHER_CITY_TIMEZONES = {"Prishtinë/Priština": "Europe/Belgrade"}

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
OFFICIALS = [
    "OSCE Secretary General",
    "OSCE Chairperson-in-Office",
    "ODIHR Director",
    "OSCE High Commissioner on National Minorities",
    "OSCE Representative on Freedom of the Media",
    "President of the OSCE Parliamentary Assembly",
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

EVENT_VENUES = {
    "Vienna": ["Hofburg, Vienna", "OSCE Secretariat, Vienna", "Vienna International Centre"],
    "Warsaw": ["ODIHR, Warsaw"],
    "The Hague": ["Office of the High Commissioner on National Minorities, The Hague"],
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

SUMMARY_CLOSINGS = [
    "as part of the OSCE's long-standing support in this area",
    "with participants from across the region",
    "in co-operation with {partner}",
    "building on earlier activities with the same partners",
    "in line with the commitments of the participating States",
]

CONTEXT_SENTENCES = [
    "{Topic} remains a priority for many participating States, and the OSCE supports them with expertise, training and the exchange of good practice.",
    "The OSCE commitments on {topic} were agreed by all participating States and are reviewed at the Organization's regular meetings.",
    "Experience across the OSCE region shows that progress on {topic} depends on co-operation between State institutions and civil society.",
    "Participants compared national approaches to {topic} and discussed how international standards can be applied in practice.",
    "The discussions focused on concrete steps that authorities can take in the coming months.",
    "Participants also looked at the role of women and young people in this work.",
]
QUOTES = [
    "Lasting results need both political will and practical skills, and this activity brings the two together",
    "We are grateful for the commitment of our partners, without whom this work would not be possible",
    "The knowledge gained here will be put to use in daily work from tomorrow",
    "Sharing experience across borders is one of the OSCE's greatest strengths",
]
SPEAKERS = [
    "a senior OSCE official",
    "a representative of the host authorities",
    "one of the participants",
    "the OSCE project manager",
]
CLOSING_SENTENCES = [
    "The activity is part of an extra-budgetary project funded by {donor}.",
    "It was organized in close co-operation with {partner}.",
    "Further activities on the same topic are planned for next year.",
    "The OSCE will continue to support the authorities in this area upon their request.",
]
BODY_HEADINGS = ["Background", "Next steps", "About the project", "Key findings"]

# Document text for each language of a publication file.
DOCUMENT_LABELS = {
    "en": "Title",
    "fr": "Titre original",
    "de": "Originaltitel",
    "it": "Titolo originale",
    "ru": "Оригинальное название",
    "es": "Título original",
}
DOCUMENT_SENTENCES = {
    "en": [
        "This document sets out the main findings and recommendations.",
        "It was prepared with the support of the participating States and partner organizations.",
        "The views expressed do not necessarily reflect the official position of the OSCE or its participating States.",
        "The recommendations are addressed to national authorities, civil society and international partners.",
        "Further information is available from the OSCE Secretariat in Vienna.",
        "This edition replaces all previous versions of the document.",
    ],
    "fr": [
        "Le présent document expose les principales conclusions et recommandations.",
        "Il a été élaboré avec le soutien des États participants et des organisations partenaires.",
        "Les opinions exprimées ne reflètent pas nécessairement la position officielle de l'OSCE ou de ses États participants.",
        "Les recommandations s'adressent aux autorités nationales, à la société civile et aux partenaires internationaux.",
        "De plus amples informations peuvent être obtenues auprès du Secrétariat de l'OSCE à Vienne.",
        "La présente édition remplace toutes les versions précédentes du document.",
    ],
    "de": [
        "Dieses Dokument enthält die wichtigsten Ergebnisse und Empfehlungen.",
        "Es wurde mit Unterstützung der Teilnehmerstaaten und Partnerorganisationen erstellt.",
        "Die geäußerten Ansichten geben nicht unbedingt die offizielle Haltung der OSZE oder ihrer Teilnehmerstaaten wieder.",
        "Die Empfehlungen richten sich an nationale Behörden, die Zivilgesellschaft und internationale Partner.",
        "Weitere Informationen erhalten Sie beim OSZE-Sekretariat in Wien.",
        "Diese Ausgabe ersetzt alle früheren Fassungen des Dokuments.",
    ],
    "it": [
        "Il presente documento illustra le principali conclusioni e raccomandazioni.",
        "È stato elaborato con il sostegno degli Stati partecipanti e delle organizzazioni partner.",
        "Le opinioni espresse non riflettono necessariamente la posizione ufficiale dell'OSCE o dei suoi Stati partecipanti.",
        "Le raccomandazioni sono rivolte alle autorità nazionali, alla società civile e ai partner internazionali.",
        "Ulteriori informazioni sono disponibili presso il Segretariato dell'OSCE a Vienna.",
        "La presente edizione sostituisce tutte le versioni precedenti del documento.",
    ],
    "ru": [
        "В настоящем документе изложены основные выводы и рекомендации.",
        "Он подготовлен при поддержке государств-участников и организаций-партнеров.",
        "Выраженные мнения не обязательно отражают официальную позицию ОБСЕ или ее государств-участников.",
        "Рекомендации адресованы национальным органам власти, гражданскому обществу и международным партнерам.",
        "Дополнительную информацию можно получить в Секретариате ОБСЕ в Вене.",
        "Настоящее издание заменяет все предыдущие версии документа.",
    ],
    "es": [
        "El presente documento expone las principales conclusiones y recomendaciones.",
        "Se elaboró con el apoyo de los Estados participantes y de organizaciones asociadas.",
        "Las opiniones expresadas no reflejan necesariamente la posición oficial de la OSCE ni de sus Estados participantes.",
        "Las recomendaciones están dirigidas a las autoridades nacionales, la sociedad civil y los asociados internacionales.",
        "Puede obtenerse más información en la Secretaría de la OSCE en Viena.",
        "La presente edición sustituye a todas las versiones anteriores del documento.",
    ],
}

# English names of the languages, for the sample files (plain ASCII: the sample
# PDFs use a standard font without embedding one).
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "ru": "Russian",
    "es": "Spanish",
}
