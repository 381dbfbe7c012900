"""Digests: the items first published since a subscriber's last digest that
match their choices, read from the listing index, in their language with the
English fallback marked, written to the outbox in batches (docs/subscriptions.md).

Never twice: each subscription's ``sent_until`` (high-water mark) moves to the
run's cutoff in the transaction that writes its digest to the outbox, so a
message and the mark commit together or not at all; a second run finds no new
items. Efficient: subscribers with the same choices, language and mark share
one query and one rendering; each batch's messages are one bulk insert."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template import loader
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.models import Page

from portal.core.locales import locale_id_of
from portal.core.localized import localize
from portal.listings.index import ListingPosting
from portal.listings.kinds import listed_kind
from portal.mail.delivery import first_attempt_deadline
from portal.mail.models import OutgoingMessage
from portal.mail.stored import to_row
from portal.taxonomy.registry import tag_params

from . import links, mailing
from .records import Frequency, Subscription
from .sending import enqueue_batches

logger = logging.getLogger("portal.subscriptions")

MAX_ITEMS = 50  # the newest items of one digest; the rest are counted
BATCH = 1000  # subscriptions per transaction
# The least time between two digests of one subscription, per frequency.
MIN_GAP = {
    Frequency.IMMEDIATE: timedelta(0),
    Frequency.DAILY: timedelta(hours=23),
    Frequency.WEEKLY: timedelta(days=6, hours=23),
}
MANAGE = "%%MANAGE_URL%%"
UNSUBSCRIBE = "%%UNSUBSCRIBE_URL%%"

GroupKey = tuple[tuple[str, ...], tuple[int, ...], datetime]


def settle() -> timedelta:
    """Items published less than this before a run wait for the next one, so
    that a publication committing during the run is not skipped."""
    return timedelta(seconds=settings.SUBSCRIPTION_SETTLE_SECONDS)


def matching_items(kinds, terms, since: datetime, until: datetime) -> tuple[list[int], int]:
    """(the newest item ids, how many in all) of the kinds (any when empty)
    carrying any of the terms (any when empty), first published in
    (``since``, ``until``]. One query, two when there are more than MAX_ITEMS."""
    listed = ListingPosting.objects.filter(
        facet="", item__first_published_at__gt=since, item__first_published_at__lte=until
    )
    if kinds:
        listed = listed.filter(listing__in=list(kinds))
    if terms:
        tagged = ListingPosting.objects.filter(
            item=OuterRef("item"), facet__in=tag_params(), value__in=[str(t) for t in terms]
        )
        listed = listed.filter(Exists(tagged))
    ids = list(
        listed.order_by("-sort", "-item_id").values_list("item_id", flat=True)[: MAX_ITEMS + 1]
    )
    total = len(ids) if len(ids) <= MAX_ITEMS else listed.count()
    return ids[:MAX_ITEMS], total


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render(item_ids: list[int], total: int, language: str) -> Rendered:
    """One digest in ``language``, with placeholders for the subscriber's links."""
    postings = dict(
        ListingPosting.objects.filter(item_id__in=item_ids, facet="").values_list(
            "item_id", "listing"
        )
    )
    pages = {page.pk: page for page in Page.objects.filter(pk__in=item_ids).specific()}
    ordered = [pages[pk] for pk in item_ids if pk in pages]
    with translation.override(language):
        shown = localize(ordered, locale_id_of(language))
        items = [
            {
                "title": page.title,
                "summary": getattr(page, "summary", ""),
                "url": page.get_full_url(),
                "is_fallback": page.is_fallback,
                "lang": settings.LANGUAGE_CODE if page.is_fallback else language,
                "kind": listed_kind(postings[source.pk]).label if source.pk in postings else "",
            }
            for page, source in zip(shown, ordered, strict=True)
        ]
        context = {
            "items": items,
            "more": max(total - len(items), 0),
            "manage_url": MANAGE,
            "unsubscribe_url": UNSUBSCRIBE,
            "language": language,
        }
        subject = ngettext(
            "%(count)s new item from the OSCE", "%(count)s new items from the OSCE", total
        ) % {"count": total}
        text = loader.render_to_string("subscriptions/mail/digest.txt", context)
        html = loader.render_to_string("subscriptions/mail/digest.html", context)
    return Rendered(subject, text, html)


def personal(digest: Rendered, subscription) -> OutgoingMessage:
    manage, unsubscribe = links.manage_url(subscription), links.unsubscribe_url(subscription)

    def fill(body: str) -> str:
        return body.replace(MANAGE, manage).replace(UNSUBSCRIBE, unsubscribe)

    mail = mailing.message(
        digest.subject,
        fill(digest.text),
        fill(digest.html),
        subscription.email,
        "subscription-digest",
        headers=mailing.unsubscribe_headers(unsubscribe),
    )
    row = to_row(mail)
    row.next_attempt_at = first_attempt_deadline()
    return row


def run(frequency: str, now: datetime | None = None, batch: int = BATCH) -> int:
    """Write the digests due for ``frequency``; return how many were written."""
    cutoff = (now or timezone.now()) - settle()
    due = Subscription.objects.filter(
        frequency=frequency,
        confirmed_at__isnull=False,
        sent_until__lte=cutoff - MIN_GAP[frequency],
    ).only("pk", "email", "language", "kinds", "terms", "sent_until", "key")
    found: dict[GroupKey, tuple[list[int], int]] = {}
    rendered: dict[tuple[tuple[int, ...], int, str], Rendered] = {}
    written, last_pk = 0, 0
    while True:
        with transaction.atomic():
            subscriptions = list(
                due.filter(pk__gt=last_pk)
                .order_by("pk")
                .select_for_update(skip_locked=True)[:batch]
            )
            if not subscriptions:
                break
            last_pk = subscriptions[-1].pk
            rows = []
            for subscription in subscriptions:
                key = (
                    tuple(subscription.kinds),
                    tuple(subscription.terms),
                    subscription.sent_until,
                )
                if key not in found:
                    found[key] = matching_items(*key, until=cutoff)
                ids, total = found[key]
                if not ids:
                    continue
                shape = (tuple(ids), total, subscription.language)
                if shape not in rendered:
                    rendered[shape] = render(ids, total, subscription.language)
                rows.append(personal(rendered[shape], subscription))
            OutgoingMessage.objects.bulk_create(rows, batch_size=500)
            Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).update(
                sent_until=cutoff
            )
            ids_written = [row.pk for row in rows]
            transaction.on_commit(lambda ids=ids_written: enqueue_batches(ids))
            written += len(rows)
    if written:
        logger.info("Wrote %s %s digests.", written, frequency)
    return written
