"""What a run reports: the progress bar on stderr while it works, and the
``Summary`` of what it generated or removed (counts, time, rate, notes)."""

import sys
from collections import Counter
from dataclasses import dataclass, field

from tqdm import tqdm

from .kinds import LABELS, MODELS
from .words import cap


def progress_bar(enabled: bool, **kwargs) -> tqdm:
    """A bar counting items on stderr; silent unless ``enabled``."""
    return tqdm(unit=" items", disable=not enabled, file=sys.stderr, dynamic_ncols=True, **kwargs)


@dataclass
class Summary:
    action: str
    pages: Counter = field(default_factory=Counter)  # model -> count
    tags: int = 0
    files: int = 0
    documents: int = 0
    recommendations: int = 0
    skipped: int = 0
    seconds: float = 0.0
    first: int | None = None  # numbers generated, first and last
    last: int | None = None
    notes: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.pages.values())

    @property
    def rate(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        if not self.total and self.notes:
            return list(self.notes)
        detail = ", ".join(f"{self.pages[m]} {LABELS[m]}" for m in MODELS if self.pages[m])
        lines = [
            f"{cap(self.action)} {self.total} pages" + (f" ({detail})" if detail else "") + ",",
            f"{self.tags} tags, {self.files} publication files, {self.documents} documents,",
            f"{self.recommendations} recommendations",
            f"in {self.seconds:.1f} s ({self.rate:,.0f} pages/s).",
        ]
        if self.first is not None:
            lines.insert(0, f"Items {self.first} to {self.last}:")
        return [" ".join(lines), *self.notes]
