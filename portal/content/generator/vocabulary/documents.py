"""Publication files: the text of a document in each of the six languages
and the languages' English names (for the sample PDFs)."""

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
