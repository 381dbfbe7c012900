"""Synthetic content at scale, for benchmarks and load tests.

``manage.py generate_content --items N --seed S`` creates N news items, stories,
events, publications and projects as live English pages under the reference
listing pages, tagged with the reference taxonomy. See docs/generate-content.md.

How it is organized:

* **Planning is pure.** ``plan_item(seed, number, taxonomy)`` (``plan``)
  returns everything about item ``number`` (title, slug, dates, tags,
  type-specific fields, files) from ``random.Random(f"{seed}:{number}")``
  alone, through one planner per kind (``planners``), the item's tags and
  phrases (``words``), random draws (``draws``) and the word lists
  (``vocabulary``). Terms are picked from lists sorted by slug (``taxonomy``),
  so the same seed gives the same content in any database holding the
  reference content. The mix of kinds and where they go: ``kinds``.
* **Writing is bulk.** ``Generator.generate`` (``generate``) plans a batch,
  then writes it in one transaction with about thirty statements, whatever
  its size (``writing``): tree paths computed here as treebeard would
  (``tree``), page and document ids taken from the sequence up front, then
  plain rows written by ``RowWriter`` (``rows``: ``COPY`` on PostgreSQL,
  ``executemany`` on SQLite) into ``wagtailcore_page``, each page type's own
  table, the tag tables, ``wagtaildocs`` (pointing at shared sample PDFs,
  ``samples``), ``PublicationFile`` and the listing index. No model
  instances, no revisions, no reference index; the search index is written
  in bulk for each batch (``indexes``).
* **Resumable.** Slugs are ``gen-<seed>-<number>``; a batch is all or nothing,
  so a new run continues after the highest number already stored.
* **Removable.** ``Generator.remove`` (``removal``) deletes generated pages
  (one seed or all) with their tags, files and documents, batch by batch, and
  corrects the parents' ``numchild``.
* **Reported.** A progress bar while it runs, a ``Summary`` at the end
  (``progress``).
"""

from .errors import GeneratorError
from .generate import Generator
from .plan import Item, plan_item
from .planners.publications import official_symbol
from .progress import Summary
from .rows import RowWriter, allocate_ids
from .samples import ensure_sample_files, remove_sample_files, sample_names, sample_pdf
from .taxonomy import StructureInfo, Taxonomy, TermInfo
from .tree import path_step, recount_children, step_position
from .writing import planned_postings

__all__ = [
    "Generator",
    "GeneratorError",
    "Item",
    "RowWriter",
    "StructureInfo",
    "Summary",
    "Taxonomy",
    "TermInfo",
    "allocate_ids",
    "ensure_sample_files",
    "official_symbol",
    "path_step",
    "plan_item",
    "planned_postings",
    "recount_children",
    "remove_sample_files",
    "sample_names",
    "sample_pdf",
    "step_position",
]
