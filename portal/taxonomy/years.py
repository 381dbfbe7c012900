"""The years the site's content can be dated in: from the Helsinki
consultations (1973) to a bound far enough ahead for scheduled events. Year
filters, month calendars, document symbols and the reference content all
check against these two."""

MIN_YEAR, MAX_YEAR = 1973, 2100
