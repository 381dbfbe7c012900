"""Load the reference content files through the page models.

Idempotent: a page is identified by its parent and slug; a page whose values
already match its file is left alone (no new revision), a page whose file
changed is updated and republished, a missing page is created. Every file is
parsed and validated before anything is written, and the whole load runs in
one transaction, so a bad file changes nothing.

``Loader`` holds what every section shares (the locale, the home page, the
counts, creating or updating a page, finding a page or a term); each YAML
section is loaded by its own module: ``pages`` (home and page tree),
``taxonomy`` (fields of work, meeting series, countries), ``structures``
(structures and leadership), ``dated`` (news, stories, events), ``meetings`` (meetings of the series),
``navigation`` (menus) and ``translations`` (the other languages).
"""

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page

from portal.taxonomy.models import Term
from portal.taxonomy.registry import tag_kinds

from . import dated, elections, meetings, navigation, pages, projects, structures, taxonomy
from .deferred import indexes_at_the_end
from .reading import FILES, ReferenceContentError, read_file, read_translations
from .streamdata import assign_changes
from .translations import Translator


class Loader:
    """Loads the reference content from ``directory``; ``run`` returns the
    counts of pages and menus created, updated and left unchanged."""

    def __init__(self, directory: str | Path, log: Callable[[str], None] | None = None) -> None:
        self.directory = Path(directory)
        self.log = log or (lambda message: None)
        self.stats = Counter()

    # -- entry point ---------------------------------------------------------------

    def run(self) -> Counter:
        data = {key: read_file(self.directory, key) for key in FILES}
        translations = read_translations(self.directory)
        with transaction.atomic(), indexes_at_the_end():
            self.locale = Locale.get_default()
            self.home = pages.load_home(self, data["pages"].home)
            for node in data["pages"].tree:
                pages.load_tree_node(self, self.home, node)
            pages.link_home_pages(self, data["pages"].home)
            taxonomy.load_fields_of_work(self, data["fields_of_work"])
            taxonomy.load_meeting_series(self, data["meeting_series"])
            taxonomy.load_countries(self, data["countries"])
            structures.load_structures(self, data["structures"])
            structures.load_leadership(self, data["leadership"])
            dated.load_news(self, data["news"])
            dated.load_stories(self, data["stories"])
            dated.load_events(self, data["events"])
            meetings.load_meetings(self, data["meetings"])
            elections.load_elections(self, data["elections"])
            projects.load_donors(self, data["donors"])
            menus = navigation.load_navigation(self, data["navigation"])
            for filename, translation in translations:
                Translator(self, filename, translation, data).run(menus)
        return self.stats

    # -- generic upsert ------------------------------------------------------------

    def upsert(
        self,
        parent: Page,
        model: type[Page],
        title: str,
        slug: str | None,
        fields: dict[str, Any],
        tags: dict[str, list[int]] | None = None,
    ) -> Page:
        """Create or update the child of ``parent`` with ``slug``; publish if changed.

        ``tags`` maps a tag name (``fields_of_work``...) to a list of term ids."""
        slug = slug or slugify(title)
        fields = {"title": title, **fields}
        tags = tags or {}
        existing = parent.get_children().filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug, locale=self.locale, **fields)
            for name, ids in tags.items():
                page.set_tags(name, ids)
            parent.add_child(instance=page)
            page.save_revision().publish(log_action=None)
            self.stats["created"] += 1
            return page
        page = existing.specific
        if not isinstance(page, model):
            raise ReferenceContentError(
                "",
                parent.url_path + slug,
                f"exists as a {type(page).__name__}, not a {model.__name__}",
            )
        changed = assign_changes(page, model, fields)
        for name, ids in tags.items():
            if page.tag_ids(name) != ids:
                page.set_tags(name, ids)
                changed = True
        if changed or not page.live:
            page.save_revision().publish(log_action=None)
            self.stats["updated"] += 1
        else:
            self.stats["unchanged"] += 1
        return page

    # -- finding pages and terms ---------------------------------------------------

    def page_at(self, path: str, filename: str, location: str) -> Page:
        """The English page at ``path`` below the home page (specific)."""
        url_path = self.home.url_path + path.lstrip("/")
        page = Page.objects.filter(url_path=url_path, locale=self.locale).first()
        if page is None:
            raise ReferenceContentError(filename, location, f"no page at {path}")
        return page.specific

    def terms(self, kind: str, slugs: list[str], filename: str, location: str) -> list[int]:
        """The ids of the terms of ``kind`` with ``slugs``, in that order."""
        found = dict(Term.objects.filter(kind=kind, slug__in=slugs).values_list("slug", "pk"))
        missing = [s for s in slugs if s not in found]
        if missing:
            label = kind.replace("_", " ")
            raise ReferenceContentError(filename, location, f"unknown {label} {missing[0]!r}")
        return [found[s] for s in slugs]

    def tags(self, entry: Any, filename: str, location: str) -> dict[str, list[int]]:
        """The tags of a tagged entry (news, story, event) as term ids, one
        list per tag kind (``taxonomy.registry``), read from the entry's field
        of the kind's name."""
        return {
            kind.name: self.terms(
                kind.term_kind, getattr(entry, kind.name, []), filename, f"{location}.{kind.name}"
            )
            for kind in tag_kinds()
        }
