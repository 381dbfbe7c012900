"""Fields of work, by slug: the topics (noun phrases that read after "on" or
"about") and the audiences (plural nouns for the people taking part) that
titles, summaries and bodies are made of."""

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
