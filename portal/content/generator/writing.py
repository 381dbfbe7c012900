"""Writing one planned batch in a few statements: places in the tree after
each parent's last child, ids taken up front, then plain rows for the pages,
each type's own table, the tags, the documents and publication files, and
the listing index."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import connections
from django.db.models import F, Model
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.elections.models import FollowUp, Recommendation, Theme
from portal.elections.records import latest_assessment
from portal.listings.kinds import listed_kind
from portal.listings.models import ListingPosting
from portal.listings.postings import keys as posting_keys
from portal.listings.postings import rows as posting_rows
from portal.publications.models import PublicationFile
from portal.taxonomy.registry import tag_kinds

from .kinds import KINDS
from .plan import Item
from .progress import Summary
from .rows import RowWriter, allocate_ids
from .tree import STEPLEN, children_range, path_step, step_position
from .vocabulary import documents


@dataclass
class Parent:
    id: int
    path: str
    depth: int
    url_path: str


@dataclass
class Placed:
    """A planned item with its place in the tree and, once allocated, its id."""

    item: Item
    path: str
    depth: int
    url_path: str
    id: int | None = None


def planned_postings(page_id: int, item: Item) -> list[dict]:
    """The listing index rows of a planned item, as ``postings.rows`` makes them."""
    model, listing_type = KINDS[item.kind]
    if item.fields.get("distribution", "public") != "public":
        return []
    tags = {kind.param: item.tags[kind.name] for kind in tag_kinds()}
    choices = {}
    for param, (lookup, _choices, _label) in getattr(model, "listing_facets", {}).items():
        if lookup == "files__language":
            choices[param] = [language for language, _text in item.files]
        else:
            choices[param] = [item.fields.get(lookup)]
    closes_at = listed_kind(str(listing_type)).closes_at
    return posting_rows(
        str(listing_type),
        page_id,
        item.date,
        posting_keys(tags, choices),
        item.fields.get("start"),
        item.fields.get(closes_at) if closes_at else item.fields.get("end"),
    )


class BatchWriting:
    """The writing half of ``Generator``. Uses what ``Generator._prepare``
    sets: ``using``, ``locale``, ``parents`` (listing type -> page id),
    ``content_types``, ``samples``, ``collection_id`` and ``_writers``."""

    def _lock_parent(self, listing_type):
        """The parent's current place in the tree, locked (on PostgreSQL) until
        the batch commits, so two runs cannot hand out the same positions."""
        path, depth, url_path = (
            Page._base_manager.using(self.using)
            .select_for_update()
            .filter(pk=self.parents[listing_type])
            .values_list("path", "depth", "url_path")
            .get()
        )
        return Parent(self.parents[listing_type], path, depth, url_path)

    def _last_position(self, parent):
        """Position of the parent's last child (treebeard appends after it)."""
        last = (
            Page._base_manager.using(self.using)
            .filter(path__range=children_range(parent.path), depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        return step_position(last[-STEPLEN:]) if last else 0

    def _write(self, planned: list[Item], summary: Summary) -> None:
        """Write one batch of planned items; the caller holds the transaction."""
        connection = connections[self.using]
        by_parent = defaultdict(list)
        for item in planned:
            by_parent[KINDS[item.kind][1]].append(item)

        # Places in the tree: after each parent's last child, as treebeard's
        # add_child would. Updating numchild first also takes SQLite's write
        # lock before ids are handed out.
        pages = []  # Placed(...) in insertion order
        # Always lock the parents in the same order: concurrent runs wait for
        # each other instead of deadlocking.
        for listing_type in sorted(by_parent, key=lambda t: self.parents[t]):
            items = by_parent[listing_type]
            parent = self._lock_parent(listing_type)
            position = self._last_position(parent)
            for item in items:
                position += 1
                pages.append(
                    Placed(
                        item=item,
                        path=parent.path + path_step(position),
                        depth=parent.depth + 1,
                        url_path=f"{parent.url_path}{item.slug}/",
                    )
                )
            Page._base_manager.using(self.using).filter(pk=parent.id).update(
                numchild=F("numchild") + len(items)
            )
        for page, page_id in zip(pages, allocate_ids(Page, len(pages), connection), strict=True):
            page.id = page_id

        # 1. wagtailcore_page rows, every type at once.
        self.writer(Page, with_pk=True).write(
            {
                "id": page.id,
                "path": page.path,
                "depth": page.depth,
                "numchild": 0,
                "translation_key": page.item.translation_key,
                "locale_id": self.locale.pk,
                "live": True,
                "has_unpublished_changes": False,
                "first_published_at": page.item.published_at,
                "last_published_at": page.item.published_at,
                "title": page.item.title,
                "draft_title": page.item.title,
                "slug": page.item.slug,
                "content_type_id": self.content_types[page.item.model].pk,
                "url_path": page.url_path,
                "show_in_menus": page.item.model.show_in_menus_default,
            }
            for page in pages
        )
        # 2. Each type's own table (multi-table inheritance: page_ptr_id = id).
        by_model = defaultdict(list)
        for page in pages:
            item = page.item
            by_model[item.model].append(
                {
                    "page_ptr_id": page.id,
                    "summary": item.summary,
                    "date": item.date,
                    "body": item.body,
                    **item.fields,
                }
            )
        for model, rows in by_model.items():
            self.writer(model).write(rows)
            summary.pages[model] += len(rows)
        # 3. Tags.
        for name, through in ((kind.name, kind.through_model()) for kind in tag_kinds()):
            summary.tags += self.writer(through).write(
                {"page_id": page.id, "term_id": term_id, "sort_order": n}
                for page in pages
                for n, term_id in enumerate(page.item.tags[name])
            )
        # 4. Publications: one document and one file per language.
        self._write_files(pages, summary)
        # 5. Elections: the recommendations of their final report, with themes and follow-up.
        self._write_recommendations(pages, summary)
        # 6. The listing index.
        self.writer(ListingPosting).write(
            row for page in pages for row in planned_postings(page.id, page.item)
        )

    def writer(self, model: type[Model], with_pk: bool = False) -> RowWriter:
        """The RowWriter of ``model``, made once per run."""
        key = (model, with_pk)
        if key not in self._writers:
            self._writers[key] = RowWriter(model, connections[self.using], with_pk=with_pk)
        return self._writers[key]

    def _write_recommendations(self, pages: list[Placed], summary: Summary) -> None:
        entries = [(page.id, record) for page in pages for record in page.item.records]
        if not entries:
            return
        connection = connections[self.using]
        ids = allocate_ids(Recommendation, len(entries), connection)
        themes = dict(Theme.objects.using(self.using).values_list("code", "pk"))
        summary.recommendations += self.writer(Recommendation, with_pk=True).write(
            recommendation_row(pk, page_id, record)
            for pk, (page_id, record) in zip(ids, entries, strict=True)
        )
        self.writer(Recommendation.themes.through).write(
            {"recommendation_id": pk, "theme_id": themes[code]}
            for pk, (_page_id, record) in zip(ids, entries, strict=True)
            for code in record["themes"]
            if code in themes
        )
        self.writer(FollowUp).write(
            {
                "recommendation_id": pk,
                "sort_order": n,
                "year": year,
                "status": status,
                "source": f"Follow-up assessment of {year}",
            }
            for pk, (_page_id, record) in zip(ids, entries, strict=True)
            for n, (year, status) in enumerate(record["follow_ups"])
        )

    def _write_files(self, pages: list[Placed], summary: Summary) -> None:
        Document = get_document_model()
        entries = [
            (page.id, page.item, n, language, text)
            for page in pages
            for n, (language, text) in enumerate(page.item.files)
        ]
        if not entries:
            return
        document_ids = allocate_ids(Document, len(entries), connections[self.using])
        now = timezone.now()
        summary.documents += self.writer(Document, with_pk=True).write(
            {
                "id": document_id,
                "collection_id": self.collection_id,
                "title": f"{item.fields['symbol'] or item.title} "
                f"({documents.LANGUAGE_NAMES.get(language, language)})"[:255],
                "file": self.samples[language].name,
                "created_at": now,
                "file_size": self.samples[language].size,
                "file_hash": self.samples[language].sha1,
            }
            for document_id, (_page_id, item, _n, language, _text) in zip(
                document_ids, entries, strict=True
            )
        )
        summary.files += self.writer(PublicationFile).write(
            {
                "page_id": page_id,
                "sort_order": n,
                "language": language,
                "document_id": document_id,
                "text": text,
                # The text counts as extracted from this very file: saving the
                # page in the admin keeps it instead of extracting the sample.
                "text_source_hash": self.samples[language].sha1,
            }
            for document_id, (page_id, _item, n, language, text) in zip(
                document_ids, entries, strict=True
            )
        )


def recommendation_row(pk: int, election_id: int, record: dict) -> dict:
    """A recommendation's row with its stored current status: rows bypass
    ``save()`` and the signals that keep it in step, so it is written here,
    from the record's (year, status) assessments."""
    status, year = latest_assessment(record["follow_ups"])
    return {
        "id": pk,
        "election_id": election_id,
        "number": record["number"],
        "text": record["text"],
        "priority": record["priority"],
        "latest_status": status,
        "latest_year": year,
    }
