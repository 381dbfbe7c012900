"""Whole numbers read from a query string (a year, a page number), by one
rule: ASCII digits only, within bounds, and never more digits than the upper
bound has.

``str.isdigit()`` takes "²" and Arabic-Indic digits, which ``int()`` then
refuses or reads; and ``int()`` of a string of more than 4,300 digits raises
``ValueError``. Every parser of the site reads numbers through
``bounded_int``, so none of them can raise."""

MAX_PAGE_NUMBER = 100_000  # no list of the site has more pages


def bounded_int(value: str | None, low: int, high: int) -> int | None:
    """``value`` as an integer between ``low`` and ``high`` (both included),
    or ``None`` when it is anything else."""
    if not value or not (value.isascii() and value.isdigit()):
        return None
    if len(value) > len(str(high)):
        return None
    number = int(value)
    return number if low <= number <= high else None
