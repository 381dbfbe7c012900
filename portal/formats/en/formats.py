"""English date formats of the site ("21 November 2026"), replacing Django's
American defaults. The other five languages use Django's own formats for their
locale (French "21 novembre 2026", German "21. November 2026", Russian
"21 ноября 2026 г."). Templates name the format (``|date:"DATE_FORMAT"``),
never a pattern, so that each language gets its own."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d/m/Y"
