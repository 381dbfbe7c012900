"""Removing generated content, batch by batch: only pages of the generated
types whose slug is exactly ``gen-<seed>-<number>``, with their tags, files,
documents, index entries and listing rows. Pages nobody touched are deleted
directly; pages an editor touched go through Wagtail's own ``delete()``;
pages that have children of their own are left in place and reported."""

import re
import time
from collections import Counter, defaultdict

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django.db.models import F
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from portal.core.cache import bump_content_version
from portal.elections.models import FollowUp, Recommendation
from portal.listings.models import ListingPosting
from portal.publications.models import PublicationFile
from portal.taxonomy.registry import tag_kinds

from . import indexes
from .kinds import MODELS, SLUG_PATTERN
from .meetings import remove_meetings
from .people import remove_people
from .progress import Summary
from .rows import chunk_size, chunks
from .samples import remove_sample_files, sample_names
from .tree import STEPLEN, recount_children


# Rows the generator writes next to its pages, deleted with them.
def _generated_rows() -> set:
    """The tables whose rows the generator writes beside its pages."""
    return {kind.through_model() for kind in tag_kinds()} | {PublicationFile, Recommendation}


class Removal:
    """The removing half of ``Generator``. Uses ``seed``, ``batch_size``,
    ``using``, ``content_types``, ``_generated`` and ``_bar``."""

    def remove(self) -> Summary:
        """Delete the generated pages of this seed (all seeds when ``seed`` is
        None), with their tags, files and documents. Reference content is never
        touched: only pages of the generated types whose slug is exactly
        ``gen-<seed>-<number>`` are deleted."""
        started = time.monotonic()
        summary = Summary("removed")
        remove_meetings(self.seed, self.using)
        people = remove_people(self.seed, self.using)
        if people:
            summary.notes.append(f"{people} generated people and their tenures.")
        pattern = re.compile(
            rf"^gen-{self.seed}-\d+$" if self.seed is not None else SLUG_PATTERN.pattern
        )
        candidates = self._generated(self.seed)
        parents = set()
        desc = f"Removing (seed {self.seed})" if self.seed is not None else "Removing"
        with self._bar(total=candidates.count(), desc=desc) as bar:
            last_id = 0
            while True:
                rows = list(
                    candidates.filter(pk__gt=last_id)
                    .order_by("pk")
                    .values_list("pk", "slug", "content_type_id", "path", "numchild")[
                        : self.batch_size
                    ]
                )
                if not rows:
                    break
                last_id = rows[-1][0]
                mine = [row for row in rows if pattern.match(row[1])]
                with transaction.atomic(using=self.using):
                    parents |= self._delete(mine, summary)
                bar.update(len(rows))
        with transaction.atomic(using=self.using):
            recount_children(parents, self.using)
            self._delete_leftover_documents(summary)
        if not summary.total and not summary.skipped and not people:
            summary.notes.append("There was no generated content to remove.")
        if summary.skipped:
            summary.notes.append(
                f"{summary.skipped} generated pages have child pages of their own and were "
                "left in place; move or delete those children, then run --remove again."
            )
        bump_content_version()
        summary.seconds = time.monotonic() - started
        return summary

    def _delete(self, rows, summary):
        """Delete one batch of generated pages; returns the parents' paths."""
        keep = [row for row in rows if row[4] > 0]  # has children: never cascade into them
        summary.skipped += len(keep)
        rows = [row for row in rows if row[4] == 0]
        ids = [row[0] for row in rows]
        if not ids:
            return set()
        Document = get_document_model()
        db = self.using

        # 1. What the generator created next to the pages.
        document_ids = []
        for chunk in self._chunks(ids):
            files = PublicationFile._base_manager.using(db).filter(page_id__in=chunk)
            document_ids += [d for d in files.values_list("document_id", flat=True) if d]
            summary.files += files._raw_delete(db)
            for through in (kind.through_model() for kind in tag_kinds()):
                summary.tags += (
                    through._base_manager.using(db).filter(page_id__in=chunk)._raw_delete(db)
                )
            ListingPosting._base_manager.using(db).filter(item_id__in=chunk)._raw_delete(db)
            summary.recommendations += _delete_recommendations(chunk, db)
        for chunk in self._chunks(document_ids):
            # Only generated documents (an editor may have attached a real one)
            # that nothing else uses, deleted without the signal that would
            # delete the shared sample file.
            documents = Document._base_manager.using(db).filter(
                pk__in=chunk, file__in=sample_names()
            )
            for relation in _relations_to(Document):
                documents = documents.exclude(
                    pk__in=relation.related_model._base_manager.using(db)
                    .filter(**{f"{relation.field.name}__in": chunk})
                    .values(relation.field.attname)
                )
            summary.documents += documents._raw_delete(db)

        # 2. Index entries, once a reindex has created them.
        indexes.remove_entries(ids, self._all_content_type_ids(), db)

        # 3. The pages. Those an editor has touched (revisions, aliases,
        # redirects, permissions...) go through Wagtail's own delete; the others
        # are deleted directly, their parents' numchild decremented.
        touched = self._touched(ids)
        plain = [row for row in rows if row[0] not in touched]
        by_type = defaultdict(list)
        for row in plain:
            by_type[row[2]].append(row[0])
        for content_type_id, type_ids in by_type.items():
            model = ContentType.objects.db_manager(db).get_for_id(content_type_id).model_class()
            for chunk in self._chunks(type_ids):
                model._base_manager.using(db).filter(pk__in=chunk)._raw_delete(db)
                Page._base_manager.using(db).filter(pk__in=chunk)._raw_delete(db)
            summary.pages[model] += len(type_ids)
        parents = Counter(row[3][:-STEPLEN] for row in plain)
        for path, count in parents.items():
            Page._base_manager.using(db).filter(path=path).update(numchild=F("numchild") - count)
        for page in Page.objects.using(db).filter(pk__in=touched).specific():
            summary.pages[type(page)] += 1
            page.delete()
        return set(parents) | {row[3][:-STEPLEN] for row in rows if row[0] in touched}

    def _content_type_ids(self):
        return [ct.pk for ct in self.content_types.values()]

    def _all_content_type_ids(self):
        page = ContentType.objects.db_manager(self.using).get_for_model(Page)
        return [page.pk, *self._content_type_ids()]

    def _touched(self, ids):
        """Ids among ``ids`` that something other than the generator refers to
        (revisions, aliases, redirects, permissions, comments...)."""
        touched = set()
        content_type_ids = self._all_content_type_ids()
        for model, name in _references_to_pages():
            for chunk in self._chunks(ids):
                touched.update(
                    model._base_manager.using(self.using)
                    .filter(**{f"{name}__in": chunk})
                    .values_list(name, flat=True)
                )
        for model, content_type_field, object_id_field in _generic_references_to_pages():
            for chunk in self._chunks([str(i) for i in ids]):
                rows = model._base_manager.using(self.using).filter(
                    **{
                        f"{content_type_field}__in": content_type_ids,
                        f"{object_id_field}__in": chunk,
                    }
                )
                touched.update(int(i) for i in rows.values_list(object_id_field, flat=True))
        return touched & set(ids)

    def _chunks(self, values):
        """``values`` in slices short enough for an IN (...) list."""
        return chunks(values, chunk_size(connections[self.using]))

    def _delete_leftover_documents(self, summary):
        """After removing every seed: generated documents no file uses any more
        (their publication deleted in the admin), then the sample files."""
        Document = get_document_model()
        documents = Document._base_manager.using(self.using).filter(file__in=sample_names())
        if self.seed is None:
            used = PublicationFile._base_manager.using(self.using).filter(document__isnull=False)
            orphans = list(
                documents.exclude(pk__in=used.values("document_id")).values_list("pk", flat=True)
            )
            for chunk in self._chunks(orphans):
                summary.documents += (
                    Document._base_manager.using(self.using)
                    .filter(pk__in=chunk)
                    ._raw_delete(self.using)
                )
        if not documents.exists():
            remove_sample_files()


def _delete_recommendations(election_ids, db) -> int:
    """The recommendations of these elections, with their themes and follow-up."""
    recommendations = Recommendation._base_manager.using(db).filter(election_id__in=election_ids)
    ids = recommendations.values("pk")
    FollowUp._base_manager.using(db).filter(recommendation_id__in=ids)._raw_delete(db)
    Recommendation.themes.through._base_manager.using(db).filter(
        recommendation_id__in=ids
    )._raw_delete(db)
    return recommendations._raw_delete(db)


def _relations_to(model):
    """The foreign keys pointing at ``model`` (hidden ones included) that the
    database enforces; multi-table parent links excluded."""
    return [
        f
        for f in model._meta.get_fields(include_hidden=True)
        if f.auto_created
        and not f.concrete
        and (f.one_to_many or f.one_to_one)
        and not getattr(f, "parent_link", False)
        and f.field.db_constraint
    ]


def _references_to_pages():
    """(model, field name) of every foreign key that may point at a generated
    page, except the page types' own tables and the rows the generator writes.
    (Log entries have no constraint and outlive their page, as in Wagtail.)"""
    found = {}
    generated = _generated_rows()
    for model in (Page, *MODELS):
        for relation in _relations_to(model):
            if relation.related_model not in generated:
                found[(relation.related_model, relation.field.name)] = None
    return list(found)


def _generic_references_to_pages():
    """(model, content type field, object id field) of the generic relations of
    pages (revisions, workflow states), search index entries excepted."""
    found = {}
    for model in (Page, *MODELS):
        for generic in model._meta.private_fields:
            if isinstance(generic, GenericRelation) and generic.related_model is not IndexEntry:
                key = (
                    generic.related_model,
                    generic.content_type_field_name,
                    generic.object_id_field_name,
                )
                found[key] = None
    return list(found)
