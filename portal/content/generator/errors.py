"""The generator's one error: something the user must fix first."""

REFERENCE_MISSING = (
    "The reference content is not loaded ({problem}). Run "
    "`manage.py load_reference_content` first: generated content goes under its "
    "listing pages and is tagged with its terms."
)


class GeneratorError(Exception):
    """Something the user must fix first; the message says what."""
