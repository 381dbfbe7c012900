"""The site's stylesheets: one ordered list of the files in portal/static/css/,
served two ways without a build step.

The order is the cascade order: where two rules of the same specificity set
the same property on the same element, the later file wins. docs/front-end.md
has the index of what each file styles.

- DEBUG (``make run``): one ``<link>`` per file, in this order, so that the
  browser's developer tools name the file of every rule and an edit shows on
  the next reload (``{% stylesheets %}``, ``stylesheet_tags``).
- Otherwise: one ``<link>`` to ``css/site.css``, the files joined in this
  order by ``StylesheetFinder``. ``collectstatic`` copies it into STATIC_ROOT
  for production, where WhiteNoise hashes and compresses it like any other
  file; runserver and the screenshot command (with DEBUG off: the browser
  tests) serve it joined afresh from the files.
"""

import hashlib
import os
import tempfile
from pathlib import Path

from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.utils import matches_patterns
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage

CSS_DIR = Path(__file__).resolve().parent.parent / "static" / "css"

STYLESHEETS = (
    "tokens.css",
    "base.css",
    "utilities.css",
    "buttons.css",
    "layout.css",
    "header.css",
    "footer.css",
    "search.css",
    "main-nav.css",
    "breadcrumbs.css",
    "page-header.css",
    "page-section.css",
    "prose.css",
    "contents-nav.css",
    "cards.css",
    "structures.css",
    "facts.css",
    "tags.css",
    "pagination.css",
    "link-lists.css",
    "notices.css",
    "home.css",
    "countries.css",
    "item.css",
    "events.css",
    "error-page.css",
    "listings.css",
    "map.css",
    "org-chart.css",
    "timeline.css",
    "recommendations.css",
    "forms.css",
    "preferences.css",
    "print.css",
)

# The joined file's static path: the name the single stylesheet always had.
BUNDLE = "css/site.css"


def stylesheet_paths(debug):
    """Static paths to link, in order: every file with DEBUG, else the bundle."""
    return [f"css/{name}" for name in STYLESHEETS] if debug else [BUNDLE]


def bundle_text():
    """The files joined in order, each after a comment naming it."""
    return "".join(
        f"/* css/{name} */\n{(CSS_DIR / name).read_text(encoding='utf-8')}\n"
        for name in STYLESHEETS
    )


class StylesheetFinder(BaseFinder):
    """Finds ``css/site.css`` (``BUNDLE``): the files of ``STYLESHEETS`` joined.

    The joined file is written to a folder of the system's temporary directory
    (one per checkout and user), and only rewritten when its text changes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(os, "getuid", lambda: "")()
        key = hashlib.sha256(f"{CSS_DIR}:{user}".encode()).hexdigest()[:12]
        self.location = Path(tempfile.gettempdir()) / f"portal-stylesheet-{key}"
        self.storage = FileSystemStorage(location=self.location)

    def build(self):
        target = self.location / BUNDLE
        text = bundle_text()
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp"
            ) as file:
                file.write(text)
            os.replace(file.name, target)
        return str(target)

    def find(self, path, find_all=False, **kwargs):
        if path != BUNDLE:
            return [] if find_all else None
        found = self.build()
        return [found] if find_all else found

    def list(self, ignore_patterns):
        if not matches_patterns(BUNDLE, ignore_patterns):
            self.build()
            yield BUNDLE, self.storage

    def check(self, **kwargs):
        errors = []
        on_disk = {path.name for path in CSS_DIR.glob("*.css")}
        for name in STYLESHEETS:
            if name not in on_disk:
                errors.append(
                    Error(
                        f"css/{name} is in STYLESHEETS but not in {CSS_DIR}.",
                        obj="portal.core.stylesheets.STYLESHEETS",
                        id="portal.E003",
                    )
                )
        for name in sorted(on_disk - set(STYLESHEETS)):
            errors.append(
                Error(
                    f"css/{name} is not in STYLESHEETS, so no page links it.",
                    hint="Add it to STYLESHEETS at its place in the cascade "
                    "(or, for the joined file's name, rename it).",
                    obj="portal.core.stylesheets.STYLESHEETS",
                    id="portal.E004",
                )
            )
        return errors
