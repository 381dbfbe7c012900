"""Sentences of summaries and bodies: closings, context, quotes, closing
sentences and the occasional heading."""

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

CLOSING_SENTENCES = [
    "The activity is part of an extra-budgetary project funded by {donor}.",
    "It was organized in close co-operation with {partner}.",
    "Further activities on the same topic are planned for next year.",
    "The OSCE will continue to support the authorities in this area upon their request.",
]
BODY_HEADINGS = ["Background", "Next steps", "About the project", "Key findings"]
