"""Wagtail's page tree, written directly: treebeard's materialized path (each
level is ``STEPLEN`` characters of ``ALPHABET``), the step of a child's
position and back, and recounting a parent's children after a removal."""

from django.db import DEFAULT_DB_ALIAS
from wagtail.models import Page

from .errors import GeneratorError

STEPLEN = Page.steplen
ALPHABET = Page.alphabet
MAX_CHILDREN = len(ALPHABET) ** STEPLEN - 1


def path_step(position: int) -> str:
    """The STEPLEN-character step of a child's 1-based ``position``."""
    if not 0 < position <= MAX_CHILDREN:
        raise GeneratorError(
            f"A page can have at most {MAX_CHILDREN} children in Wagtail's tree; "
            f"this run would need position {position}."
        )
    digits = []
    for _ in range(STEPLEN):
        position, rest = divmod(position, len(ALPHABET))
        digits.append(ALPHABET[rest])
    return "".join(reversed(digits))


def step_position(step: str) -> int:
    """The 1-based position of a child from its path's last step."""
    position = 0
    for char in step:
        position = position * len(ALPHABET) + ALPHABET.index(char)
    return position


def children_range(path: str) -> tuple[str, str]:
    """The lowest and highest possible paths of the children of ``path``."""
    return path + ALPHABET[0] * STEPLEN, path + ALPHABET[-1] * STEPLEN


def recount_children(paths, using: str = DEFAULT_DB_ALIAS) -> None:
    """Set ``numchild`` of the pages at ``paths`` to their real number of children."""
    for path in paths:
        depth = len(path) // STEPLEN
        count = (
            Page._base_manager.using(using)
            .filter(path__range=children_range(path), depth=depth + 1)
            .count()
        )
        Page._base_manager.using(using).filter(path=path).update(numchild=count)
